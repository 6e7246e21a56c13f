package io.tributary.testkit.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.errors.RetriableException;
import io.tributary.sdk.source.RecordMetadata;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceTaskDriverTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void restartResumesRightAfterTheLastCommittedRecord() {
        LinesSourceTask.Lines lines = LinesSourceTask.register("a", "b", "c", "d", "e", "f", "g");
        try (SourceTaskDriver<LinesSourceTask> driver = start(lines)) {
            assertThat(values(driver.poll())).containsExactly("a", "b");
            driver.commit();
            assertThat(values(driver.poll())).containsExactly("c", "d");
            LinesSourceTask first = driver.task();

            driver.restart();
            List<SourceRecord> resumed = driver.pollUntil(5, 10);
            driver.commit();

            assertThat(first.stopped()).isTrue();
            assertThat(driver.task()).isNotSameAs(first);
            assertThat(values(resumed)).containsExactly("c", "d", "e", "f", "g");
            assertThat(values(driver.allPolled())).containsExactly("a", "b", "c", "d", "c", "d", "e", "f", "g");
            assertThat(driver.committedOffset(LinesSourceTask.partitionOf(lines)))
                    .isEqualTo(Map.of(LinesSourceTask.POSITION, 6L));
        }
    }

    @Test
    void restartDiscardsRecordsStillInFlight() {
        LinesSourceTask.Lines lines = LinesSourceTask.register("a", "b", "c");
        try (SourceTaskDriver<LinesSourceTask> driver = start(lines)) {
            driver.poll();

            assertThat(values(driver.inFlight())).containsExactly("a", "b");
            driver.restart();

            assertThat(driver.inFlight()).isEmpty();
            assertThat(driver.committedOffsets()).isEmpty();
            assertThat(values(driver.poll())).containsExactly("a", "b");
        }
    }

    @Test
    void commitAcknowledgesRecordsInPollOrderWithIncreasingKafkaOffsets() {
        LinesSourceTask.Lines lines = LinesSourceTask.register("a", "b", "c");
        try (SourceTaskDriver<LinesSourceTask> driver = start(lines)) {
            driver.poll();
            driver.poll();
            driver.commit();

            TopicPartition written = new TopicPartition("lines", 0);
            long now = NOW.toEpochMilli();
            assertThat(driver.task().acknowledged())
                    .containsExactly(
                            new RecordMetadata(written, 0, now),
                            new RecordMetadata(written, 1, now),
                            new RecordMetadata(written, 2, now));
            assertThat(driver.task().acknowledgedLines()).containsExactly("a", "b", "c");
            assertThat(driver.task().commits()).isEqualTo(1);
            assertThat(driver.inFlight()).isEmpty();
        }
    }

    @Test
    void kafkaOffsetsKeepIncreasingAcrossRestartsPerTopicPartition() {
        List<RecordMetadata> acknowledged = new ArrayList<>();
        try (SourceTaskDriver<ScriptedSourceTask> driver = SourceTaskDriver.forTask(() -> new ScriptedSourceTask(
                        acknowledged,
                        List.of(
                                record("left", 1, null, null),
                                record("right", 1, null, 5L),
                                record("left", 2, null, null))))
                .clock(CLOCK)
                .start()) {
            driver.poll();
            driver.commit();
            driver.restart();
            driver.poll();
            driver.commit();
        }

        long now = NOW.toEpochMilli();
        assertThat(acknowledged)
                .containsExactly(
                        new RecordMetadata(new TopicPartition("left", 0), 0, now),
                        new RecordMetadata(new TopicPartition("right", 1), 0, 5),
                        new RecordMetadata(new TopicPartition("left", 0), 1, now),
                        new RecordMetadata(new TopicPartition("left", 0), 2, now),
                        new RecordMetadata(new TopicPartition("right", 1), 1, 5),
                        new RecordMetadata(new TopicPartition("left", 0), 3, now));
    }

    @Test
    void laterRecordsOfASourcePartitionWinAndRecordsWithoutOffsetsCommitNothing() {
        List<SourceRecord> polled = List.of(
                record("left", 1, Map.of("file", "x"), null),
                record("right", 7, Map.of("file", "y"), null),
                record("left", 2, Map.of("file", "x"), null),
                SourceRecord.builder().topic("no-offset").build());
        try (SourceTaskDriver<ScriptedSourceTask> driver = SourceTaskDriver.forTask(
                        () -> new ScriptedSourceTask(new ArrayList<>(), polled))
                .start()) {
            driver.poll();
            driver.commit();

            assertThat(driver.committedOffsets())
                    .containsOnly(
                            Map.entry(Map.of("file", "x"), Map.of("position", 2L)),
                            Map.entry(Map.of("file", "y"), Map.of("position", 7L)));
            assertThat(driver.committedOffset(Map.of("file", "z"))).isNull();
        }
    }

    @Test
    void failedSendIsNeverCommittedAndIsPolledAgainAfterRestart() {
        LinesSourceTask.Lines lines = LinesSourceTask.register("a", "b", "c", "d", "e", "f");
        try (SourceTaskDriver<LinesSourceTask> driver = start(lines).failSendOnPoll(2)) {
            driver.poll();
            List<SourceRecord> lost = driver.poll();
            driver.poll();
            driver.commit();

            assertThat(driver.unacknowledged()).isEqualTo(lost);
            assertThat(driver.task().acknowledgedLines()).containsExactly("a", "b", "e", "f");
            // e and f were acknowledged, but an offset never skips a record whose send failed
            assertThat(driver.committedOffset(LinesSourceTask.partitionOf(lines)))
                    .isEqualTo(Map.of(LinesSourceTask.POSITION, 1L));

            driver.restart();

            assertThat(values(driver.pollUntil(4, 4))).containsExactly("c", "d", "e", "f");
            assertThat(driver.pollCount()).isEqualTo(5);
        }
    }

    @Test
    void retriablePollFailuresAreCountedAndThePollAfterwardsProceeds() {
        LinesSourceTask.Lines lines = LinesSourceTask.register("a", "b", "c", "d");
        lines.failNextPolls(1);
        try (SourceTaskDriver<LinesSourceTask> driver =
                start(lines).failPoll(3, new RetriableException("Kafka is unreachable"))) {
            assertThat(driver.poll()).isEmpty();
            assertThat(values(driver.poll())).containsExactly("a", "b");
            assertThat(driver.poll()).isEmpty();
            assertThat(values(driver.poll())).containsExactly("c", "d");

            assertThat(driver.retriableFailures()).isEqualTo(2);
            assertThat(driver.pollCount()).isEqualTo(4);
            assertThat(driver.task().polls())
                    .as("the injected failure does not reach the task")
                    .isEqualTo(3);
            assertThat(driver.isRunning()).isTrue();
        }
    }

    @Test
    void fatalPollFailureStopsTheTaskAndPropagates() {
        LinesSourceTask.Lines lines = LinesSourceTask.register("a", "b");
        IllegalStateException failure = new IllegalStateException("The producer was fenced");
        try (SourceTaskDriver<LinesSourceTask> driver = start(lines).failPoll(1, failure)) {
            assertThatThrownBy(driver::poll).isSameAs(failure);

            assertThat(driver.isRunning()).isFalse();
            assertThat(driver.task().stopped()).isTrue();
            assertThat(driver.retriableFailures()).isZero();
            assertThatThrownBy(driver::poll)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("task is stopped")
                    .hasMessageContaining("restart()");

            assertThat(values(driver.restart().poll())).containsExactly("a", "b");
        }
    }

    @Test
    void pollUntilFailsWithTheRecordsItSaw() {
        LinesSourceTask.Lines lines = LinesSourceTask.register("only", "two");
        try (SourceTaskDriver<LinesSourceTask> driver = start(lines)) {
            assertThatThrownBy(() -> driver.pollUntil(3, 4))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Expected at least 3 records within 4 polls but was 2: [SourceRecord{")
                    .hasMessageContaining("value=only")
                    .hasMessageContaining("value=two");
            assertThat(driver.pollCount()).isEqualTo(4);
        }
    }

    @Test
    void taskResumesFromOffsetsCommittedBeforeTheDriverStarted() {
        LinesSourceTask.Lines lines = LinesSourceTask.register("a", "b", "c", "d", "e");
        try (SourceTaskDriver<LinesSourceTask> driver = SourceTaskDriver.forTask(LinesSourceTask::new)
                .config(Map.of(LinesSourceTask.LINES, lines.name()))
                .committedOffset(LinesSourceTask.partitionOf(lines), Map.of(LinesSourceTask.POSITION, 2L))
                .start()) {
            assertThat(values(driver.poll())).containsExactly("d", "e");
        }
    }

    @Test
    void contextGivesTheTaskItsConfigAndTaskIdButNoTransactions() {
        LinesSourceTask.Lines lines = LinesSourceTask.register("a");
        TaskId taskId = new TaskId("lines-connector", 3);
        try (SourceTaskDriver<LinesSourceTask> driver = SourceTaskDriver.forTask(LinesSourceTask::new)
                .config(Map.of(LinesSourceTask.LINES, lines.name()))
                .taskId(taskId)
                .start()) {
            SourceTaskContext context = driver.task().context();

            assertThat(context.taskId()).isEqualTo(taskId);
            assertThat(context.config()).containsExactly(Map.entry(LinesSourceTask.LINES, lines.name()));
            assertThat(context.transactionContext()).isEmpty();
            assertThatThrownBy(() -> context.config().put("extra", "value"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void factoryThatReturnsTheSameInstanceIsRefusedOnRestart() {
        LinesSourceTask.Lines lines = LinesSourceTask.register("a");
        LinesSourceTask single = new LinesSourceTask();
        try (SourceTaskDriver<LinesSourceTask> driver = SourceTaskDriver.forTask(() -> single)
                .config(Map.of(LinesSourceTask.LINES, lines.name()))
                .start()) {
            assertThatThrownBy(driver::restart)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Expected the task factory to return a new instance");
        }
    }

    @Test
    void failuresCannotBeInjectedIntoPollsThatHappened() {
        LinesSourceTask.Lines lines = LinesSourceTask.register("a");
        try (SourceTaskDriver<LinesSourceTask> driver = start(lines)) {
            driver.poll();

            assertThatThrownBy(() -> driver.failSendOnPoll(1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Poll 1 has already happened");
            assertThatThrownBy(() -> driver.failPoll(0, new RuntimeException()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'poll' must be 1 or more, got 0");
        }
    }

    @Test
    void closeStopsTheTaskOnce() {
        LinesSourceTask.Lines lines = LinesSourceTask.register("a");
        SourceTaskDriver<LinesSourceTask> driver = start(lines);

        driver.close();
        driver.close();

        assertThat(driver.isRunning()).isFalse();
        assertThat(driver.task().stopped()).isTrue();
        assertThatThrownBy(driver::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailedSendFailsTheTaskAtItsNextPollAsOnAWorker() {
        LinesSourceTask.Lines lines = LinesSourceTask.register("a", "b", "c", "d");
        try (SourceTaskDriver<LinesSourceTask> driver = start(lines).failSendOnPoll(1)) {
            driver.poll();
            driver.commit();

            assertThatThrownBy(driver::poll)
                    .hasMessageContaining("Kafka did not accept a record")
                    .hasMessageContaining("errors.tolerance=all");
            assertThat(driver.isRunning()).isFalse();
            assertThat(driver.task().stopped()).isTrue();
            assertThat(driver.committedOffsets()).isEmpty();
        }
    }

    @Test
    void withToleranceAllAFailedSendIsSkippedAndItsOffsetCommitted() {
        LinesSourceTask.Lines lines = LinesSourceTask.register("a", "b", "c", "d");
        try (SourceTaskDriver<LinesSourceTask> driver = SourceTaskDriver.forTask(LinesSourceTask::new)
                .config(Map.of(LinesSourceTask.LINES, lines.name(), LinesSourceTask.BATCH_SIZE, "2"))
                .connectorSetting("errors.tolerance", "all")
                .start()
                .failSendOnPoll(1)) {
            driver.poll();
            driver.commit();
            driver.poll();
            driver.commit();

            assertThat(driver.isRunning()).isTrue();
            assertThat(driver.committedOffset(LinesSourceTask.partitionOf(lines)))
                    .isEqualTo(Map.of(LinesSourceTask.POSITION, 3L));
        }
    }

    @Test
    void offsetsWrittenAsIntegersReadBackAsLongsAfterARestartAsOnAWorker() {
        List<Map<String, Object>> seenAfterRestart = new ArrayList<>();
        SourceRecord record = SourceRecord.builder()
                .topic("shards")
                .sourcePartition(Map.of("shard", 1))
                .sourceOffset(Map.of("position", 41))
                .build();
        try (SourceTaskDriver<?> driver = SourceTaskDriver.forTask(() ->
                        new ScriptedSourceTask(new ArrayList<>(), List.of(record)) {
                            @Override
                            public void start(SourceTaskContext context) {
                                Map<String, Object> offset =
                                        context.offsetReader().offset(Map.of("shard", 1));
                                if (offset != null) {
                                    seenAfterRestart.add(offset);
                                }
                            }
                        })
                .start()) {
            driver.poll();
            driver.commit();
            driver.restart();
        }

        assertThat(seenAfterRestart).containsExactly(Map.of("position", 41L));
    }

    @Test
    void aValueThatDoesNotMatchItsSchemaFailsTheTaskAsTheConverterOnAWorkerWould() {
        SourceRecord bad = SourceRecord.builder()
                .topic("numbers")
                .value(io.tributary.sdk.data.Schema.INT64_SCHEMA, "not a number")
                .build();
        try (SourceTaskDriver<ScriptedSourceTask> driver = SourceTaskDriver.forTask(
                        () -> new ScriptedSourceTask(new ArrayList<>(), List.of(bad)))
                .start()) {
            assertThatThrownBy(driver::poll).hasMessageContaining("VALUE_CONVERTER");
            assertThat(driver.isRunning()).isFalse();
        }
    }

    @Test
    void aTaskReturningNullFromPollFailsTheTestNamingTheContract() {
        try (SourceTaskDriver<ScriptedSourceTask> driver = SourceTaskDriver.forTask(
                        () -> new ScriptedSourceTask(new ArrayList<>(), null))
                .start()) {
            assertThatThrownBy(driver::poll)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("never null, but was null in poll 1");
            assertThat(driver.isRunning()).isFalse();
        }
    }

    private static SourceTaskDriver<LinesSourceTask> start(LinesSourceTask.Lines lines) {
        return SourceTaskDriver.forTask(LinesSourceTask::new)
                .config(Map.of(LinesSourceTask.LINES, lines.name(), LinesSourceTask.BATCH_SIZE, "2"))
                .clock(CLOCK)
                .start();
    }

    private static List<Object> values(List<SourceRecord> records) {
        return records.stream().map(SourceRecord::value).toList();
    }

    private static SourceRecord record(String topic, int position, Map<String, ?> partition, Long timestamp) {
        SourceRecord.Builder builder =
                SourceRecord.builder().topic(topic).value(null, position).timestamp(timestamp);
        if (partition != null) {
            builder.sourcePartition(partition).sourceOffset(Map.of("position", position));
        }
        if (topic.equals("right")) {
            builder.partition(1);
        }
        return builder.build();
    }

    /** Returns the same records from every poll and reports what was acknowledged to a shared list. */
    private static class ScriptedSourceTask implements SourceTask {
        private final List<RecordMetadata> acknowledged;
        private final List<SourceRecord> records;

        ScriptedSourceTask(List<RecordMetadata> acknowledged, List<SourceRecord> records) {
            this.acknowledged = acknowledged;
            this.records = records;
        }

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(SourceTaskContext context) {}

        @Override
        public List<SourceRecord> poll() {
            return records;
        }

        @Override
        public void commitRecord(SourceRecord record, RecordMetadata metadata) {
            acknowledged.add(metadata);
        }

        @Override
        public void stop() {}
    }
}
