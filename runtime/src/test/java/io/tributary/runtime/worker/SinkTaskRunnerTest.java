package io.tributary.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.runtime.errors.RetryWithTolerance;
import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.errors.RetriableException;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTask;
import io.tributary.sdk.sink.SinkTaskContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sink task runner's lifecycle, commits, pauses, retries and errant records, against kafka-clients'
 * {@link MockConsumer}, made to treat a wake-up as the real consumer does.
 */
class SinkTaskRunnerTest {
    private static final TaskId ID = new TaskId("orders-sink", 0);
    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final io.tributary.sdk.connector.TopicPartition SDK_P0 =
            new io.tributary.sdk.connector.TopicPartition("orders", 0);

    private final RunnerFixtures fixtures = new RunnerFixtures();
    private final RealisticConsumer consumer = new RealisticConsumer();
    private final ScriptedSinkTask task = new ScriptedSinkTask();
    private final TaskControl control = new TaskControl();

    @AfterEach
    void close() throws InterruptedException {
        fixtures.close();
    }

    /**
     * A {@link MockConsumer} whose wake-up, like the real consumer's, also breaks the next {@code commitSync},
     * and which counts the polls made while every assigned partition is paused.
     */
    static final class RealisticConsumer extends MockConsumer<byte[], byte[]> {
        final AtomicBoolean woken = new AtomicBoolean();
        final AtomicInteger pollsWhileAllPaused = new AtomicInteger();
        /** What was committed, readable after the runner closed the consumer. */
        final Map<TopicPartition, Long> committedOffsets = new java.util.concurrent.ConcurrentHashMap<>();

        RealisticConsumer() {
            super("earliest");
        }

        @Override
        public synchronized void wakeup() {
            woken.set(true);
            super.wakeup();
        }

