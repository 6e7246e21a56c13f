package io.tributary.testkit.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.errors.RetriableException;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTask;
import io.tributary.sdk.sink.SinkTaskContext;
import io.tributary.sdk.sink.TimestampType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SinkTaskDriverTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final TopicPartition P0 = new TopicPartition("numbers", 0);
    private static final TopicPartition P1 = new TopicPartition("numbers", 1);
    private static final TopicPartition P2 = new TopicPartition("numbers", 2);

    private final NumberTable table = NumberTable.create();

    @Test
    void startOpensTheInitialAssignment() {
        try (SinkTaskDriver<NumberTableSinkTask> driver = builder().start(P0, P1)) {
            assertThat(driver.task().calls()).containsExactly("start", "open [numbers-0, numbers-1]");
            assertThat(driver.assignment()).containsExactly(P0, P1);
            assertThat(driver.positions()).containsExactly(Map.entry(P0, 0L), Map.entry(P1, 0L));
        }
    }

    @Test
    void rebalanceCommitsThenClosesRevokedAndOpensOnlyNewlyAssignedPartitions() {
        try (SinkTaskDriver<NumberTableSinkTask> driver = builder().start(P0, P1)) {
            driver.putValues(P0, Schema.INT64_SCHEMA, 1L, 2L);

            driver.rebalance(P1, P2);
            driver.rebalance(P1, P2, P0);

            assertThat(driver.task().calls())
                    .containsExactly(
                            "start",
                            "open [numbers-0, numbers-1]",
                            "put 2",
                            "preCommit {numbers-0=2, numbers-1=0}",
                            "close [numbers-0]",
                            "open [numbers-2]",
                            "open [numbers-0]");
            assertThat(driver.assignment()).containsExactlyInAnyOrder(P0, P1, P2);
            assertThat(driver.committedOffsets()).containsEntry(P0, 2L);
            assertThat(table.rows()).containsExactly(1L, 2L);
        }
    }

    @Test
    void newlyAssignedPartitionStartsAtItsCommittedOffset() {
        try (SinkTaskDriver<NumberTableSinkTask> driver =
                builder().committedOffset(P1, 7).start(P0)) {
            driver.rebalance(P0, P1);

            List<SinkRecord> records = driver.putValues(P1, Schema.INT64_SCHEMA, 10L, 11L);

            assertThat(records).extracting(SinkRecord::kafkaOffset).containsExactly(7L, 8L);
            assertThat(driver.positions()).containsEntry(P0, 0L).containsEntry(P1, 9L);
            assertThat(driver.requestedOffsetResets()).isEmpty();
        }
    }

    @Test
    void putValuesBuildsRecordsAtThePartitionsPosition() {
        try (SinkTaskDriver<NumberTableSinkTask> driver = builder().start(P0)) {
            driver.putValues(P0, Schema.INT64_SCHEMA, 1L, 2L);
            List<SinkRecord> records = driver.putValues(P0, Schema.INT64_SCHEMA, 3L);

            assertThat(records).hasSize(1);
            SinkRecord record = records.get(0);
            assertThat(record.originalTopicPartition()).isEqualTo(P0);
            assertThat(record.kafkaOffset()).isEqualTo(2L);
            assertThat(record.value()).isEqualTo(3L);
            assertThat(record.valueSchema()).isEqualTo(Schema.INT64_SCHEMA);
            assertThat(record.timestamp()).isEqualTo(NOW.toEpochMilli());
            assertThat(record.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
            assertThat(driver.positions()).containsEntry(P0, 3L);
        }
    }

    @Test
    void preCommitBoundsTheCommittedOffsets() {
        try (SinkTaskDriver<NumberTableSinkTask> driver =
                builder(Map.of(NumberTableSinkTask.FLUSH_SIZE, "2")).start(P0)) {
            driver.putValues(P0, Schema.INT64_SCHEMA, 1L, 2L, 3L, 4L, 5L);

            Map<TopicPartition, Long> committed = driver.commit();

            assertThat(driver.positions()).containsEntry(P0, 5L);
            assertThat(committed).containsExactly(Map.entry(P0, 4L));
            assertThat(table.rows()).containsExactly(1L, 2L, 3L, 4L);
            assertThat(driver.task().buffered()).containsExactly(5L);
        }
    }

    @Test
    void commitIgnoresUnassignedPartitionsAndOffsetsBeyondThePosition() {
        SinkTask overreaching = new PreCommitOnlyTask(Map.of(P0, 2L, P1, 99L, P2, 1L));
        try (SinkTaskDriver<SinkTask> driver =
                SinkTaskDriver.forTask(() -> overreaching).start(P0, P1)) {
            driver.putValues(P0, null, "a", "b", "c");

            assertThat(driver.commit()).containsExactly(Map.entry(P0, 2L));
        }
    }

    @Test
    void offsetResetRequestedOnOpenIsHonoured() {
        table.storeOffset(P0, 42L);
        try (SinkTaskDriver<NumberTableSinkTask> driver = builder().start(P0, P1)) {
            List<SinkRecord> records = driver.putValues(P0, Schema.INT64_SCHEMA, 1L, 2L);

            assertThat(driver.requestedOffsetResets()).containsExactly(Map.entry(P0, 42L));
            assertThat(records).extracting(SinkRecord::kafkaOffset).containsExactly(42L, 43L);
            assertThat(driver.task().buffered()).containsExactly(1L, 2L);
            assertThat(driver.commit()).containsEntry(P0, 44L).containsEntry(P1, 0L);
        }
    }

    @Test
    void restartStartsANewInstanceFromTheCommittedOffsets() {
        try (SinkTaskDriver<NumberTableSinkTask> driver = builder().start(P0)) {
            driver.putValues(P0, Schema.INT64_SCHEMA, 1L, 2L);
            driver.commit();
            driver.putValues(P0, Schema.INT64_SCHEMA, 3L);
            NumberTableSinkTask first = driver.task();

            driver.restart();
            List<SinkRecord> again = driver.putValues(P0, Schema.INT64_SCHEMA, 3L);

            assertThat(first.calls()).endsWith("close [numbers-0]", "stop");
            assertThat(driver.task()).isNotSameAs(first);
            assertThat(driver.task().calls()).startsWith("start", "open [numbers-0]");
            // Stopping committed what preCommit allowed, the record at offset 2 included, as a worker does.
            assertThat(driver.committedOffsets()).containsEntry(P0, 3L);
            assertThat(again).extracting(SinkRecord::kafkaOffset).containsExactly(3L);
        }
    }

    @Test
    void aRestartReadsAgainWhatWasNotCommitted() {
        try (SinkTaskDriver<NumberTableSinkTask> driver =
                builder(Map.of(NumberTableSinkTask.FLUSH_SIZE, "2")).start(P0)) {
            driver.putValues(P0, Schema.INT64_SCHEMA, 1L, 2L, 3L);

            driver.restart();

            assertThat(driver.committedOffsets())
                    .as("only flushed rows are committed")
                    .containsEntry(P0, 2L);
            assertThat(table.rows()).containsExactly(1L, 2L);
            assertThat(driver.task().buffered())
                    .as("the unflushed record is read again")
                    .containsExactly(3L);
        }
    }

    @Test
    void pausedPartitionsAreHeldBackUntilResumed() {
        try (SinkTaskDriver<NumberTableSinkTask> driver =
                builder(Map.of(NumberTableSinkTask.MAX_BUFFERED, "2")).start(P0, P1)) {
            driver.putValues(P0, Schema.INT64_SCHEMA, 1L, 2L);
            assertThat(driver.pausedPartitions()).containsExactly(P0);
            assertThat(driver.commitRequests()).isEqualTo(1);

            List<SinkRecord> held = driver.putValues(P0, Schema.INT64_SCHEMA, 3L, 4L);
            driver.putValues(P1, Schema.INT64_SCHEMA, 10L);

            assertThat(held).extracting(SinkRecord::kafkaOffset).containsExactly(2L, 3L);
            assertThat(driver.pendingRecords()).isEqualTo(held);
            assertThat(driver.task().buffered()).containsExactly(1L, 2L, 10L);
            assertThat(driver.positions()).containsEntry(P0, 2L);

            driver.commit();
            assertThat(driver.pausedPartitions()).isEmpty();
            driver.deliverPending();

            assertThat(driver.pendingRecords()).isEmpty();
            assertThat(driver.task().buffered()).containsExactly(3L, 4L);
            assertThat(driver.positions()).containsEntry(P0, 4L);
        }
    }

    @Test
    void heldBackRecordsComeBeforeNewOnesOnceResumed() {
        try (SinkTaskDriver<NumberTableSinkTask> driver =
                builder(Map.of(NumberTableSinkTask.MAX_BUFFERED, "1")).start(P0)) {
            driver.putValues(P0, Schema.INT64_SCHEMA, 1L);
            driver.putValues(P0, Schema.INT64_SCHEMA, 2L);
            driver.commit();

            driver.putValues(P0, Schema.INT64_SCHEMA, 3L);

            assertThat(driver.task().calls()).endsWith("put 2");
            assertThat(driver.task().buffered()).containsExactly(2L, 3L);
        }
    }

    @Test
    void errantRecordReporterCapturesTheRecordAndTheError() {
        try (SinkTaskDriver<NumberTableSinkTask> driver =
                builder().connectorSetting("errors.tolerance", "all").start(P0)) {
            List<SinkRecord> records = driver.putValues(P0, null, 1L, "ten", 2L);
            driver.commit();

            assertThat(driver.errantRecords()).hasSize(1);
            ReportedRecord reported = driver.errantRecords().get(0);
            assertThat(reported.record().value()).isEqualTo(records.get(1).value());
            assertThat(reported.record().kafkaOffset()).isEqualTo(records.get(1).kafkaOffset());
            assertThat(reported.error()).isInstanceOf(DataException.class).hasMessage("Expected a number but was ten");
            assertThat(table.rows()).containsExactly(1L, 2L);
        }
    }

    /** Writes the values it is given and throws a DataException, rather than reporting, for one it cannot. */
    public static class ThrowingSinkTask implements SinkTask {
        static final List<Object> WRITTEN = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(SinkTaskContext context) {}

        @Override
        public void put(Collection<SinkRecord> records) {
            for (SinkRecord record : records) {
                if (!(record.value() instanceof Number)) {
                    throw new DataException("Expected a number but was " + record.value());
                }
            }
            records.forEach(record -> WRITTEN.add(record.value()));
        }

        @Override
        public void stop() {}
    }

    @Test
    void withToleranceAllAPutThatThrowsForOneRecordIsolatesItAndItsNeighboursAreWritten() {
        ThrowingSinkTask.WRITTEN.clear();
        try (SinkTaskDriver<ThrowingSinkTask> driver = SinkTaskDriver.forTask(ThrowingSinkTask::new)
                .config(Map.of())
                .connectorSetting("errors.tolerance", "all")
                .start(P0)) {
            List<SinkRecord> records = driver.putValues(P0, null, 1L, "ten", 2L);
            Map<TopicPartition, Long> committed = driver.commit();

            assertThat(driver.errantRecords()).singleElement().satisfies(reported -> {
                assertThat(reported.record().kafkaOffset())
                        .isEqualTo(records.get(1).kafkaOffset());
                assertThat(reported.error()).hasMessageContaining("Expected a number but was ten");
            });
            assertThat(ThrowingSinkTask.WRITTEN).containsExactly(1L, 2L);
            assertThat(committed).containsEntry(P0, 3L);
        }
    }

    /** Loses what it was given since its last commit once, and asks for it again from preCommit. */
    public static class ForgetfulSinkTask implements SinkTask {
        static final List<Object> WRITTEN = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Map<TopicPartition, Long> durable = new HashMap<>();
        private final Map<TopicPartition, Long> firstSinceCommit = new HashMap<>();
        private final List<Object> sinceCommit = new ArrayList<>();
        private SinkTaskContext context;
        private boolean forgotten;

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(SinkTaskContext context) {
            this.context = context;
        }

        @Override
        public void put(Collection<SinkRecord> records) {
            for (SinkRecord record : records) {
                firstSinceCommit.putIfAbsent(record.originalTopicPartition(), record.kafkaOffset());
                sinceCommit.add(record.value());
            }
        }

        @Override
        public Map<TopicPartition, Long> preCommit(Map<TopicPartition, Long> currentOffsets) {
            if (!forgotten && !durable.isEmpty()) {
                forgotten = true;
                sinceCommit.clear();
                context.offsets(Map.copyOf(durable));
                firstSinceCommit.clear();
                return Map.copyOf(durable);
            }
            WRITTEN.addAll(sinceCommit);
            sinceCommit.clear();
            firstSinceCommit.clear();
            durable.putAll(currentOffsets);
            return currentOffsets;
        }

        @Override
        public void stop() {}
    }

    @Test
    void aRewindAskedForInPreCommitIsDeliveredBeforeNewerRecords() {
        ForgetfulSinkTask.WRITTEN.clear();
        try (SinkTaskDriver<ForgetfulSinkTask> driver =
                SinkTaskDriver.forTask(ForgetfulSinkTask::new).config(Map.of()).start(P0)) {
            driver.putValues(P0, null, 1L, 2L);
            driver.commit();
            driver.putValues(P0, null, 3L, 4L);
            assertThat(driver.commit()).containsEntry(P0, 2L); // 3 and 4 were lost: rewind to 2
            driver.putValues(P0, null, 5L);
            driver.commit();

            assertThat(ForgetfulSinkTask.WRITTEN).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(driver.committedOffsets()).containsEntry(P0, 5L);
        }
    }

    @Test
    void withToleranceNoneAnErrantRecordFailsTheTaskAsOnAWorker() {
        try (SinkTaskDriver<NumberTableSinkTask> driver = builder().start(P0)) {
            assertThatThrownBy(() -> driver.putValues(P0, null, 1L, "ten", 2L))
                    .hasMessageContaining("errors.tolerance=none")
                    .hasRootCauseMessage("Expected a number but was ten");

            assertThat(driver.isRunning()).isFalse();
            assertThat(table.rows()).isEmpty();
        }
    }

    @Test
    void retriablePutIsRedeliveredAfterTheBackoffTheTaskSet() {
        try (SinkTaskDriver<NumberTableSinkTask> driver = builder().start(P0)) {
            driver.putValues(P0, Schema.INT64_SCHEMA, 1L, NumberTableSinkTask.TIMES_OUT_ONCE, 2L);
            driver.commit();

            assertThat(driver.retriableFailures()).isEqualTo(1);
            assertThat(driver.lastBackoff()).contains(Duration.ofMillis(250));
            assertThat(driver.task().calls()).containsSubsequence("put 3", "put 3", "preCommit {numbers-0=3}");
            assertThat(table.rows()).containsExactly(1L, NumberTableSinkTask.TIMES_OUT_ONCE, 2L);
        }
    }

    @Test
    void retriablePutFailsTheTestAfterTheMostRedeliveries() {
        AlwaysRetriableTask task = new AlwaysRetriableTask();
        SinkTaskDriver<AlwaysRetriableTask> driver =
                SinkTaskDriver.forTask(() -> task).maxRedeliveries(3).start(P0);

        assertThatThrownBy(() -> driver.putValues(P0, null, "x"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected put(...) to accept the batch within 3 redeliveries but was still "
                        + "failing after 4 attempts with: Database is read-only")
                .hasMessageContaining("value=x")
                .hasCauseInstanceOf(RetriableException.class);
        assertThat(task.puts).isEqualTo(4);
        assertThat(driver.retriableFailures()).isEqualTo(4);
        assertThat(driver.isRunning()).isFalse();
        assertThat(task.stopped).isTrue();
    }

    @Test
    void fatalPutFailurePropagatesAfterTheTaskIsClosedAndStopped() {
        CrashingTask task = new CrashingTask();
        SinkTaskDriver<CrashingTask> driver = SinkTaskDriver.forTask(() -> task).start(P0);

        assertThatThrownBy(() -> driver.putValues(P0, null, "x"))
                .as("a failure of a whole batch fails the task, as on a worker")
                .hasMessageContaining("failed to put 1 records")
                .hasRootCauseMessage("Disk full");
        assertThat(driver.isRunning()).isFalse();
        assertThat(driver.retriableFailures()).isZero();
        assertThat(task.calls).containsExactly("put", "close [numbers-0]", "stop");
        assertThatThrownBy(driver::commit)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("restart()");
    }

    @Test
    void aRestartAfterAFailureGivesTheNewInstanceTheSameAssignment() {
        AtomicBoolean failedOnce = new AtomicBoolean();
        try (SinkTaskDriver<FailsOnceTask> driver =
                SinkTaskDriver.forTask(() -> new FailsOnceTask(failedOnce)).start(P0, P1)) {
            assertThatThrownBy(() -> driver.putValues(P1, null, "x")).hasRootCauseMessage("Disk full");

            driver.restart();

            assertThat(driver.assignment()).containsExactly(P0, P1);
            assertThat(driver.task().opened).containsExactly(List.of(P0, P1));
        }
    }

    @Test
    void recordsForUnassignedPartitionsAreRefused() {
        try (SinkTaskDriver<NumberTableSinkTask> driver = builder().start(P0)) {
            SinkRecord stray = SinkRecord.builder()
                    .topic("numbers")
                    .partition(1)
                    .kafkaOffset(0)
                    .build();

            assertThatThrownBy(() -> driver.put(stray))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("numbers-1: it is not assigned to the task");
            assertThatThrownBy(() -> driver.putValues(P2, null, 1L))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("numbers-2: it is not assigned");
            assertThat(driver.task().calls()).doesNotContain("put 1");
        }
    }

    @Test
    void stopClosesAssignedPartitionsThenStopsTheTask() {
        SinkTaskDriver<NumberTableSinkTask> driver = builder().start(P0, P1);
        driver.putValues(P0, Schema.INT64_SCHEMA, 1L);

        driver.stop();
        driver.close();

        assertThat(driver.task().calls())
                .endsWith("put 1", "preCommit {numbers-0=1, numbers-1=0}", "close [numbers-0, numbers-1]", "stop");
        assertThat(driver.committedOffsets())
                .as("stopping commits what preCommit allows, as a worker does")
                .containsEntry(P0, 1L);
        assertThat(driver.isRunning()).isFalse();
    }

    @Test
    void contextGivesTheTaskItsConfigTaskIdAndAssignment() {
        PreCommitOnlyTask task = new PreCommitOnlyTask(Map.of());
        TaskId taskId = new TaskId("numbers-sink", 2);
        try (SinkTaskDriver<PreCommitOnlyTask> driver = SinkTaskDriver.forTask(() -> task)
                .config(Map.of("table", "t"))
                .connectorSetting("errors.tolerance", "all")
                .taskId(taskId)
                .start(P0)) {
            SinkTaskContext context = task.context;

            assertThat(context.taskId()).isEqualTo(taskId);
            assertThat(context.config()).containsExactly(Map.entry("table", "t"));
            assertThat(context.assignment()).containsExactly(P0);
            assertThatThrownBy(() -> context.assignment().add(P1)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> context.pause(P1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(
                            "can only pause or resume its assigned partitions [numbers-0], not [numbers-1]");
            assertThat(context.errantRecordReporter()
                            .report(driver.putValues(P0, null, 1L).get(0), new Exception()))
                    .isDone();
        }
    }

    private SinkTaskDriver.Builder<NumberTableSinkTask> builder() {
        return builder(Map.of());
    }

    private SinkTaskDriver.Builder<NumberTableSinkTask> builder(Map<String, String> settings) {
        Map<String, String> config = new HashMap<>(settings);
        config.put(NumberTableSinkTask.TABLE, table.name());
        return SinkTaskDriver.forTask(NumberTableSinkTask::new).config(config).clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Fails its first put that has records, across instances; the instances after it take everything. */
    private static final class FailsOnceTask implements SinkTask {
        private final AtomicBoolean failedOnce;
        final List<List<TopicPartition>> opened = new ArrayList<>();

        FailsOnceTask(AtomicBoolean failedOnce) {
            this.failedOnce = failedOnce;
        }

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(SinkTaskContext context) {}

        @Override
        public void open(Collection<TopicPartition> partitions) {
            opened.add(List.copyOf(partitions));
        }

        @Override
        public void put(Collection<SinkRecord> records) {
            if (!records.isEmpty() && failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("Disk full");
            }
        }

        @Override
        public void stop() {}
    }

    /** Keeps its context and returns fixed offsets from preCommit. */
    private static class PreCommitOnlyTask implements SinkTask {
        private final Map<TopicPartition, Long> offsets;
        SinkTaskContext context;

        PreCommitOnlyTask(Map<TopicPartition, Long> offsets) {
            this.offsets = offsets;
        }

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(SinkTaskContext taskContext) {
            context = taskContext;
        }

        @Override
        public void put(Collection<SinkRecord> records) {}

        @Override
        public Map<TopicPartition, Long> preCommit(Map<TopicPartition, Long> currentOffsets) {
            return offsets;
        }

        @Override
        public void stop() {}
    }

    /** A sink whose disk is full. */
    private static final class CrashingTask implements SinkTask {
        final List<String> calls = new ArrayList<>();

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(SinkTaskContext context) {}

        @Override
        public void put(Collection<SinkRecord> records) {
            if (records.isEmpty()) {
                return;
            }
            calls.add("put");
            throw new IllegalStateException("Disk full");
        }

        @Override
        public void close(Collection<TopicPartition> partitions) {
            calls.add("close " + partitions);
        }

        @Override
        public void stop() {
            calls.add("stop");
        }
    }

    /** A sink whose database never becomes writable. */
    private static final class AlwaysRetriableTask implements SinkTask {
        int puts;
        boolean stopped;

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(SinkTaskContext context) {}

        @Override
        public void put(Collection<SinkRecord> records) {
            if (records.isEmpty()) {
                return;
            }
            puts++;
            throw new RetriableException("Database is read-only");
        }

        @Override
        public void stop() {
            stopped = true;
        }
    }
}
