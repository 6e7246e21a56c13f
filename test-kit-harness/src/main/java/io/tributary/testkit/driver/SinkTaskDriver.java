package io.tributary.testkit.driver;

import io.tributary.runtime.embed.SinkTaskStepper;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs one {@link SinkTask} without Kafka, through the runtime's own sink task runner (see {@link
 * SinkTaskStepper}): records the test puts are written to in-memory topics with the JSON converter and
 * read back by the runner as a worker reads them, converted, and put; the runner commits what {@link
 * SinkTask#preCommit} allows, rebalances, and honours what the task asks of its {@link SinkTaskContext}:
 * offset resets, pauses, commit requests, back-off and errant records. A driven test and a task on a
 * worker run the same code, so they cannot disagree.
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
 * <p><b>Offsets.</b> A partition's position, the next offset to commit, starts at its committed offset (0
 * when none) and moves past each record the task took. An offset reset the task asks for with {@link
 * SinkTaskContext#offsets} seeks the consumer when the task's call returns, as on a worker: the records
 * from there are read again. {@link #commit()} commits what {@code preCommit} returns, as a worker does:
 * only for assigned partitions and only up to their position.
 *
 * <p><b>Failures.</b> A {@link RetriableException} from {@code put} is counted and the same batch is put
 * again after the back-off the task set ({@link #lastBackoff()}; time passes at once here), up to {@link
 * Builder#maxRedeliveries(int)} times. With the default {@code errors.tolerance=none}, a record the task
 * reports as errant fails the task, as on a worker; set {@code errors.tolerance=all} with {@link
 * Builder#connectorSetting} to have it listed in {@link #errantRecords()} instead. Any other exception
 * from {@code put} follows the runtime's rules and propagates once the task failed and was stopped; {@link
 * #restart()} carries on with a new instance.
 *
 * <p><b>Threads.</b> Not thread-safe: use a driver from one thread. Every task method runs on the calling
 * thread.
 *
 * @param <T> the task type, so {@link #task()} needs no cast
 */
@Evolving
public final class SinkTaskDriver<T extends SinkTask> implements AutoCloseable {
    /** The task id a driver gives its task unless the builder names another. */
    public static final TaskId DEFAULT_TASK_ID = new TaskId("test-connector", 0);

    /** How many times a batch is put again after a {@link RetriableException}, unless the builder says. */
    public static final int DEFAULT_MAX_REDELIVERIES = 10;

    private final Supplier<? extends T> taskFactory;
    private final Map<String, String> config;
    private final TaskId taskId;
    private final Clock clock;
    private final int maxRedeliveries;
    private final Map<String, String> connectorSettings;
    private final Map<TopicPartition, Long> initialCommits;
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();
    private final List<SinkRecord> appended = new ArrayList<>();
    private final Set<String> delivered = new HashSet<>();
    private final List<ReportedRecord> errantRecords = new ArrayList<>();
    private final Map<TopicPartition, Long> requestedResets = new LinkedHashMap<>();

    private SinkTaskStepper stepper;
    /** The partitions the test gave the task last; a restart gives them to the new instance. */
    private Set<TopicPartition> assigned = Set.of();

    private T task;
    private boolean running;
    private int retriableFailures;
    private int commitRequests;
    private Duration lastBackoff;

    private SinkTaskDriver(Builder<T> builder) {
        this.taskFactory = builder.taskFactory;
        this.config = Collections.unmodifiableMap(new LinkedHashMap<>(builder.config));
        this.taskId = builder.taskId;
        this.clock = builder.clock;
        this.maxRedeliveries = builder.maxRedeliveries;
        this.connectorSettings = Map.copyOf(builder.connectorSettings);
        this.initialCommits = Map.copyOf(builder.committedOffsets);
    }

    /**
     * Starts describing a driver.
     *
     * @param taskFactory makes a new task instance each time it is called, at start and at every
     *     {@link #restart()}; a constructor reference such as {@code MySinkTask::new}; never null
     * @param <T> the task type
     * @return a builder; call {@link Builder#start} to start the task
     */
    public static <T extends SinkTask> Builder<T> forTask(Supplier<? extends T> taskFactory) {
        return new Builder<>(Objects.requireNonNull(taskFactory, "taskFactory"));
    }

    /**
     * Writes records to their partitions and runs one round of the worker's loop, which reads them and
     * puts them, unless their partition is paused.
     *
     * @param records records with the topic, partition and offset they have in Kafka; their partitions must
     *     be assigned
     * @return this driver
     * @throws IllegalStateException if the task is not running or a record's partition is not assigned
     */
    public SinkTaskDriver<T> put(SinkRecord... records) {
        return put(Arrays.asList(Objects.requireNonNull(records, "records")));
    }

    /**
     * Writes records to their partitions and runs one round of the worker's loop; see {@link
     * #put(SinkRecord...)}.
     *
     * @param records the records; never null
     * @return this driver
     */
    public SinkTaskDriver<T> put(List<SinkRecord> records) {
        requireRunning("put(...)");
        Objects.requireNonNull(records, "records");
        Set<TopicPartition> assigned = assignment();
        for (int i = 0; i < records.size(); i++) {
            SinkRecord record = Objects.requireNonNull(records.get(i), "record at index " + i);
            requireAssigned(assigned, record.originalTopicPartition());
        }
        for (SinkRecord record : records) {
            nextOffsets.merge(record.originalTopicPartition(), record.originalKafkaOffset() + 1, Math::max);
        }
        appended.addAll(records);
        run(() -> {
            stepper.append(records);
            stepper.step();
        });
        return this;
    }

    /**
     * Builds records of one partition at the next offsets after what was written to it, with the driver's
     * clock as their timestamp, and puts them.
     *
     * @param partition an assigned partition
     * @param valueSchema the values' schema; null for schemaless values
     * @param values the values
     * @return the records built, in order
     */
    public List<SinkRecord> putValues(TopicPartition partition, Schema valueSchema, Object... values) {
        requireRunning("putValues(...)");
        requireAssigned(assignment(), partition);
        Objects.requireNonNull(values, "values");
        long offset =
                Math.max(nextOffsets.getOrDefault(partition, 0L), positions().getOrDefault(partition, 0L));
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
     * Runs one round of the worker's loop without writing anything: records of partitions the task resumed,
     * or that a reset moved back to, are put.
     *
     * @return this driver
     */
    public SinkTaskDriver<T> deliverPending() {
        requireRunning("deliverPending()");
        run(stepper::step);
        return this;
    }

    /**
     * Commits as a worker does periodically: {@code preCommit}, then what it allows, for assigned partitions
     * and up to their positions.
     *
     * @return every committed offset, by partition; unmodifiable, never null
     */
    public Map<TopicPartition, Long> commit() {
        requireRunning("commit()");
        run(stepper::commit);
        return committedOffsets();
    }

    /**
     * Moves the task's partitions, as its group would: those that leave are committed and closed, those
     * that arrive are opened at their committed offsets.
     *
     * @param newAssignment the task's partitions from now on
     * @return this driver
     */
    public SinkTaskDriver<T> rebalance(TopicPartition... newAssignment) {
        requireRunning("rebalance(...)");
        Set<TopicPartition> target = assignmentOf(newAssignment);
        run(() -> stepper.rebalance(kafka(target)));
        assigned = target;
        return this;
    }

    /**
     * Stops the task as a worker does, then starts a new instance with the same configuration, task id and
     * assignment, reading from the committed offsets.
     *
     * @return this driver
     */
    public SinkTaskDriver<T> restart() {
        stop();
        startNewTask(assigned);
        return this;
    }

    /**
     * Stops the task, as a worker does when the connector is stopped: the final commit, {@code close} of
     * its partitions, then {@code stop}; does nothing if it is not running.
     */
    public void stop() {
        if (running) {
            running = false;
            try {
                stepper.stop();
            } catch (InterruptedException e) {
                throw interrupted(e);
            }
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

    /** @return the partitions assigned to the task; unmodifiable */
    public Set<TopicPartition> assignment() {
        return sdk(stepper.assignment());
    }

    /** @return the next offset to commit of each assigned partition; unmodifiable */
    public Map<TopicPartition, Long> positions() {
        return sdk(stepper.positions());
    }

    /** @return every committed offset, by partition, past assignments included; unmodifiable */
    public Map<TopicPartition, Long> committedOffsets() {
        return sdk(stepper.committedOffsets());
    }

    /** @return the partitions the consumer holds paused; unmodifiable */
    public Set<TopicPartition> pausedPartitions() {
        return sdk(stepper.paused());
    }

    /** @return the records written to paused partitions that the task has not taken yet, in order */
    public List<SinkRecord> pendingRecords() {
        Set<TopicPartition> paused = pausedPartitions();
        return appended.stream()
                .filter(record -> paused.contains(record.originalTopicPartition()))
                .filter(record -> !delivered.contains(key(record)))
                .toList();
    }

    /** @return every offset reset the task asked for, the latest per partition; unmodifiable */
    public Map<TopicPartition, Long> requestedOffsetResets() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(requestedResets));
    }

    /** @return the back-off the task last set with {@link SinkTaskContext#timeout}, if any */
    public Optional<Duration> lastBackoff() {
        return Optional.ofNullable(lastBackoff);
    }

    /** @return how many times the task called {@link SinkTaskContext#requestCommit()} */
    public int commitRequests() {
        return commitRequests;
    }

    /** @return the records the runtime's error policy handled, the task's errant records among them */
    public List<ReportedRecord> errantRecords() {
        return List.copyOf(errantRecords);
    }

    /** @return how many times {@code put} threw a {@link RetriableException} */
    public int retriableFailures() {
        return retriableFailures;
    }

    /** A step of the runner; a failure of the task ends the driver's run of it. */
    @FunctionalInterface
    private interface Step {
        void run() throws InterruptedException;
    }

    private void run(Step step) {
        try {
            step.run();
        } catch (InterruptedException e) {
            throw interrupted(e);
        } catch (RuntimeException | Error e) {
            if (stepper.isStopped()) {
                running = false;
            }
            throw e;
        }
    }

    private void startNewTask(Set<TopicPartition> assignment) {
        assigned = assignment;
        task = TaskFactories.newInstance(taskFactory, task);
        SinkTaskStepper.Builder builder = SinkTaskStepper.builder(new DrivenTask(task))
                .taskId(taskId)
                .taskConfig(config)
                .assignment(kafka(assignment))
                .onReported((record, error) -> {
                    if (record instanceof SinkRecord sink) {
                        errantRecords.add(new ReportedRecord(sink, error));
                    }
                });
        connectorSettings.forEach(builder::connectorSetting);
        if (stepper == null) {
            initialCommits.forEach((partition, offset) -> builder.committedOffset(kafka(partition), offset));
        } else {
            builder.restartOf(stepper);
        }
        running = true;
        try {
            stepper = builder.start();
        } catch (RuntimeException | Error e) {
            running = false;
            throw e;
        }
    }

    private static void requireAssigned(Set<TopicPartition> assigned, TopicPartition partition) {
        Objects.requireNonNull(partition, "partition");
        if (!assigned.contains(partition)) {
            throw new IllegalStateException("Cannot put records of partition " + partition
                    + ": it is not assigned to the task; the assignment is " + assigned
                    + ". Assign it with start(...) or rebalance(...)");
        }
    }

    private void requireRunning(String call) {
        if (!running) {
            throw new IllegalStateException("Cannot call " + call + " while the task is stopped; call restart() "
                    + "to start a new instance from the committed offsets");
        }
    }

    private static String key(SinkRecord record) {
        return record.originalTopicPartition() + "@" + record.originalKafkaOffset();
    }

    private static Set<TopicPartition> assignmentOf(TopicPartition... partitions) {
        Objects.requireNonNull(partitions, "partitions");
        Set<TopicPartition> assignment = new LinkedHashSet<>();
        for (TopicPartition partition : partitions) {
            assignment.add(Objects.requireNonNull(partition, "An assignment cannot hold a null partition"));
        }
        return assignment;
    }

    private static org.apache.kafka.common.TopicPartition kafka(TopicPartition partition) {
        return new org.apache.kafka.common.TopicPartition(partition.topic(), partition.partition());
    }

    private static List<org.apache.kafka.common.TopicPartition> kafka(Collection<TopicPartition> partitions) {
        return partitions.stream().map(SinkTaskDriver::kafka).toList();
    }

    private static TopicPartition sdk(org.apache.kafka.common.TopicPartition partition) {
        return new TopicPartition(partition.topic(), partition.partition());
    }

    private static Set<TopicPartition> sdk(Set<org.apache.kafka.common.TopicPartition> partitions) {
        Set<TopicPartition> converted = new LinkedHashSet<>();
        partitions.forEach(partition -> converted.add(sdk(partition)));
        return Collections.unmodifiableSet(converted);
    }

    /** In order of topic and partition number, so what a test sees does not depend on hashing. */
    private static Map<TopicPartition, Long> sdk(Map<org.apache.kafka.common.TopicPartition, Long> offsets) {
        Map<TopicPartition, Long> converted = new LinkedHashMap<>();
        offsets.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(
                        java.util.Comparator.comparing(org.apache.kafka.common.TopicPartition::topic)
                                .thenComparingInt(org.apache.kafka.common.TopicPartition::partition)))
                .forEach(entry -> converted.put(sdk(entry.getKey()), entry.getValue()));
        return Collections.unmodifiableMap(converted);
    }

    private static IllegalStateException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new IllegalStateException(
                "The task was interrupted; nothing in a driven test interrupts it, so look for an interrupt the"
                        + " test or the task raised itself",
                e);
    }

    /**
     * The task as the runner sees it: the test's task, with what it asks of its context recorded, its
     * retriable failures counted and bounded, and the SDK's contract checked.
     */
    private final class DrivenTask implements SinkTask {
        private final SinkTask delegate;
        private int redeliveries;

        DrivenTask(SinkTask delegate) {
            this.delegate = delegate;
        }

        @Override
        public String version() {
            return delegate.version();
        }

        @Override
        public void start(SinkTaskContext context) {
            delegate.start(new RecordingContext(context));
        }

        @Override
        public void put(Collection<SinkRecord> records) {
            try {
                delegate.put(records);
            } catch (RetriableException e) {
                retriableFailures++;
                if (redeliveries++ == maxRedeliveries) {
                    throw new AssertionError(
                            "Expected put(...) to accept the batch within " + maxRedeliveries
                                    + " redeliveries but was still failing after " + redeliveries
                                    + " attempts with: " + e.getMessage() + "; batch: " + records,
                            e);
                }
                throw e;
            }
            redeliveries = 0;
            records.forEach(record -> delivered.add(key(record)));
        }

        @Override
        public void flush(Map<TopicPartition, Long> currentOffsets) {
            delegate.flush(currentOffsets);
        }

        @Override
        public Map<TopicPartition, Long> preCommit(Map<TopicPartition, Long> currentOffsets) {
            Map<TopicPartition, Long> allowed = delegate.preCommit(currentOffsets);
            if (allowed == null) {
                throw new AssertionError("Expected preCommit(...) to return a map, never null, but was null; "
                        + "return an empty map to commit nothing");
            }
            return allowed;
        }

        @Override
        public void open(Collection<TopicPartition> partitions) {
            delegate.open(partitions);
        }

        @Override
        public void close(Collection<TopicPartition> partitions) {
            delegate.close(partitions);
        }

        @Override
        public void stop() {
            delegate.stop();
        }
    }

    /** The runtime's context, with the task's requests recorded for the test to read. */
    private final class RecordingContext implements SinkTaskContext {
        private final SinkTaskContext runtime;

        RecordingContext(SinkTaskContext runtime) {
            this.runtime = runtime;
        }

        @Override
        public TaskId taskId() {
            return runtime.taskId();
        }

        @Override
        public Map<String, String> config() {
            return runtime.config();
        }

        @Override
        public void offsets(Map<TopicPartition, Long> offsets) {
            Objects.requireNonNull(offsets, "offsets");
            offsets.forEach((partition, offset) -> {
                Objects.requireNonNull(partition, "The task asked for an offset reset of a null partition");
                if (offset == null || offset < 0) {
                    throw new IllegalArgumentException("The task asked to consume " + partition + " from offset "
                            + offset + "; an offset must be 0 or more");
                }
            });
            requestedResets.putAll(offsets);
            runtime.offsets(offsets);
        }

        @Override
        public void timeout(Duration backoff) {
            runtime.timeout(backoff);
            lastBackoff = backoff;
        }

        @Override
        public Set<TopicPartition> assignment() {
            return runtime.assignment();
        }

        @Override
        public void pause(TopicPartition... partitions) {
            runtime.pause(partitions);
        }

        @Override
        public void resume(TopicPartition... partitions) {
            runtime.resume(partitions);
        }

        @Override
        public void requestCommit() {
            commitRequests++;
            runtime.requestCommit();
        }

        @Override
        public io.tributary.sdk.sink.ErrantRecordReporter errantRecordReporter() {
            return runtime.errantRecordReporter();
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
        private final Map<String, String> connectorSettings = new LinkedHashMap<>();

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
         * Sets a connector setting the runtime applies around the task, such as {@code errors.tolerance} or
         * {@code errors.retry.timeout}; as on a worker, the defaults fail the task on the first error.
         *
         * @param name the setting's name; never null
         * @param value its value; never null
         * @return this builder
         */
        public Builder<T> connectorSetting(String name, String value) {
            connectorSettings.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
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
