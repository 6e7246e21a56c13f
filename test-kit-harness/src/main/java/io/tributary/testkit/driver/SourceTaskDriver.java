package io.tributary.testkit.driver;

import io.tributary.runtime.embed.SourceTaskStepper;
import io.tributary.sdk.annotation.Evolving;
import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.errors.RetriableException;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs one {@link SourceTask} without Kafka, through the runtime's own source task runner (see {@link
 * SourceTaskStepper}): it starts the task with the runtime's context, whose {@link
 * io.tributary.sdk.source.OffsetStorageReader} reads the offsets committed here, polls it when the test
 * says so, sends the records through the JSON converter to an in-memory producer, acknowledges them on
 * {@link #commit()}, and can restart the task from what was committed. Failures of the send to Kafka and
 * of the runtime itself can be injected by poll number. A driven test and a task on a worker run the
 * same code, so they cannot disagree.
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
 * <p><b>Offsets.</b> As on a worker, a record's source offset is committed only once Kafka has
 * acknowledged that record and every record polled before it for the same source partition. Records with
 * an empty source partition or offset commit nothing. Offsets are stored as a worker stores them: whole
 * numbers come back as {@code Long}, whatever type the task used.
 *
 * <p><b>Failures.</b> A {@link RetriableException} from {@code poll} is counted and the poll returns no
 * records, as the runtime polls again. A record whose send failed ({@link #failSendOnPoll(int)}) is never
 * acknowledged, so its source partition commits nothing past it; with the default {@code
 * errors.tolerance=none} the task then fails at its next poll, as it does on a worker, and {@link
 * #restart()} carries on with a new instance. Any other exception from {@code poll} propagates after the
 * task was stopped. A task that breaks the SDK's contract, for example by returning null from {@code
 * poll}, fails the test with an {@link AssertionError}.
 *
 * <p><b>Threads.</b> Not thread-safe: use a driver from one thread. Every task method, {@code
 * commitRecord}, {@code commit} and {@code stop} included, runs on the calling thread.
 *
 * @param <T> the task type, so {@link #task()} needs no cast
 */
@Evolving
public final class SourceTaskDriver<T extends SourceTask> implements AutoCloseable {
    /** The task id a driver gives its task unless the builder names another. */
    public static final TaskId DEFAULT_TASK_ID = new TaskId("test-connector", 0);

    private static final RuntimeException SEND_FAILURE =
            new org.apache.kafka.common.errors.NetworkException("send failed, as the test asked");

    private final Supplier<? extends T> taskFactory;
    private final Map<String, String> config;
    private final TaskId taskId;
    private final Map<String, String> connectorSettings;
    private final Clock clock;

    private final List<SourceRecord> allPolled = new ArrayList<>();
    private final List<SourceRecord> unacknowledged = new ArrayList<>();
    private final List<InFlight> inFlight = new ArrayList<>();
    private final Set<Integer> pollsWithFailedSend = new HashSet<>();
    private final Map<Integer, RuntimeException> pollFailures = new HashMap<>();

    private SourceTaskStepper stepper;
    private Map<Map<String, Object>, Map<String, Object>> committed = Map.of();
    private T task;
    private boolean running;
    private int pollCount;
    private int retriableFailures;

    private SourceTaskDriver(Builder<T> builder) {
        this.taskFactory = builder.taskFactory;
        this.config = Collections.unmodifiableMap(new LinkedHashMap<>(builder.config));
        this.taskId = builder.taskId;
        this.connectorSettings = Map.copyOf(builder.connectorSettings);
        this.clock = builder.clock;
        Map<Map<String, Object>, Map<String, Object>> initial = new LinkedHashMap<>();
        builder.committedOffsets.forEach(
                (partition, offset) -> initial.put(new LinkedHashMap<>(partition), new LinkedHashMap<>(offset)));
        this.committed = initial;
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
     * Polls the task once, as one round of a worker's loop: the records it returns are converted and sent,
     * and stay in flight until {@link #commit()} acknowledges them or {@link #restart()} discards them.
     *
     * @return the records polled, in order; empty after a retriable failure; unmodifiable, never null
     * @throws IllegalStateException if the task is not running
     * @throws RuntimeException what the task, the runtime, or a failure injected with {@link #failPoll}
     *     threw, if it is not a {@link RetriableException}; the task is stopped first
     */
    public List<SourceRecord> poll() {
        requireRunning("poll()");
        pollCount++;
        int pollNumber = pollCount;
        RuntimeException injected = pollFailures.remove(pollNumber);
        if (injected instanceof RetriableException) {
            retriableFailures++;
            return List.of();
        }
        if (injected != null) {
            stopQuietly(injected);
            throw injected;
        }
        int sentBefore = stepper.sent().size();
        List<SourceRecord> records;
        try {
            records = stepper.poll();
        } catch (RetriableException | org.apache.kafka.common.errors.RetriableException e) {
            retriableFailures++;
            return List.of();
        } catch (InterruptedException e) {
            throw interrupted("poll()", e);
        } catch (RuntimeException | Error e) {
            remember();
            running = false;
            throw e;
        }
        if (records == null) {
            stopQuietly(null);
            throw new AssertionError("Expected poll() to return a list, never null, but was null in poll " + pollNumber
                    + "; return List.of() when there are no records");
        }
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i) == null) {
                stopQuietly(null);
                throw new AssertionError("Expected poll() to return records, never null, but was null at index " + i
                        + " in poll " + pollNumber + ": " + records);
            }
        }
        int sends = stepper.sent().size() - sentBefore;
        boolean failing = pollsWithFailedSend.contains(pollNumber);
        for (SourceRecord record : records) {
            allPolled.add(record);
        }
        for (int i = 0; i < sends; i++) {
            inFlight.add(new InFlight(i < records.size() ? records.get(i) : null, failing));
        }
        if (failing) {
            unacknowledged.addAll(records);
        }
        return List.copyOf(records);
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
     * Has Kafka answer every send in flight, in order, then commits as a worker does periodically: the
     * runtime calls {@link SourceTask#commitRecord} for each acknowledged record, stores the source
     * offsets that may be committed, then calls {@link SourceTask#commit()}. Sends of the polls named by
     * {@link #failSendOnPoll(int)} fail instead.
     *
     * @return this driver
     * @throws IllegalStateException if the task is not running
     */
    public SourceTaskDriver<T> commit() {
        requireRunning("commit()");
        for (InFlight sent : inFlight) {
            if (sent.failing()) {
                stepper.failNext(SEND_FAILURE);
            } else {
                stepper.acknowledgeNext();
            }
        }
        inFlight.clear();
        try {
            stepper.commit();
        } catch (InterruptedException e) {
            throw interrupted("commit()", e);
        } catch (RuntimeException | Error e) {
            remember();
            running = false;
            throw e;
        }
        remember();
        return this;
    }

    /**
     * Makes the send to Kafka of the records returned by the {@code poll}-th poll fail when {@link
     * #commit()} has Kafka answer: they are never acknowledged, {@code commitRecord} is not called for them,
     * and they are listed in {@link #unacknowledged()}.
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
     * Stops the running task, if any, discards the records still in flight (they were never
     * acknowledged), makes a new instance with the task factory and starts it with the same configuration
     * and task id. The new instance reads the committed offsets through its context, so a test can show
     * that it resumes where the last commit left off.
     *
     * @return this driver
     * @throws IllegalStateException if the factory returns null or the instance it returned before
     */
    public SourceTaskDriver<T> restart() {
        stop();
        inFlight.clear();
        startNewTask();
        return this;
    }

    /**
     * Stops the task, as a worker does when the connector is stopped: the offsets of what Kafka
     * acknowledged are committed, then the task's {@code stop} is called; does nothing if it is not
     * running. Records in flight stay unacknowledged: call {@link #commit()} first to model a graceful
     * shutdown, or leave it out to model a crash.
     */
    public void stop() {
        if (running) {
            running = false;
            try {
                stepper.stop();
            } catch (InterruptedException e) {
                throw interrupted("stop()", e);
            } finally {
                remember();
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
     * @return the records polled and sent, and neither committed nor discarded yet, in order;
     *     unmodifiable, never null
     */
    public List<SourceRecord> inFlight() {
        return inFlight.stream().map(InFlight::record).filter(Objects::nonNull).toList();
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
        remember();
        return Collections.unmodifiableMap(new LinkedHashMap<>(committed));
    }

    /**
     * @param partition a source partition, as the task puts it in its records; never null
     * @return its committed offset, unmodifiable; null if none was committed, as the task's offset
     *     reader returns it
     */
    public Map<String, ?> committedOffset(Map<String, ?> partition) {
        Objects.requireNonNull(partition, "partition");
        Map<String, Object> offset = stepper.committedOffset(partition);
        return offset == null ? null : Collections.unmodifiableMap(offset);
    }

    private void startNewTask() {
        task = TaskFactories.newInstance(taskFactory, task);
        SourceTaskStepper.Builder builder = SourceTaskStepper.builder(task)
                .taskId(taskId)
                .taskConfig(config)
                .clock(clock);
        connectorSettings.forEach(builder::connectorSetting);
        if (stepper == null) {
            committed.forEach(builder::committedOffset);
        } else {
            builder.restartOf(stepper);
        }
        stepper = builder.start();
        running = true;
    }

    /** Keeps what the current task committed, for after it is gone. */
    private void remember() {
        if (stepper != null) {
            committed = stepper.committedOffsets();
        }
    }

    private void stopQuietly(Throwable failure) {
        running = false;
        try {
            stepper.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException stopFailure) {
            if (failure != null) {
                failure.addSuppressed(stopFailure);
            }
        } finally {
            remember();
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

    /** A record sent to Kafka, and whether its send is to fail. */
    private record InFlight(SourceRecord record, boolean failing) {}

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
        private final Map<String, String> connectorSettings = new LinkedHashMap<>();
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
         * @param recordClock the clock of the in-memory Kafka the records go to, which stamps records sent
         *     without a timestamp; never null; the system clock unless set
         * @return this builder
         */
        public Builder<T> clock(Clock recordClock) {
            this.clock = Objects.requireNonNull(recordClock, "clock");
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
