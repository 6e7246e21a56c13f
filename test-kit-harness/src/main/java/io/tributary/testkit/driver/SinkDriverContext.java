package io.tributary.testkit.driver;

import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.sink.ErrantRecordReporter;
import io.tributary.sdk.sink.SinkTaskContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The context a {@link SinkTaskDriver} gives its task: it owns the assignment and the paused partitions
 * and records everything the task asks for, for the driver to act on and the test to inspect. Used from
 * the driver's thread only, as the SDK asks tasks to call their context from the task's thread; the
 * errant records are kept in a synchronized list in case a task reports from a thread of its own.
 */
final class SinkDriverContext implements SinkTaskContext {
    private final TaskId taskId;
    private final Map<String, String> config;
    private final Set<TopicPartition> assignment = new LinkedHashSet<>();
    private final Set<TopicPartition> paused = new LinkedHashSet<>();
    private final Map<TopicPartition, Long> resetsToApply = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> requestedResets = new LinkedHashMap<>();
    private final List<ReportedRecord> errantRecords = Collections.synchronizedList(new ArrayList<>());
    private final ErrantRecordReporter reporter = (record, error) -> {
        errantRecords.add(new ReportedRecord(record, error));
        return CompletableFuture.completedFuture(null);
    };
    private Duration lastTimeout;
    private int commitRequests;

    SinkDriverContext(TaskId taskId, Map<String, String> config) {
        this.taskId = taskId;
        this.config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    @Override
    public TaskId taskId() {
        return taskId;
    }

    @Override
    public Map<String, String> config() {
        return config;
    }

    @Override
    public void offsets(Map<TopicPartition, Long> offsets) {
        Objects.requireNonNull(offsets, "offsets");
        offsets.forEach((partition, offset) -> {
            Objects.requireNonNull(partition, "The task asked for an offset reset of a null partition");
            if (offset == null || offset < 0) {
                throw new IllegalArgumentException("The task asked to consume " + partition + " from offset " + offset
                        + "; an offset must be 0 or more");
            }
        });
        resetsToApply.putAll(offsets);
        requestedResets.putAll(offsets);
    }

    @Override
    public void timeout(Duration backoff) {
        Objects.requireNonNull(backoff, "The task set a null timeout; pass a Duration of 0 or more");
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("The task set a negative timeout " + backoff + "; pass 0 or more");
        }
        lastTimeout = backoff;
    }

    @Override
    public Set<TopicPartition> assignment() {
        return assignedPartitions();
    }

    @Override
    public void pause(TopicPartition... partitions) {
        for (TopicPartition partition : partitions) {
            requireAssigned(partition, "pause");
            paused.add(partition);
        }
    }

    @Override
    public void resume(TopicPartition... partitions) {
        for (TopicPartition partition : partitions) {
            requireAssigned(partition, "resume");
            paused.remove(partition);
        }
    }

    @Override
    public void requestCommit() {
        commitRequests++;
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        return reporter;
    }

    void assign(Collection<TopicPartition> partitions) {
        assignment.addAll(partitions);
    }

    void revoke(Collection<TopicPartition> partitions) {
        assignment.removeAll(partitions);
        paused.removeAll(partitions);
        resetsToApply.keySet().removeAll(partitions);
    }

    boolean isAssigned(TopicPartition partition) {
        return assignment.contains(partition);
    }

    boolean isPaused(TopicPartition partition) {
        return paused.contains(partition);
    }

    Map<TopicPartition, Long> takeResetsToApply() {
        Map<TopicPartition, Long> resets = new LinkedHashMap<>(resetsToApply);
        resetsToApply.clear();
        return resets;
    }

    Set<TopicPartition> assignedPartitions() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(assignment));
    }

    Set<TopicPartition> pausedPartitions() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(paused));
    }

    Map<TopicPartition, Long> requestedResets() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(requestedResets));
    }

    List<ReportedRecord> errantRecords() {
        synchronized (errantRecords) {
            return List.copyOf(errantRecords);
        }
    }

    Duration lastTimeout() {
        return lastTimeout;
    }

    int commitRequests() {
        return commitRequests;
    }

    void requireAssigned(TopicPartition partition, String action) {
        Objects.requireNonNull(partition, "partition");
        if (!assignment.contains(partition)) {
            throw new IllegalStateException("Cannot " + action + " partition " + partition
                    + ": it is not assigned to the task; the assignment is " + assignment
                    + ". Assign it with start(...) or rebalance(...)");
        }
    }
}
