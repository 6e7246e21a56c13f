package io.tributary.runtime.worker;

import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.sink.ErrantRecordReporter;
import io.tributary.sdk.sink.SinkTaskContext;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * A sink task's view of the runtime. Called by the task on the task thread; requests that move the
 * consumer (offset resets) take effect when the task's call returns.
 *
 * <p>A partition is read only when nobody holds it: not the task (its own {@link #pause}), and not the
 * runtime (a paused connector, a retry back-off). The task's {@link #resume} lifts its own hold only.
 */
final class SinkContext implements SinkTaskContext {
    private final TaskId id;
    private final Map<String, String> config;
    private final Consumer<byte[], byte[]> consumer;
    private final ErrantRecordReporter reporter;
    private final Map<TopicPartition, Long> offsetResets = new LinkedHashMap<>();
    private final Set<TopicPartition> pausedByTask = new HashSet<>();
    private final BooleanSupplier heldByRuntime;
    private Duration backoff;
    private boolean commitRequested;

    /**
     * @param id the task
     * @param config its configuration
     * @param consumer its consumer
     * @param reporter its errant record reporter
     * @param heldByRuntime whether the runtime holds every partition paused right now
     */
    SinkContext(
            TaskId id,
            Map<String, String> config,
            Consumer<byte[], byte[]> consumer,
            ErrantRecordReporter reporter,
            BooleanSupplier heldByRuntime) {
        this.heldByRuntime = heldByRuntime;
        this.id = id;
        this.config = Map.copyOf(config);
        this.consumer = consumer;
        this.reporter = reporter;
    }

    static List<io.tributary.sdk.connector.TopicPartition> toSdk(Collection<TopicPartition> partitions) {
        return partitions.stream()
                .map(tp -> new io.tributary.sdk.connector.TopicPartition(tp.topic(), tp.partition()))
                .toList();
    }

    private static TopicPartition toKafka(io.tributary.sdk.connector.TopicPartition partition) {
        return new TopicPartition(partition.topic(), partition.partition());
    }

    @Override
    public TaskId taskId() {
        return id;
    }

    @Override
    public Map<String, String> config() {
        return config;
    }

    @Override
    public void offsets(Map<io.tributary.sdk.connector.TopicPartition, Long> offsets) {
        offsets.forEach((partition, offset) -> offsetResets.put(toKafka(partition), offset));
    }

    @Override
    public void timeout(Duration backoffDuration) {
        if (backoffDuration == null || backoffDuration.isNegative()) {
            throw new IllegalArgumentException("The retry back-off must be zero or more, got " + backoffDuration);
        }
        this.backoff = backoffDuration;
    }

    Optional<Duration> backoff() {
        return Optional.ofNullable(backoff);
    }

    @Override
    public Set<io.tributary.sdk.connector.TopicPartition> assignment() {
        return Set.copyOf(toSdk(consumer.assignment()));
    }

    @Override
    public void pause(io.tributary.sdk.connector.TopicPartition... partitions) {
        List<TopicPartition> kafka =
                List.of(partitions).stream().map(SinkContext::toKafka).toList();
        requireAssigned(kafka);
        pausedByTask.addAll(kafka);
        consumer.pause(kafka);
    }

    @Override
    public void resume(io.tributary.sdk.connector.TopicPartition... partitions) {
        List<TopicPartition> kafka =
                List.of(partitions).stream().map(SinkContext::toKafka).toList();
        requireAssigned(kafka);
        kafka.forEach(pausedByTask::remove);
        if (!heldByRuntime.getAsBoolean()) {
            consumer.resume(kafka);
        }
    }

    private void requireAssigned(List<TopicPartition> partitions) {
        Set<TopicPartition> assigned = consumer.assignment();
        List<TopicPartition> foreign =
                partitions.stream().filter(p -> !assigned.contains(p)).toList();
        if (!foreign.isEmpty()) {
            throw new IllegalStateException("Task " + id + " can only pause or resume its assigned partitions "
                    + assigned + ", not " + foreign);
        }
    }

    /**
     * Pauses and resumes the assigned partitions to match who holds them: all are paused while the
     * runtime holds them, otherwise exactly those the task paused.
     */
    void applyPauses() {
        Set<TopicPartition> assigned = consumer.assignment();
        if (heldByRuntime.getAsBoolean()) {
            consumer.pause(assigned);
            return;
        }
        Set<TopicPartition> resume =
                assigned.stream().filter(p -> !pausedByTask.contains(p)).collect(Collectors.toSet());
        consumer.resume(resume);
        consumer.pause(assigned.stream().filter(pausedByTask::contains).toList());
    }

    /** @param partitions partitions taken from the task: its pauses of them end with them */
    void forget(Collection<TopicPartition> partitions) {
        pausedByTask.removeAll(partitions);
        partitions.forEach(offsetResets::remove);
    }

    /** @return the partitions the task paused itself */
    Set<TopicPartition> pausedByTask() {
        return Set.copyOf(pausedByTask);
    }

    @Override
    public void requestCommit() {
        commitRequested = true;
    }

    boolean takeCommitRequest() {
        boolean requested = commitRequested;
        commitRequested = false;
        return requested;
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        return reporter;
    }

    /**
     * Seeks the consumer to the offsets the task asked for, for partitions still assigned.
     *
     * @param currentOffsets the runner's next offsets, updated to the new positions
     * @return the partitions that were moved
     */
    Set<TopicPartition> applyOffsetResets(Map<TopicPartition, Long> currentOffsets) {
        if (offsetResets.isEmpty()) {
            return Set.of();
        }
        Set<TopicPartition> assigned = consumer.assignment();
        Set<TopicPartition> moved = new HashSet<>();
        offsetResets.forEach((partition, offset) -> {
            if (assigned.contains(partition)) {
                consumer.seek(partition, offset);
                currentOffsets.put(partition, offset);
                moved.add(partition);
            }
        });
        offsetResets.clear();
        return moved;
    }
}
