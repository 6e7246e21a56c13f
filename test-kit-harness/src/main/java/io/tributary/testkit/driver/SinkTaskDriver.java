package io.tributary.testkit.driver;

import io.tributary.sdk.annotation.Evolving;
import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.errors.RetriableException;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTask;
import io.tributary.sdk.sink.SinkTaskContext;
import io.tributary.sdk.sink.TimestampType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs one {@link SinkTask} without Kafka, doing what the runtime and its consumer would around it: it
 * starts the task and opens its assigned partitions, delivers the batches the test puts, tracks the
 * next offset to consume per partition, commits what {@link SinkTask#preCommit} allows, rebalances,
 * and honours what the task asks of its {@link SinkTaskContext}: offset resets, pauses, commit requests,
 * back-off and errant records.
 *
 * <pre>{@code
 * TopicPartition orders = new TopicPartition("orders", 0);
 * try (SinkTaskDriver<TableSinkTask> driver = SinkTaskDriver.forTask(TableSinkTask::new)
 *         .config(Map.of("table", "orders"))
 *         .start(orders)) {
 *     driver.putValues(orders, Schema.INT64_SCHEMA, 1L, 2L, 3L);
 *     assertThat(driver.commit()).containsEntry(orders, 3L);
 * }
 * }</pre>
 *
 * <p><b>Offsets.</b> A partition's position, the next offset to consume, starts at its committed offset
 * (0 when none) and moves past each record delivered to {@code put}. An offset reset the task asks for
 * with {@link SinkTaskContext#offsets} moves the position when the task's call returns, before the next
 * batch, as the runtime seeks its consumer; the partition must be assigned by then. {@link #commit()}
 * stores what {@code preCommit} returns, as the runtime does: only for assigned partitions and only up
 * to their position.
 *
 * <p><b>Threads.</b> Not thread-safe: use a driver from one thread. Every task method, {@code stop}
 * included, is called on the calling thread.
 *
 * <p><b>Failures.</b> A {@link RetriableException} from {@code put} is counted and the same batch is
 * delivered again at once, without waiting for the back-off the task set (which {@link #lastBackoff()}
 * shows), up to {@link Builder#maxRedeliveries(int)} times. Any other exception from {@code put}, or
 * running out of redeliveries, propagates after the driver has stopped the task as the runtime stops a
 * failed task; {@link #restart()} carries on with a new instance. Exceptions from the other task methods
 * propagate unchanged.
 *
 * @param <T> the task type, so {@link #task()} needs no cast
 */
@Evolving
public final class SinkTaskDriver<T extends SinkTask> implements AutoCloseable {
    /** The task id a driver gives its task unless the builder names another. */
    public static final TaskId DEFAULT_TASK_ID = new TaskId("test-connector", 0);

    /** How often a batch is delivered again after {@code put} failed retriably, unless the builder says. */
    public static final int DEFAULT_MAX_REDELIVERIES = 10;

    private final Supplier<? extends T> taskFactory;
    private final Clock clock;
    private final int maxRedeliveries;
    private final SinkDriverContext context;
    private final Map<TopicPartition, Long> positions = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> committed = new LinkedHashMap<>();
    private final List<SinkRecord> heldBack = new ArrayList<>();

    private T task;
    private boolean running;
    private int retriableFailures;

    private SinkTaskDriver(Builder<T> builder) {
        this.taskFactory = builder.taskFactory;
        this.clock = builder.clock;
        this.maxRedeliveries = builder.maxRedeliveries;
        this.context = new SinkDriverContext(builder.taskId, builder.config);
        this.committed.putAll(builder.committedOffsets);
    }

    /**
     * Starts describing a driver.
     *
     * @param taskFactory makes a new task instance each time it is called, at start and at every
     *     {@link #restart()}; a constructor reference such as {@code MySinkTask::new}; never null
     * @param <T> the task type
     * @return a builder; call {@link Builder#start(TopicPartition...)} to start the task
     */
    public static <T extends SinkTask> Builder<T> forTask(Supplier<? extends T> taskFactory) {
        return new Builder<>(Objects.requireNonNull(taskFactory, "taskFactory"));
    }

    /**
     * Delivers records to the task as one batch, after any held-back records of partitions no longer
     * paused. Records of paused partitions are held back, as the consumer would not fetch them, and
     * delivered in order once their partition is resumed, by the next {@code put}, {@link #putValues}
     * or {@link #deliverPending()}. Calling it with no records delivers an empty batch, as the runtime
     * does when a poll brings nothing.
     *
     * @param records the records, as the runtime would have read them; never null
     * @return this driver
     * @throws IllegalStateException if a record's partition is not assigned, or the task is not running
     * @throws AssertionError if {@code put} still failed retriably after the most redeliveries allowed
     */
    public SinkTaskDriver<T> put(SinkRecord... records) {
        return put(Arrays.asList(Objects.requireNonNull(records, "records")));
    }

    /**
     * Delivers records to the task as one batch; see {@link #put(SinkRecord...)}.
     *
     * @param records the records; never null
     * @return this driver
     * @throws IllegalStateException if a record's partition is not assigned, or the task is not running
     * @throws AssertionError if {@code put} still failed retriably after the most redeliveries allowed
     */
    public SinkTaskDriver<T> put(List<SinkRecord> records) {
        requireRunning("put(...)");
        Objects.requireNonNull(records, "records");
        for (int i = 0; i < records.size(); i++) {
            SinkRecord record = Objects.requireNonNull(records.get(i), "record at index " + i);
            context.requireAssigned(record.originalTopicPartition(), "put records of");
        }
        applyRequestedResets();
        List<SinkRecord> batch = takeResumedRecords();
        for (SinkRecord record : records) {
            if (context.isPaused(record.originalTopicPartition())) {
                heldBack.add(record);
            } else {
                batch.add(record);
            }
        }
        if (!batch.isEmpty() || records.isEmpty()) {
            deliver(batch);
        }
        return this;
    }

    /**
     * Builds records of one partition from values and delivers them like {@link #put(List)}. Offsets
     * count up from the partition's position, or from after its held-back records; timestamps are the
     * driver clock's time, of type {@link TimestampType#CREATE_TIME}; keys are null.
     *
     * @param partition an assigned partition; never null
     * @param valueSchema the schema of every value; null for schemaless values
     * @param values the values, one record each; null elements make tombstones
     * @return the records built, whether delivered or held back; unmodifiable, never null
     * @throws IllegalStateException if the partition is not assigned, or the task is not running
     * @throws AssertionError if {@code put} still failed retriably after the most redeliveries allowed
     */
    public List<SinkRecord> putValues(TopicPartition partition, Schema valueSchema, Object... values) {
        requireRunning("putValues(...)");
        context.requireAssigned(partition, "put records of");
        Objects.requireNonNull(values, "values");
        applyRequestedResets();
        long offset = nextOffsetToBuild(partition);
        long timestamp = clock.millis();
        List<SinkRecord> records = new ArrayList<>(values.length);
        for (Object value : values) {
            records.add(SinkRecord.builder()
                    .topic(partition.topic())
                    .partition(partition.partition())
                    .kafkaOffset(offset++)
                    .value(valueSchema, value)
                    .timestamp(timestamp, TimestampType.CREATE_TIME)
                    .build());
        }
        put(records);
        return List.copyOf(records);
    }

    /**
     * Delivers, as one batch, the held-back records of partitions that are no longer paused; does
     * nothing when there are none.
     *
     * @return this driver
     * @throws IllegalStateException if the task is not running
     * @throws AssertionError if {@code put} still failed retriably after the most redeliveries allowed
     */
    public SinkTaskDriver<T> deliverPending() {
        requireRunning("deliverPending()");
        applyRequestedResets();
        List<SinkRecord> batch = takeResumedRecords();
        if (!batch.isEmpty()) {
            deliver(batch);
        }
        return this;
    }

    /**
     * Commits offsets as the runtime does: calls {@link SinkTask#preCommit} with the position of every
     * assigned partition and stores what it returns, ignoring partitions that are not assigned and
     * offsets beyond a partition's position.
     *
     * @return every committed offset, those of partitions assigned earlier included; an unmodifiable
     *     snapshot, never null
     * @throws IllegalStateException if the task is not running
     * @throws AssertionError if {@code preCommit} returns null
     */
    public Map<TopicPartition, Long> commit() {
        requireRunning("commit()");
        Map<TopicPartition, Long> safeToCommit = task.preCommit(positions());
        if (safeToCommit == null) {
            throw new AssertionError("Expected preCommit(...) to return a map, never null, but was null; "
                    + "return an empty map to commit nothing");
        }
        safeToCommit.forEach((partition, offset) -> {
            Long position = partition == null ? null : positions.get(partition);
            if (position != null && offset != null && offset <= position) {
                committed.put(partition, offset);
            }
        });
        applyRequestedResets();
        return committedOffsets();
    }

    /**
     * Moves the task to a new assignment, as a consumer group rebalance would: when partitions are
     * revoked, commits first and then calls {@link SinkTask#close} with them; then calls {@link
     * SinkTask#open} with the newly assigned ones, whose positions start at their committed offsets (0
     * when none). Partitions in both assignments are left alone, and no call is made for an empty set.
     *
     * @param newAssignment every partition the task owns after the rebalance; none may be null
     * @return this driver
     * @throws IllegalStateException if the task is not running
     */
    public SinkTaskDriver<T> rebalance(TopicPartition... newAssignment) {
        requireRunning("rebalance(...)");
        Set<TopicPartition> target = assignmentOf(newAssignment);
        List<TopicPartition> revoked = new ArrayList<>(context.assignedPartitions());
        revoked.removeAll(target);
        List<TopicPartition> added = new ArrayList<>(target);
        added.removeAll(context.assignedPartitions());
        if (!revoked.isEmpty()) {
            commit();
            task.close(List.copyOf(revoked));
            forget(revoked);
        }
        assign(added);
        applyRequestedResets();
        return this;
    }

    /**
     * Stops the running task, if any, and starts a new instance from the factory with the same
     * configuration and assignment, as the runtime does after a failure or a restart request. Held-back
     * records are discarded and positions start again at the committed offsets, so records delivered
     * but not committed are the ones a real consumer would deliver again.
     *
     * @return this driver
     * @throws IllegalStateException if the factory returns null or the instance it returned before
     */
    public SinkTaskDriver<T> restart() {
        List<TopicPartition> assignment = List.copyOf(context.assignedPartitions());
        stop();
        forget(assignment);
        heldBack.clear();
        startNewTask(assignment);
        return this;
    }

    /**
     * Closes every assigned partition with {@link SinkTask#close}, then stops the task; does nothing if
     * it is not running. Does not commit: call {@link #commit()} first to model a graceful shutdown, or
     * leave it out to model a crash. The assignment is kept for {@link #restart()}.
     */
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        RuntimeException closeFailure = null;
        try {
            closeAssignedPartitions();
        } catch (RuntimeException e) {
            closeFailure = e;
        }
        try {
            task.stop();
        } catch (RuntimeException stopFailure) {
            if (closeFailure != null) {
                stopFailure.addSuppressed(closeFailure);
            }
            throw stopFailure;
        }
        if (closeFailure != null) {
            throw closeFailure;
        }
    }

    /** Stops the task if it is running; see {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** @return the current task instance, which changes on {@link #restart()}; never null */
    public T task() {
        return task;
    }

    /** @return whether the current task was started and has not been stopped */
    public boolean isRunning() {
        return running;
    }

    /** @return the partitions assigned to the task; an unmodifiable snapshot, never null */
    public Set<TopicPartition> assignment() {
        return context.assignedPartitions();
    }

    /** @return the next offset to consume of each assigned partition; an unmodifiable snapshot, never null */
    public Map<TopicPartition, Long> positions() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(positions));
    }

    /** @return every committed offset; an unmodifiable snapshot, never null */
    public Map<TopicPartition, Long> committedOffsets() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(committed));
    }

    /** @return the partitions the task paused and has not resumed; an unmodifiable snapshot, never null */
    public Set<TopicPartition> pausedPartitions() {
        return context.pausedPartitions();
    }

    /** @return records held back because their partition was paused, in order; unmodifiable, never null */
    public List<SinkRecord> pendingRecords() {
        return List.copyOf(heldBack);
    }

    /**
     * @return the last offset reset the task asked for, per partition, over this driver's life;
     *     an unmodifiable snapshot, never null
     */
    public Map<TopicPartition, Long> requestedOffsetResets() {
        return context.requestedResets();
    }

    /** @return the last back-off the task set with {@link SinkTaskContext#timeout}; empty if it set none */
    public Optional<Duration> lastBackoff() {
        return Optional.ofNullable(context.lastTimeout());
    }

    /** @return how often the task called {@link SinkTaskContext#requestCommit()} */
    public int commitRequests() {
        return context.commitRequests();
    }

    /** @return the records the task reported as errant, in order; unmodifiable, never null */
    public List<ReportedRecord> errantRecords() {
        return context.errantRecords();
    }

    /** @return how often {@code put} threw a {@link RetriableException} over this driver's life */
    public int retriableFailures() {
        return retriableFailures;
    }

    private void deliver(List<SinkRecord> records) {
        List<SinkRecord> batch = List.copyOf(records);
        for (int redeliveries = 0; ; redeliveries++) {
            try {
                task.put(batch);
                break;
            } catch (RetriableException e) {
                retriableFailures++;
                if (redeliveries == maxRedeliveries) {
                    AssertionError gaveUp = new AssertionError(
                            "Expected put(...) to accept the batch within "
                                    + maxRedeliveries + " redeliveries but was still failing after "
                                    + (redeliveries + 1)
                                    + " attempts with: " + e.getMessage() + "; batch: " + batch,
                            e);
                    stopAfterFailure(gaveUp);
                    throw gaveUp;
                }
                applyRequestedResets();
            } catch (RuntimeException | Error e) {
                stopAfterFailure(e);
                throw e;
            }
        }
        for (SinkRecord record : batch) {
            positions.put(record.originalTopicPartition(), record.originalKafkaOffset() + 1);
        }
        applyRequestedResets();
    }

    private List<SinkRecord> takeResumedRecords() {
        List<SinkRecord> resumed = new ArrayList<>();
        Iterator<SinkRecord> held = heldBack.iterator();
        while (held.hasNext()) {
            SinkRecord record = held.next();
            if (!context.isPaused(record.originalTopicPartition())) {
                resumed.add(record);
                held.remove();
            }
        }
        return resumed;
    }

    private long nextOffsetToBuild(TopicPartition partition) {
        long next = positions.get(partition);
        for (SinkRecord record : heldBack) {
            if (record.originalTopicPartition().equals(partition)) {
                next = record.originalKafkaOffset() + 1;
            }
        }
        return next;
    }

    private void applyRequestedResets() {
        context.takeResetsToApply().forEach((partition, offset) -> {
            if (!context.isAssigned(partition)) {
                throw new IllegalStateException("The task asked to consume partition " + partition
                        + " from offset " + offset + " but it is not assigned; the assignment is "
                        + context.assignedPartitions()
                        + ". Ask for resets of assigned partitions, in open(...)");
            }
            positions.put(partition, offset);
        });
    }

    private void startNewTask(Collection<TopicPartition> assignment) {
        task = TaskFactories.newInstance(taskFactory, task);
        task.start(context);
        running = true;
        assign(assignment);
        applyRequestedResets();
    }

    private void assign(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        for (TopicPartition partition : partitions) {
            positions.put(partition, committed.getOrDefault(partition, 0L));
        }
        context.assign(partitions);
        task.open(List.copyOf(partitions));
    }

    private void forget(Collection<TopicPartition> partitions) {
        context.revoke(partitions);
        positions.keySet().removeAll(partitions);
        heldBack.removeIf(record -> partitions.contains(record.originalTopicPartition()));
    }

    private void closeAssignedPartitions() {
        Set<TopicPartition> assigned = context.assignedPartitions();
        if (!assigned.isEmpty()) {
            task.close(List.copyOf(assigned));
        }
    }

    private void stopAfterFailure(Throwable failure) {
        running = false;
        try {
            closeAssignedPartitions();
        } catch (RuntimeException closeFailure) {
            failure.addSuppressed(closeFailure);
        }
        try {
            task.stop();
        } catch (RuntimeException stopFailure) {
            failure.addSuppressed(stopFailure);
        }
    }

    private static Set<TopicPartition> assignmentOf(TopicPartition... partitions) {
        Objects.requireNonNull(partitions, "partitions");
        Set<TopicPartition> assignment = new LinkedHashSet<>();
        for (TopicPartition partition : partitions) {
            assignment.add(Objects.requireNonNull(partition, "An assignment cannot hold a null partition"));
        }
        return assignment;
    }

    private void requireRunning(String call) {
        if (!running) {
            throw new IllegalStateException("Cannot call " + call + " while the task is stopped; call restart() "
                    + "to start a new instance from the committed offsets");
        }
    }

    /**
     * Describes a {@link SinkTaskDriver} before it starts its task. Not thread-safe; each {@link
     * #start(TopicPartition...)} makes a new, independent driver.
     *
     * @param <T> the task type
     */
    public static final class Builder<T extends SinkTask> {
        private final Supplier<? extends T> taskFactory;
        private final Map<TopicPartition, Long> committedOffsets = new LinkedHashMap<>();
        private Map<String, String> config = Map.of();
        private TaskId taskId = DEFAULT_TASK_ID;
        private Clock clock = Clock.systemUTC();
        private int maxRedeliveries = DEFAULT_MAX_REDELIVERIES;

        private Builder(Supplier<? extends T> taskFactory) {
            this.taskFactory = taskFactory;
        }

        /**
         * @param taskConfig the configuration the connector would have made for the task; copied, never
         *     null; empty unless set
         * @return this builder
         */
        public Builder<T> config(Map<String, String> taskConfig) {
            this.config = Objects.requireNonNull(taskConfig, "taskConfig");
            return this;
        }

        /**
         * @param id the task id the context reports; never null; {@link #DEFAULT_TASK_ID} unless set
         * @return this builder
         */
        public Builder<T> taskId(TaskId id) {
            this.taskId = Objects.requireNonNull(id, "taskId");
            return this;
        }

        /**
         * @param recordClock gives the timestamps of records built by {@link #putValues}; never null; the
         *     system clock unless set
         * @return this builder
         */
        public Builder<T> clock(Clock recordClock) {
            this.clock = Objects.requireNonNull(recordClock, "clock");
            return this;
        }

        /**
         * @param max how often a batch is delivered again after {@code put} failed retriably before the
         *     driver gives up, 0 or more; {@link #DEFAULT_MAX_REDELIVERIES} unless set
         * @return this builder
         */
        public Builder<T> maxRedeliveries(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("'maxRedeliveries' must be 0 or more, got " + max);
            }
            this.maxRedeliveries = max;
            return this;
        }

        /**
         * Commits an offset before the task starts, as a previous run of the connector would have.
         *
         * @param partition a partition; never null
         * @param offset the next offset to consume, 0 or more
         * @return this builder
         */
        public Builder<T> committedOffset(TopicPartition partition, long offset) {
            Objects.requireNonNull(partition, "partition");
            if (offset < 0) {
                throw new IllegalArgumentException(
                        "The committed offset of " + partition + " must be 0 or more, got " + offset);
            }
            committedOffsets.put(partition, offset);
            return this;
        }

        /**
         * Makes the driver, starts a new task instance and opens the initial assignment (no {@code open}
         * call when it is empty).
         *
         * @param initialAssignment the partitions assigned to the task at first; none may be null
         * @return the driver, with its task running
         * @throws IllegalStateException if the factory returns null
         * @throws RuntimeException what the task's {@code start} or {@code open} threw
         */
        public SinkTaskDriver<T> start(TopicPartition... initialAssignment) {
            Set<TopicPartition> assignment = assignmentOf(initialAssignment);
            SinkTaskDriver<T> driver = new SinkTaskDriver<>(this);
            driver.startNewTask(assignment);
            return driver;
        }
    }
}