        @Override
        public synchronized ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
            if (!assignment().isEmpty() && paused().containsAll(assignment())) {
                pollsWhileAllPaused.incrementAndGet();
            }
            woken.set(false);
            return super.poll(timeout);
        }

        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            if (woken.getAndSet(false)) {
                throw new WakeupException();
            }
            super.commitSync(offsets);
            offsets.forEach((partition, offset) -> committedOffsets.put(partition, offset.offset()));
        }

        @Override
        public synchronized void commitAsync(
                Map<TopicPartition, OffsetAndMetadata> offsets,
                org.apache.kafka.clients.consumer.OffsetCommitCallback callback) {
            super.commitAsync(offsets, callback);
            offsets.forEach((partition, offset) -> committedOffsets.put(partition, offset.offset()));
        }
    }

    /** A task whose puts do what the test queued, one action per call; with nothing queued a put succeeds. */
    static final class ScriptedSinkTask implements SinkTask {
        final BlockingQueue<Consumer<Collection<SinkRecord>>> puts = new LinkedBlockingQueue<>();
        final List<SinkRecord> written = new CopyOnWriteArrayList<>();
        final AtomicInteger putCalls = new AtomicInteger();
        final AtomicInteger preCommits = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();
        volatile Consumer<SinkTaskContext> onPreCommit = context -> {};
        volatile SinkTaskContext context;

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(SinkTaskContext taskContext) {
            this.context = taskContext;
        }

        @Override
        public void put(Collection<SinkRecord> records) {
            putCalls.incrementAndGet();
            Consumer<Collection<SinkRecord>> action = puts.poll();
            if (action != null) {
                action.accept(records);
            }
            written.addAll(records);
        }

        @Override
        public Map<io.tributary.sdk.connector.TopicPartition, Long> preCommit(
                Map<io.tributary.sdk.connector.TopicPartition, Long> currentOffsets) {
            preCommits.incrementAndGet();
            onPreCommit.accept(context);
            return currentOffsets;
        }

        @Override
        public void stop() {
            stops.incrementAndGet();
        }
    }

    private SinkTaskRunner runner(boolean tolerateAll, Duration flushInterval) {
        RetryWithTolerance errors = new RetryWithTolerance(
                ID,
                RunnerFixtures.policy(Duration.ZERO, tolerateAll),
                List.of(fixtures.reporter()),
                Clock.systemUTC(),
                control::await);
        SinkTaskRunner.Parts parts = new SinkTaskRunner.Parts(
                ID,
                task,
                Map.of(),
                RunnerFixtures.stringConverters(),
                UnaryOperator.identity(),
                consumer,
                List.of("orders"),
                null,
                errors);
        return new SinkTaskRunner(
                parts, fixtures.services(flushInterval, Duration.ofSeconds(5), 100), control, r -> {});
    }

    private SinkTaskRunner runner(boolean tolerateAll) {
        return runner(tolerateAll, Duration.ofMinutes(1));
    }

    private void assignWithRecords(String... values) {
        consumer.schedulePollTask(() -> {
            consumer.updateBeginningOffsets(Map.of(P0, 0L));
            consumer.rebalance(List.of(P0));
            for (int i = 0; i < values.length; i++) {
                consumer.addRecord(
                        new ConsumerRecord<>("orders", 0, i, null, values[i].getBytes(StandardCharsets.UTF_8)));
            }
        });
    }

    private void addRecord(long offset, String value) {
        consumer.schedulePollTask(() -> consumer.addRecord(
                new ConsumerRecord<>("orders", 0, offset, null, value.getBytes(StandardCharsets.UTF_8))));
    }

    private State state() {
        return fixtures.statuses.task(ID).map(Status::state).orElse(null);
    }

    private Long committedOffset() {
        return consumer.committedOffsets.get(P0);
    }

    private static String value(SinkRecord record) {
        return (String) record.value();
    }

    @Test
    void aStopDuringPutEndsStoppedWithItsFinalCommit() throws Exception {
        CountDownLatch inPut = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        task.puts.add(records -> {
            inPut.countDown();
            awaitQuietly(release);
        });
        assignWithRecords("a", "b");
        SinkTaskRunner runner = runner(false);
        Future<?> thread = fixtures.run(runner);
        assertThat(inPut.await(10, TimeUnit.SECONDS)).isTrue();

        runner.stop();
        release.countDown();
        thread.get(10, TimeUnit.SECONDS);

        assertThat(state()).as("a stop is never a failure").isEqualTo(State.STOPPED);
        assertThat(committedOffset())
                .as("the final commit survives the wake-up")
                .isEqualTo(2L);
        assertThat(task.stops).hasValue(1);
    }

    @Test
    void anErrantCopyOfARecordReachesTheReportersWithTheBytesKafkaDelivered() throws Exception {
        task.puts.add(records -> {
            SinkRecord copy = records.iterator().next().withValue(Schema.STRING_SCHEMA, "changed by the task");
            task.context.errantRecordReporter().report(copy, new DataException("bad order"));
        });
        assignWithRecords("first", "second");
        SinkTaskRunner runner = runner(true);
        Future<?> thread = fixtures.run(runner);

        await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.reported.size() == 1);
        runner.stop();
        thread.get(10, TimeUnit.SECONDS);

        ConsumerRecord<byte[], byte[]> original = fixtures.reported.get(0).consumed();
        assertThat(original).isNotNull();
        assertThat(new String(original.value(), StandardCharsets.UTF_8)).isEqualTo("first");
        assertThat(original.offset()).isZero();
    }

    @Test
    void aRecordReportedFromPreCommitReachesTheReportersBeforeItsOffsetIsCommitted() throws Exception {
        List<SinkRecord> kept = new CopyOnWriteArrayList<>();
        task.puts.add(kept::addAll);
        task.onPreCommit = context -> {
            if (!kept.isEmpty()) {
                context.errantRecordReporter().report(kept.remove(0), new DataException("rejected on flush"));
            }
        };
        assignWithRecords("only");
        SinkTaskRunner runner = runner(true, Duration.ZERO);
        Future<?> thread = fixtures.run(runner);

        await().atMost(Duration.ofSeconds(10)).until(() -> committedOffset() != null);
        runner.stop();
        thread.get(10, TimeUnit.SECONDS);

        assertThat(fixtures.reported)
                .singleElement()
                .satisfies(failure -> assertThat(new String(failure.consumed().value(), StandardCharsets.UTF_8))
                        .isEqualTo("only"));
    }

    @Test
    void theConsumerKeepsPollingWithEveryPartitionPausedDuringARetryBackoff() throws Exception {
        task.puts.add(records -> {
            task.context.timeout(Duration.ofMillis(300));
            throw new RetriableException("database busy");
        });
        assignWithRecords("a");
        SinkTaskRunner runner = runner(false);
        Future<?> thread = fixtures.run(runner);

        await().atMost(Duration.ofSeconds(10)).until(() -> task.written.size() == 1);
        assertThat(consumer.pollsWhileAllPaused)
                .as("polls during the back-off keep the task in its group")
                .hasValueGreaterThan(0);
        assertThat(consumer.paused()).as("the retry's hold ends with it").isEmpty();
        runner.stop();
        thread.get(10, TimeUnit.SECONDS);
        assertThat(committedOffset()).isEqualTo(1L);
    }

    @Test
    void theTasksResumeDoesNotLiftTheConnectorsPause() throws Exception {
        task.onPreCommit = context -> {
            if (!context.assignment().isEmpty()) {
                context.resume(SDK_P0);
            }
        };
        assignWithRecords();
        control.pause();
        SinkTaskRunner runner = runner(false, Duration.ZERO);
        Future<?> thread = fixtures.run(runner);
        addRecord(0, "arrives while paused");

        await().atMost(Duration.ofSeconds(10)).until(() -> task.preCommits.get() >= 5);
        assertThat(task.putCalls)
                .as("nothing is put while the connector is paused")
                .hasValue(0);
        assertThat(consumer.paused()).contains(P0);

        control.resume();
        await().atMost(Duration.ofSeconds(10)).until(() -> task.written.size() == 1);
        runner.stop();
        thread.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRevokedPartitionForgetsTheTasksPause() {
        MockConsumer<byte[], byte[]> plain = new MockConsumer<>("earliest");
        plain.assign(List.of(P0));
        AtomicBoolean held = new AtomicBoolean();
        SinkContext context = new SinkContext(ID, Map.of(), plain, (record, error) -> null, held::get);
        context.pause(SDK_P0);
        assertThat(plain.paused()).containsExactly(P0);

        context.forget(List.of(P0));
        plain.assign(List.of(P0));
        context.applyPauses();

        assertThat(plain.paused()).isEmpty();
        assertThat(context.pausedByTask()).isEmpty();
    }

    @Test
    void aFailureOfTheWholeBatchFailsTheTaskInsteadOfFillingTheDeadLetterQueue() throws Exception {
        task.puts.add(records -> {
            throw new IllegalStateException("connection to the database lost");
        });
        assignWithRecords("a", "b", "c");
        SinkTaskRunner runner = runner(true);

        fixtures.run(runner).get(10, TimeUnit.SECONDS);

        assertThat(state()).isEqualTo(State.FAILED);
        assertThat(fixtures.statuses.task(ID).orElseThrow().trace()).contains("connection to the database lost");
        assertThat(fixtures.reported).as("an outage is not a bad record").isEmpty();
        assertThat(committedOffset()).isNull();
    }

    @Test
    void aBadRecordInABatchGoesToTheReportersAloneAndItsNeighboursAreWritten() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            task.puts.add(records -> {
                calls.incrementAndGet();
                if (records.stream().anyMatch(r -> value(r).equals("bad"))) {
                    throw new DataException("value 'bad' does not fit the table");
                }
            });
        }
        assignWithRecords("a", "bad", "c");
        SinkTaskRunner runner = runner(true, Duration.ZERO);
        Future<?> thread = fixtures.run(runner);

        await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(3).equals(committedOffset()));
        runner.stop();
        thread.get(10, TimeUnit.SECONDS);

        assertThat(task.written).extracting(SinkTaskRunnerTest::value).containsExactly("a", "c");
        assertThat(fixtures.reported)
                .singleElement()
                .satisfies(failure -> assertThat(new String(failure.consumed().value(), StandardCharsets.UTF_8))
                        .isEqualTo("bad"));
    }

    @Test
    void aTaskStoppedBeforeItStartedIsNeitherStartedNorStopped() throws Exception {
        SinkTaskRunner runner = runner(false);

        runner.stop();
        fixtures.run(runner).get(10, TimeUnit.SECONDS);

        assertThat(task.context).isNull();
        assertThat(task.stops).hasValue(0);
        assertThat(state()).isEqualTo(State.STOPPED);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
