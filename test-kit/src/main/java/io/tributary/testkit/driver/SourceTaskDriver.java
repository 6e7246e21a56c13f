package io.tributary.testkit.driver;

import io.tributary.sdk.annotation.Evolving;
import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.errors.RetriableException;
import io.tributary.sdk.source.OffsetStorageReader;
import io.tributary.sdk.source.RecordMetadata;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import io.tributary.sdk.source.TransactionContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs one {@link SourceTask} without Kafka, doing what the runtime would around it: it starts the task
 * with a context whose {@link OffsetStorageReader} reads this driver's committed offsets, polls it when
 * the test says so, acknowledges the polled records on {@link #commit()}, and can restart the task
 * from what was committed. Failures of the send to Kafka and of the runtime itself can be injected by
 * poll number.
 *
 * <pre>{@code
 * try (SourceTaskDriver<LinesSourceTask> driver = SourceTaskDriver.forTask(LinesSourceTask::new)
 *         .config(Map.of("topic", "lines"))
 *         .start()) {
 *     driver.poll();
 *     driver.commit();
 *     driver.poll();                  // polled, never committed
 *     driver.restart();               // a new instance resumes after the committed records
 *     assertThat(driver.poll()).isEqualTo(...);
 * }
 * }</pre>
 *
 * <p><b>Offsets.</b> As in the runtime, a record's source offset is committed only once Kafka has
 * acknowledged that record and every record polled before it for the same source partition. A record
 * whose send failed ({@link #failSendOnPoll(int)}) is never acknowledged, so its source partition commits
 * nothing more until the task is restarted. Records with an empty source partition or offset commit
 * nothing. Offsets are kept as the task gave them, without a round trip through a serialized form.
 *
 * <p><b>Threads.</b> Not thread-safe: use a driver from one thread. The driver calls every task method,
 * including {@code commitRecord}, {@code commit} and {@code stop}, on the calling thread, so the
 * concurrency the runtime allows between them is not exercised here. The task's context may be used
 * from any thread.
 *
 * <p><b>Failures.</b> A {@link RetriableException} from {@code poll} is counted and the poll returns no
 * records, as the runtime would poll again. Any other exception from {@code poll} propagates, after the
 * driver has stopped the task as the runtime stops a failed task; {@link #restart()} carries on with a
 * new instance. Exceptions from {@code start}, {@code commitRecord}, {@code commit} and {@code stop}
 * propagate unchanged. A task that breaks the SDK's contract, for example by returning null from
 * {@code poll}, fails the test with an {@link AssertionError}.
 *
 * @param <T> the task type, so {@link #task()} needs no cast
 */
@Evolving
public final class SourceTaskDriver<T extends SourceTask> implements AutoCloseable {
    /** The task id a driver gives its task unless the builder names another. */
    public static final TaskId DEFAULT_TASK_ID = new TaskId("test-connector", 0);

    private final Supplier<? extends T> taskFactory;
    private final Map<String, String> config;
    private final TaskId taskId;
    private final Clock clock;
    private final SourceOffsetStore committed = new SourceOffsetStore();
    private final SourceTaskContext context = new DriverContext();

    private final List<SourceRecord> allPolled = new ArrayList<>();
    private final List<SourceRecord> unacknowledged = new ArrayList<>();
    private final List<InFlight> inFlight = new ArrayList<>();
    private final Set<Map<String, ?>> partitionsBehindFailedSend = new HashSet<>();
    private final Map<TopicPartition, Long> nextKafkaOffsets = new HashMap<>();
    private final Set<Integer> pollsWithFailedSend = new HashSet<>();
    private final Map<Integer, RuntimeException> pollFailures = new HashMap<>();

    private T task;
    private boolean running;
    private int pollCount;
    private int retriableFailures;

    private SourceTaskDriver(Builder<T> builder) {
        this.taskFactory = builder.taskFactory;
        this.config = Collections.unmodifiableMap(new LinkedHashMap<>(builder.config));
        this.taskId = builder.taskId;
        this.clock = builder.clock;
        builder.committedOffsets.forEach(committed::put);
    }

    /**
     * Starts describing a driver.
     *
     * @param taskFactory makes a new task instance each time it is called, at start and at every
     *     {@link #restart()}; a constructor reference such as {@code MySourceTask::new}; never null
     * @param <T> the task type
     * @return a builder; call {@link Builder#start()} to start the task
     */
    public static <T extends SourceTask> Builder<T> forTask(Supplier<? extends T> taskFactory) {
        return new Builder<>(Objects.requireNonNull(taskFactory, "taskFactory"));
    }

    /**
     * Polls the task once. The records it returns are in flight until {@link #commit()} acknowledges
     * them or {@link #restart()} discards them.
     *
     * @return the records polled, in order; empty after a retriable failure; unmodifiable, never null
     * @throws IllegalStateException if the task is not running
     * @throws RuntimeException what the task, or a failure injected with {@link #failPoll}, threw, if
     *     it is not a {@link RetriableException}; the task is stopped first
     */
    public List<SourceRecord> poll() {
        requireRunning("poll()");
        pollCount++;
        int pollNumber = pollCount;
        List<SourceRecord> records;
        try {
            records = pollTaskOrInjectedFailure(pollNumber);
        } catch (RetriableException e) {
            retriableFailures++;
            return List.of();
        } catch (RuntimeException | Error e) {
            stopAfterFailure(e);
            throw e;
        }
        boolean acknowledged = !pollsWithFailedSend.contains(pollNumber);
        for (SourceRecord record : records) {
            allPolled.add(record);
            inFlight.add(new InFlight(record, acknowledged));
        }
        if (!acknowledged) {
            unacknowledged.addAll(records);
        }
        return records;
    }

    /**
     * Polls until the polls of this call returned at least {@code count} records in total.
     *
     * @param count the fewest records expected, at least 1
     * @param maxPolls the most polls to try, at least 1
     * @return every record these polls returned, in order; unmodifiable, never null
     * @throws AssertionError if {@code maxPolls} polls returned fewer records, listing those they did
     * @throws IllegalStateException if the task is not running
     */
    public List<SourceRecord> pollUntil(int count, int maxPolls) {
        requirePositive("count", count);
        requirePositive("maxPolls", maxPolls);
        List<SourceRecord> seen = new ArrayList<>();
        for (int polls = 0; polls < maxPolls && seen.size() < count; polls++) {
            seen.addAll(poll());
        }
        if (seen.size() < count) {
            throw new AssertionError("Expected at least " + count + " records within " + maxPolls + " polls but was "
                    + seen.size() + ": " + seen);
        }
        return List.copyOf(seen);
    }

    /**
     * Acknowledges every record in flight, in poll order, as Kafka would: calls {@link
     * SourceTask#commitRecord} for each acknowledged record with metadata holding an offset that
     * increases per topic partition (partition 0 when the record names none) and the record's timestamp
     * (the driver's clock when it has none); stores the source offsets that may be committed, later
     * records of a source partition replacing earlier ones; then calls {@link SourceTask#commit()}.
     * Records whose send failed are not acknowledged: they leave the in-flight list without a call to
     * {@code commitRecord}, and their source partitions commit nothing more until a restart.
     *
     * @return this driver
     * @throws IllegalStateException if the task is not running
     */
    public SourceTaskDriver<T> commit() {
        requireRunning("commit()");
        Iterator<InFlight> pending = inFlight.iterator();
        while (pending.hasNext()) {
            InFlight sent = pending.next();
            pending.remove();
            SourceRecord record = sent.record();
            if (!sent.acknowledged()) {
                partitionsBehindFailedSend.add(record.sourcePartition());
                continue;
            }
            acknowledge(record);
            boolean carriesOffset = !record.sourcePartition().isEmpty()
                    && !record.sourceOffset().isEmpty();
            if (carriesOffset && !partitionsBehindFailedSend.contains(record.sourcePartition())) {
                committed.put(record.sourcePartition(), record.sourceOffset());
            }
        }
        try {
            task.commit();
        } catch (InterruptedException e) {
            throw interrupted("commit()", e);
        }
        return this;
    }

    /**
     * Makes the send to Kafka of the records returned by the {@code poll}-th poll fail: they are never
     * acknowledged, {@link #commit()} does not call {@code commitRecord} for them, and they are listed
     * in {@link #unacknowledged()}.
     *
     * @param poll the poll's number, counted from 1 over this driver's life, restarts included; a poll
     *     that has not happened yet
     * @return this driver
     * @throws IllegalArgumentException if the poll number is below 1 or that poll has already happened
     */
    public SourceTaskDriver<T> failSendOnPoll(int poll) {
        pollsWithFailedSend.add(requireFuturePoll(poll));
        return this;
    }

    /**
     * Makes the {@code poll}-th poll throw {@code failure} without calling the task, as when the runtime
     * itself fails. A {@link RetriableException} is counted and swallowed like one thrown by the task;
     * any other exception propagates from {@link #poll()} and stops the task.
     *
     * @param poll the poll's number, counted from 1 over this driver's life, restarts included; a poll
     *     that has not happened yet
     * @param failure what the poll throws; never null
     * @return this driver
     * @throws IllegalArgumentException if the poll number is below 1 or that poll has already happened
     */
    public SourceTaskDriver<T> failPoll(int poll, RuntimeException failure) {
        Objects.requireNonNull(failure, "failure");
        pollFailures.put(requireFuturePoll(poll), failure);
        return this;
    }

    /**
     * Stops the running task, if any, discards the records still in flight (they were never committed),
     * makes a new instance with the task factory and starts it with the same configuration and task id.
     * The new instance reads the committed offsets through its context, so a test can show that it
     * resumes where the last commit left off.
     *
     * @return this driver
     * @throws IllegalStateException if the factory returns null or the instance it returned before
     */
    public SourceTaskDriver<T> restart() {
        stop();
        inFlight.clear();
        partitionsBehindFailedSend.clear();
        startNewTask();
        return this;
    }

    /**
     * Stops the task, as the runtime does when the connector is stopped; does nothing if it is not
     * running. Records in flight stay in flight: call {@link #commit()} first to model a graceful
     * shutdown, or leave it out to model a crash.
     */
    public void stop() {
        if (running) {
            running = false;
            task.stop();
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

    /** @return how many polls this driver made over its life, failed and injected ones included */
    public int pollCount() {
        return pollCount;
    }

    /** @return how many polls failed with a {@link RetriableException}, thrown by the task or injected */
    public int retriableFailures() {
        return retriableFailures;
    }

    /** @return every record polled over this driver's life, in order; unmodifiable, never null */
    public List<SourceRecord> allPolled() {
        return List.copyOf(allPolled);
    }

    /**
     * @return the records polled and neither committed nor discarded yet, in order; unmodifiable, never
     *     null
     */
    public List<SourceRecord> inFlight() {
        return inFlight.stream().map(InFlight::record).toList();
    }

    /**
     * @return every record whose send failed ({@link #failSendOnPoll(int)}) over this driver's life, in
     *     order; unmodifiable, never null
     */
    public List<SourceRecord> unacknowledged() {
        return List.copyOf(unacknowledged);
    }

    /**
     * @return the committed offset of each source partition, as the task's offset reader sees it now;
     *     an unmodifiable snapshot, never null
     */
    public Map<Map<String, ?>, Map<String, ?>> committedOffsets() {
        return committed.snapshot();
    }

    /**
     * @param partition a source partition, as the task puts it in its records; never null
     * @return its committed offset, unmodifiable; null if none was committed, as the task's offset
     *     reader returns it
     */
    public Map<String, ?> committedOffset(Map<String, ?> partition) {
        return committed.get(Objects.requireNonNull(partition, "partition"));
    }

    private List<SourceRecord> pollTaskOrInjectedFailure(int pollNumber) {
        RuntimeException injected = pollFailures.remove(pollNumber);
        if (injected != null) {
            throw injected;
        }
        List<SourceRecord> records;
        try {
            records = task.poll();
        } catch (InterruptedException e) {
            throw interrupted("poll()", e);
        }
        if (records == null) {
            throw new AssertionError("Expected poll() to return a list, never null, but was null in poll " + pollNumber
                    + "; return List.of() when there are no records");
        }
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i) == null) {
                throw new AssertionError("Expected poll() to return records, never null, but was null at index " + i
                        + " in poll " + pollNumber + ": " + records);
            }
        }
        return List.copyOf(records);
    }

    private void acknowledge(SourceRecord record) {
        int partition = record.kafkaPartition() == null ? 0 : record.kafkaPartition();
        TopicPartition topicPartition = new TopicPartition(record.topic(), partition);
        long offset = nextKafkaOffsets.merge(topicPartition, 1L, Long::sum) - 1;
        long timestamp = record.timestamp() == null ? clock.millis() : record.timestamp();
        try {
            task.commitRecord(record, new RecordMetadata(topicPartition, offset, timestamp));
        } catch (InterruptedException e) {
            throw interrupted("commitRecord(...)", e);
        }
    }

    private void startNewTask() {
        task = TaskFactories.newInstance(taskFactory, task);
        task.start(context);
        running = true;
    }

    private void stopAfterFailure(Throwable failure) {
        running = false;
        try {
            task.stop();
        } catch (RuntimeException stopFailure) {
            failure.addSuppressed(stopFailure);
        }
    }

    private void requireRunning(String call) {
        if (!running) {
            throw new IllegalStateException("Cannot call " + call + " while the task is stopped; call restart() "
                    + "to start a new instance with the committed offsets");
        }
    }

    private int requireFuturePoll(int poll) {
        requirePositive("poll", poll);
        if (poll <= pollCount) {
            throw new IllegalArgumentException("Poll " + poll + " has already happened (this driver made " + pollCount
                    + " polls); inject failures into polls still to come");
        }
        return poll;
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("'" + name + "' must be 1 or more, got " + value);
        }
    }

    private static IllegalStateException interrupted(String call, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new IllegalStateException(
                "The task was interrupted in " + call + "; nothing in a driven test "
                        + "interrupts it, so look for an interrupt the test or the task raised itself",
                e);
    }

    /** A polled record and whether Kafka will acknowledge it. */
    private record InFlight(SourceRecord record, boolean acknowledged) {}

    /** The context the task sees: this driver's configuration, task id and committed offsets. */
    private final class DriverContext implements SourceTaskContext {
        @Override
        public OffsetStorageReader offsetReader() {
            return committed;
        }

        @Override
        public Optional<TransactionContext> transactionContext() {
            return Optional.empty();
        }

        @Override
        public TaskId taskId() {
            return taskId;
        }

        @Override
        public Map<String, String> config() {
            return config;
        }
    }

    /**
     * Describes a {@link SourceTaskDriver} before it starts its task. Not thread-safe; each {@link
     * #start()} makes a new, independent driver.
     *
     * @param <T> the task type
     */
    public static final class Builder<T extends SourceTask> {
        private final Supplier<? extends T> taskFactory;
        private final Map<Map<String, ?>, Map<String, ?>> committedOffsets = new LinkedHashMap<>();
        private Map<String, String> config = Map.of();
        private TaskId taskId = DEFAULT_TASK_ID;
        private Clock clock = Clock.systemUTC();

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
         * @param recordClock gives the timestamp of acknowledged records that have none; never null; the
         *     system clock unless set
         * @return this builder
         */
        public Builder<T> clock(Clock recordClock) {
            this.clock = Objects.requireNonNull(recordClock, "clock");
            return this;
        }

        /**
         * Commits an offset before the task starts, as a previous run of the connector would have.
         *
         * @param partition a source partition; never null or empty
         * @param offset its committed offset; never null or empty
         * @return this builder
         */
        public Builder<T> committedOffset(Map<String, ?> partition, Map<String, ?> offset) {
            Objects.requireNonNull(partition, "partition");
            Objects.requireNonNull(offset, "offset");
            if (partition.isEmpty() || offset.isEmpty()) {
                throw new IllegalArgumentException("A committed offset needs a non-empty source partition and "
                        + "offset, got partition " + partition + " and offset " + offset);
            }
            committedOffsets.put(partition, offset);
            return this;
        }

        /**
         * Makes the driver and starts a new task instance with the configuration.
         *
         * @return the driver, with its task running
         * @throws IllegalStateException if the factory returns null
         * @throws RuntimeException what the task's {@code start} threw
         */
        public SourceTaskDriver<T> start() {
            SourceTaskDriver<T> driver = new SourceTaskDriver<>(this);
            driver.startNewTask();
            return driver;
        }
    }
}
