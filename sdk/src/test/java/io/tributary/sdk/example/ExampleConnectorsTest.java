package io.tributary.sdk.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.sink.ErrantRecordReporter;
import io.tributary.sdk.sink.SinkConnectorContext;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTaskContext;
import io.tributary.sdk.source.OffsetStorageReader;
import io.tributary.sdk.source.SourceConnectorContext;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTaskContext;
import io.tributary.sdk.source.TransactionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Drives the example connectors through the SDK's contracts by hand, the way a runtime would, with
 * the smallest contexts that do the job.
 */
class ExampleConnectorsTest {

    @Test
    void countingSourceResumesFromTheLastCommittedOffset() {
        CountingSourceConnector connector = new CountingSourceConnector();
        connector.start(sourceConnectorContext(Map.of("topic", "numbers", "batch.size", "3")));
        Map<String, String> taskConfig = connector.taskConfigs(4).get(0);
        Map<Map<String, ?>, Map<String, Object>> committed = new HashMap<>();

        CountingSourceTask first = new CountingSourceTask();
        first.start(sourceTaskContext(taskConfig, committed));
        List<SourceRecord> batch = first.poll();
        commit(batch.get(1), committed); // only the first two were acknowledged before the crash
        first.stop();

        CountingSourceTask second = new CountingSourceTask();
        second.start(sourceTaskContext(taskConfig, committed));
        List<SourceRecord> resumed = second.poll();

        assertThat(connector.taskConfigs(4)).hasSize(1);
        assertThat(batch).extracting(SourceRecord::value).containsExactly(0L, 1L, 2L);
        assertThat(batch).extracting(SourceRecord::topic).containsOnly("numbers");
        assertThat(resumed).extracting(SourceRecord::value).containsExactly(2L, 3L, 4L);
    }

    @Test
    void aTaskReadsItsSettingsTypedAndFailsOnABadOneWithItsName() {
        CountingSourceTask task = new CountingSourceTask();
        Map<String, String> settings = Map.of("topic", "numbers", "batch.size", "many");

        assertThatThrownBy(() -> task.start(sourceTaskContext(settings, new HashMap<>())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("batch.size");
        assertThat(sourceTaskContext(Map.of("topic", "numbers"), Map.of())
                        .config(CountingSourceConnector.CONFIG)
                        .getInt("batch.size"))
                .isEqualTo(10);
    }

    @Test
    void collectingSinkReportsBadRecordsAndKeepsTheirNeighbours() {
        CollectingSinkConnector connector = new CollectingSinkConnector();
        connector.start(sinkConnectorContext(Map.of("topics", "numbers", "collection", "neighbours")));
        List<Map<String, String>> taskConfigs = connector.taskConfigs(2);
        List<SinkRecord> reported = new ArrayList<>();

        CollectingSinkTask task = new CollectingSinkTask();
        task.start(sinkTaskContext(taskConfigs.get(0), (record, error) -> {
            reported.add(record);
            return CompletableFuture.completedFuture(null);
        }));
        task.put(List.of(sinkRecord(0, 10L), sinkRecord(1, "ten"), sinkRecord(2, 12L)));
        Map<TopicPartition, Long> committable = task.preCommit(Map.of(new TopicPartition("numbers", 0), 3L));

        assertThat(taskConfigs).hasSize(2);
        assertThat(CollectingSinkTask.collected("neighbours")).containsExactly(10L, 12L);
        assertThat(reported).extracting(SinkRecord::kafkaOffset).containsExactly(1L);
        assertThat(committable).containsEntry(new TopicPartition("numbers", 0), 3L);
    }

    private static void commit(SourceRecord record, Map<Map<String, ?>, Map<String, Object>> committed) {
        committed.put(record.sourcePartition(), new HashMap<>(record.sourceOffset()));
    }

    private static SinkRecord sinkRecord(long offset, Object value) {
        return SinkRecord.builder()
                .topic("numbers")
                .partition(0)
                .kafkaOffset(offset)
                .value(null, value)
                .build();
    }

    private static SourceConnectorContext sourceConnectorContext(Map<String, String> settings) {
        ParsedConfig config = CountingSourceConnector.CONFIG.parse(settings);
        return new SourceConnectorContext() {
            @Override
            public OffsetStorageReader offsetReader() {
                return reader(Map.of());
            }

            @Override
            public String connectorName() {
                return "counting";
            }

            @Override
            public ParsedConfig config() {
                return config;
            }

            @Override
            public void requestTaskReconfiguration() {}

            @Override
            public void raiseError(Exception error) {
                throw new AssertionError(error);
            }
        };
    }

    private static SinkConnectorContext sinkConnectorContext(Map<String, String> settings) {
        ParsedConfig config = CollectingSinkConnector.CONFIG.parse(settings);
        return new SinkConnectorContext() {
            @Override
            public String connectorName() {
                return "collecting";
            }

            @Override
            public ParsedConfig config() {
                return config;
            }

            @Override
            public void requestTaskReconfiguration() {}

            @Override
            public void raiseError(Exception error) {
                throw new AssertionError(error);
            }
        };
    }

    private static SourceTaskContext sourceTaskContext(
            Map<String, String> config, Map<Map<String, ?>, Map<String, Object>> committed) {
        return new SourceTaskContext() {
            @Override
            public OffsetStorageReader offsetReader() {
                return reader(committed);
            }

            @Override
            public Optional<TransactionContext> transactionContext() {
                return Optional.empty();
            }

            @Override
            public TaskId taskId() {
                return new TaskId("counting", 0);
            }

            @Override
            public Map<String, String> config() {
                return config;
            }
        };
    }

    private static SinkTaskContext sinkTaskContext(Map<String, String> config, ErrantRecordReporter reporter) {
        return new SinkTaskContext() {
            @Override
            public void offsets(Map<TopicPartition, Long> offsets) {}

            @Override
            public void timeout(Duration backoff) {}

            @Override
            public Set<TopicPartition> assignment() {
                return Set.of(new TopicPartition("numbers", 0));
            }

            @Override
            public void pause(TopicPartition... partitions) {}

            @Override
            public void resume(TopicPartition... partitions) {}

            @Override
            public void requestCommit() {}

            @Override
            public ErrantRecordReporter errantRecordReporter() {
                return reporter;
            }

            @Override
            public TaskId taskId() {
                return new TaskId("collecting", 0);
            }

            @Override
            public Map<String, String> config() {
                return config;
            }
        };
    }

    private static OffsetStorageReader reader(Map<Map<String, ?>, Map<String, Object>> committed) {
        return new OffsetStorageReader() {
            @Override
            public <T> Map<String, Object> offset(Map<String, T> partition) {
                return committed.get(partition);
            }

            @Override
            public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                Map<Map<String, T>, Map<String, Object>> found = new HashMap<>();
                partitions.forEach(p -> Optional.ofNullable(committed.get(p)).ifPresent(o -> found.put(p, o)));
                return found;
            }
        };
    }
}
