package io.tributary.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.runtime.errors.RetryWithTolerance;
import io.tributary.runtime.storage.MemoryOffsetStore;
import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.converter.Converter;
import io.tributary.sdk.converter.ConverterType;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.sdk.errors.RetriableException;
import io.tributary.sdk.source.RecordMetadata;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The source task runner's lifecycle and offsets, against kafka-clients' {@link MockProducer}, whose
 * acknowledgements the test gives one by one.
 */
class SourceTaskRunnerTest {
    private static final TaskId ID = new TaskId("orders-source", 0);
    private static final Map<String, Object> TABLE = Map.of("table", "orders");
    private static final Duration FOREVER = null;

    private final RunnerFixtures fixtures = new RunnerFixtures();
    private final MemoryOffsetStore offsets = new MemoryOffsetStore();
    /** A producer whose broker is gone: sends stay unanswered until the test answers, and flush never ends. */
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer()) {
                @Override
                public void flush() {
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };

    private Duration flushTimeout = Duration.ofSeconds(30);
    private final ScriptedSourceTask task = new ScriptedSourceTask();
    private final TaskControl control = new TaskControl();
    private final AtomicInteger transformed = new AtomicInteger();

    @AfterEach
    void close() throws InterruptedException {
        fixtures.close();
    }

    /** A task that returns what the test queued, one poll per entry; an exception queued is thrown. */
    static final class ScriptedSourceTask implements SourceTask {
        final BlockingQueue<Object> polls = new LinkedBlockingQueue<>();
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();
        final AtomicInteger pollCount = new AtomicInteger();
        final List<String> commitRecordThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile String pollThread;
        volatile CountDownLatch stopBlocks = new CountDownLatch(0);

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(SourceTaskContext context) {
            starts.incrementAndGet();
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            pollThread = Thread.currentThread().getName();
            Object next = polls.poll(20, TimeUnit.MILLISECONDS);
            if (next == null) {
                return List.of();
            }
            pollCount.incrementAndGet();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            @SuppressWarnings("unchecked")
            List<SourceRecord> records = (List<SourceRecord>) next;
            return records;
        }

        @Override
        public void commitRecord(SourceRecord record, RecordMetadata metadata) {
            commitRecordThreads.add(Thread.currentThread().getName());
        }

        @Override
        public void stop() {
            stops.incrementAndGet();
            try {
                stopBlocks.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static SourceRecord record(long position) {
        return SourceRecord.builder()
                .sourcePartition(TABLE)
                .sourceOffset(Map.of("position", position))
                .topic("orders")
                .value(Schema.STRING_SCHEMA, "order-" + position)
                .build();
    }

    private SourceTaskRunner runner(RetryWithTolerance errors, TaskConverters converters, int maxInFlight) {
        UnaryOperator<SourceRecord> counting = record -> {
            transformed.incrementAndGet();
            return record;
        };
        SourceTaskRunner.Parts parts =
                new SourceTaskRunner.Parts(ID, task, Map.of(), converters, counting, producer, offsets, errors, null);
        return new SourceTaskRunner(
                parts, fixtures.services(Duration.ofMinutes(1), flushTimeout, maxInFlight), control, r -> {});
    }

    private SourceTaskRunner runner(boolean tolerateAll, int maxInFlight) {
        return runner(
                errors(RunnerFixtures.policy(Duration.ZERO, tolerateAll)),
                RunnerFixtures.stringConverters(),
                maxInFlight);
    }

    private RetryWithTolerance errors(io.tributary.runtime.errors.ErrorPolicy policy) {
        return new RetryWithTolerance(ID, policy, List.of(fixtures.reporter()), Clock.systemUTC(), control::await);
    }

    private State state() {
        return fixtures.statuses.task(ID).map(Status::state).orElse(null);
    }

    private Map<Map<String, Object>, Map<String, Object>> committed() {
        return offsets.allOffsets(ID.connector());
    }

    @Test
    void aStopWhileARecordWaitsForRoomEndsTheBatchThere() throws Exception {
        SourceTaskRunner runner = runner(false, 1);
        task.polls.add(List.of(record(1), record(2), record(3)));
        var thread = fixtures.run(runner);
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);

        runner.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> !producer.completeNext() && thread.isDone());

        assertThat(producer.history())
                .as("only the record that had room was sent")
                .hasSize(1);
        assertThat(transformed)
                .as("the batch ends at the record that waited: the ones after it are not even converted")
                .hasValue(2);
        assertThat(state()).isEqualTo(State.STOPPED);
    }

    @Test
    void aStopWaitsForUnacknowledgedRecordsNoLongerThanTheFlushTimeout() throws Exception {
        flushTimeout = Duration.ofMillis(200);
        SourceTaskRunner runner = runner(false, 10);
        task.polls.add(List.of(record(1)));
        var thread = fixtures.run(runner);
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);

        runner.stop();

        thread.get(5, TimeUnit.SECONDS);
        assertThat(state()).isEqualTo(State.STOPPED);
        assertThat(committed())
                .as("the record Kafka never acknowledged is not committed")
                .isEmpty();
    }

    @Test
    void failingPollsBackOffInsteadOfSpinning() {
        SourceTaskRunner runner = runner(true, 10);
        for (int i = 0; i < 1_000; i++) {
            task.polls.add(new RetriableException("source busy"));
        }
        fixtures.run(runner);
        await().atMost(Duration.ofSeconds(10)).until(() -> task.pollCount.get() >= 1);

        // Back-offs of 100, 200, 400 ms... leave room for a handful of polls in a second, not hundreds.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> task.pollCount.get() <= 6);
        assertThat(state()).isEqualTo(State.RUNNING);
        runner.stop();
    }

    @Test
    void aRecordAbandonedByAStopHoldsBackTheOffsetsAfterIt() {
        SubmittedRecords submitted = new SubmittedRecords();
        SubmittedRecords.Submitted first = submitted.submit(record(1));
        SubmittedRecords.Submitted second = submitted.submit(record(2));
        SubmittedRecords.Submitted third = submitted.submit(record(3));

        first.acknowledge();
        second.abandon();
        third.acknowledge();

        assertThat(submitted.committableOffsets()).containsExactly(Map.entry(TABLE, Map.of("position", 1L)));
        assertThat(submitted.outstanding()).as("nothing is left to wait for").isZero();
        second.acknowledge();
        assertThat(submitted.committableOffsets())
                .as("an abandoned record is never acknowledged later")
                .isEmpty();
    }

    @Test
    void offsetsAreCommittedOnlyUpToTheLastAcknowledgedRecordWhenTheTaskStops() throws Exception {
        SourceTaskRunner runner = runner(false, 10);
        task.polls.add(List.of(record(1), record(2), record(3)));
        var thread = fixtures.run(runner);
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 3);
        producer.completeNext();
        producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker went away"));

        runner.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.completeNext() || thread.isDone());
        thread.get(10, TimeUnit.SECONDS);

        assertThat(committed()).containsExactly(Map.entry(TABLE, Map.of("position", 1L)));
    }

    @Test
    void aStopDuringAConverterRetryNeitherSkipsNorFailsTheRecord() throws Exception {
        CountDownLatch converting = new CountDownLatch(1);
        Converter downstream = new Converter() {
            @Override
            public void configure(Map<String, ?> configs, ConverterType type) {}

            @Override
            public byte[] fromData(String topic, Schema schema, Object value) {
                converting.countDown();
                throw new RetriableException("schema registry unavailable");
            }

            @Override
            public SchemaAndValue toData(String topic, byte[] bytes) {
                throw new UnsupportedOperationException("a source converter only");
            }
        };
        TaskConverters converters = new TaskConverters(
                RunnerFixtures.converter(ConverterType.KEY),
                downstream,
                RunnerFixtures.stringConverters().header());
        SourceTaskRunner runner = runner(errors(RunnerFixtures.policy(FOREVER, true)), converters, 10);
        task.polls.add(List.of(record(1)));
        var thread = fixtures.run(runner);
        assertThat(converting.await(10, TimeUnit.SECONDS)).isTrue();

        runner.stop();
        thread.get(10, TimeUnit.SECONDS);

        assertThat(state()).isEqualTo(State.STOPPED);
        assertThat(fixtures.reported).as("a stop is not a failure to report").isEmpty();
        assertThat(committed())
                .as("the record was not skipped: it is polled again next time")
                .isEmpty();
        assertThat(task.commitRecordThreads).isEmpty();
    }

    @Test
    void aRetriableFailureOfPollIsRetriedEvenWithTheDefaultPolicy() throws Exception {
        SourceTaskRunner runner = runner(false, 10);
        task.polls.add(new RetriableException("source busy"));
        task.polls.add(new org.apache.kafka.common.errors.NotLeaderOrFollowerException("moving"));
        task.polls.add(List.of(record(1)));
        var thread = fixtures.run(runner);

        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);
        assertThat(state()).isEqualTo(State.RUNNING);
        runner.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.completeNext() || thread.isDone());
        thread.get(10, TimeUnit.SECONDS);
        assertThat(task.pollCount).hasValueGreaterThanOrEqualTo(3);
        assertThat(state()).isEqualTo(State.STOPPED);
    }

    @Test
    void aPollThatFailsForGoodFailsTheTaskEvenWithToleranceAll() throws Exception {
        SourceTaskRunner runner = runner(true, 10);
        task.polls.add(new IllegalStateException("credentials revoked"));

        fixtures.run(runner).get(10, TimeUnit.SECONDS);

        assertThat(state()).isEqualTo(State.FAILED);
        assertThat(fixtures.statuses.task(ID).orElseThrow().trace()).contains("credentials revoked");
        assertThat(task.stops).as("a failed task is stopped too").hasValue(1);
    }

    @Test
    void aSendFailureWithToleranceNoneFailsTheTaskAndStopsIt() throws Exception {
        SourceTaskRunner runner = runner(false, 10);
        task.polls.add(List.of(record(1)));
        var thread = fixtures.run(runner);
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);

        producer.errorNext(new org.apache.kafka.common.errors.RecordTooLargeException("too large"));
        thread.get(10, TimeUnit.SECONDS);

        assertThat(state()).isEqualTo(State.FAILED);
        assertThat(task.stops).hasValue(1);
        assertThat(committed()).isEmpty();
    }

    @Test
    void aTaskStoppedBeforeItStartedIsNeitherStartedNorStopped() throws Exception {
        SourceTaskRunner runner = runner(false, 10);

        runner.stop();
        fixtures.run(runner).get(10, TimeUnit.SECONDS);

        assertThat(task.starts).hasValue(0);
        assertThat(task.stops).hasValue(0);
        assertThat(state()).isEqualTo(State.STOPPED);
    }

    @Test
    void commitRecordRunsOnTheTaskThreadNotTheProducers() throws Exception {
        SourceTaskRunner runner = runner(false, 10);
        task.polls.add(List.of(record(1), record(2)));
        var thread = fixtures.run(runner);
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 2);

        producer.completeNext();
        producer.completeNext();
        await().atMost(Duration.ofSeconds(10)).until(() -> task.commitRecordThreads.size() == 2);

        assertThat(task.commitRecordThreads).containsOnly(task.pollThread);
        runner.stop();
        thread.get(10, TimeUnit.SECONDS);
        assertThat(committed()).containsExactly(Map.entry(TABLE, Map.of("position", 2L)));
    }

    @Test
    void stopReturnsAtOnceWhileTheTaskIsSlowToStop() throws Exception {
        SourceTaskRunner runner = runner(false, 10);
        CountDownLatch release = new CountDownLatch(1);
        task.stopBlocks = release;
        var thread = fixtures.run(runner);
        await().atMost(Duration.ofSeconds(10)).until(() -> state() == State.RUNNING);

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), runner::stop);

        await().atMost(Duration.ofSeconds(10)).until(() -> task.stops.get() == 1);
        release.countDown();
        thread.get(10, TimeUnit.SECONDS);
        assertThat(task.stops).as("stop() runs once").hasValue(1);
    }

    @Test
    void aCancelledTaskCommitsNothingMore() throws Exception {
        SourceTaskRunner runner = runner(false, 10);
        task.polls.add(List.of(record(1)));
        CountDownLatch release = new CountDownLatch(1);
        task.stopBlocks = release;
        var thread = fixtures.run(runner);
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);

        runner.cancel();
        producer.completeNext();
        release.countDown();
        thread.get(10, TimeUnit.SECONDS);

        assertThat(producer.closed()).isTrue();
        assertThat(committed()).isEmpty();
    }
}
