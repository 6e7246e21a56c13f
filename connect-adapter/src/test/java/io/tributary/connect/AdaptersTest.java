package io.tributary.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.connector.TaskId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.apache.kafka.connect.source.SourceConnectorContext;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;

/**
 * The adapters as Kafka Connect's worker drives them, with hand-made Connect contexts: lifecycles, the settings
 * and ids tasks get, records both ways, offsets, the errant record reporter, and errors.
 */
class AdaptersTest {
    /** The Connect class the packaging plugin would generate for {@link SdkPlugins.Numbers}. */
    public static final class Numbers extends TributarySourceConnector {
        public Numbers() {
            super(new SdkPlugins.Numbers());
        }
    }

    /** Offsets as Connect's worker keeps them. */
    private static final class Offsets implements OffsetStorageReader {
        final Map<Map<String, ?>, Map<String, Object>> stored = new HashMap<>();

        @Override
        @SuppressWarnings("unchecked")
        public <T> Map<String, Object> offset(Map<String, T> partition) {
            return stored.get(partition);
        }

        @Override
        public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
            Map<Map<String, T>, Map<String, Object>> found = new HashMap<>();
            partitions.forEach(p -> found.put(p, stored.get(p)));
            return found;
        }
    }

    private static SourceConnectorContext connectorContext(Offsets offsets, List<Exception> raised) {
        return new SourceConnectorContext() {
            @Override
            public OffsetStorageReader offsetStorageReader() {
                return offsets;
            }

            @Override
            public void requestTaskReconfiguration() {}

            @Override
            public void raiseError(Exception e) {
                raised.add(e);
            }

            @Override
            public PluginMetrics pluginMetrics() {
                return null;
            }
        };
    }

    private static SourceTaskContext taskContext(Map<String, String> configs, Offsets offsets) {
        return new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return configs;
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return offsets;
            }

            @Override
            public PluginMetrics pluginMetrics() {
                return null;
            }
        };
    }

    private static List<Map<String, String>> tasksOf(Numbers connector, Map<String, String> settings, int max) {
        connector.initialize(connectorContext(new Offsets(), new ArrayList<>()));
        connector.start(settings);
        return connector.taskConfigs(max);
    }

    @Test
    void aSourceConnectorStartsWithItsNameAndSettingsAndTellsEachTaskItsId() {
        Numbers connector = new Numbers();

        List<Map<String, String>> tasks =
                tasksOf(connector, Map.of("name", "orders", "topic", "t", "tasks.max", "2"), 2);

        assertThat(connector.version()).isEqualTo("7.0");
        assertThat(connector.config().names()).containsExactlyInAnyOrder("topic", "fail");
        assertThat(tasks).hasSize(2);
        assertThat(tasks.get(1))
                .containsEntry("topic", "t")
                .containsEntry("shard", "1")
                .containsEntry(TaskSettings.CONNECTOR, "orders")
                .containsEntry(TaskSettings.TASK, "1")
                .containsEntry(TaskSettings.TASK_CLASS, SdkPlugins.NumbersTask.class.getName());
        assertThat(connector.taskClass())
                .as("no Connect class was generated for the task: the general adapter runs it")
                .isEqualTo(TributarySourceTask.class);
    }

    @Test
    void theGeneralTaskAdapterRunsTheSdkTaskAndGivesItsOwnRecordsBack() throws InterruptedException {
        Map<String, String> settings = tasksOf(new Numbers(), Map.of("name", "orders", "topic", "t"), 2)
                .get(1);
        Offsets offsets = new Offsets();
        offsets.stored.put(Map.of("shard", "1"), Map.of("next", 41L));
        TributarySourceTask task = new TributarySourceTask();
        task.initialize(taskContext(settings, offsets));

        task.start(settings);
        List<SourceRecord> polled = task.poll();

        SdkPlugins.NumbersTask sdk = (SdkPlugins.NumbersTask) sdkTask(task);
        assertThat(sdk.context.taskId()).isEqualTo(new TaskId("orders", 1));
        assertThat(sdk.context.config())
                .as("the SDK task sees its own settings, not what the adapters added")
                .containsOnlyKeys("topic", "shard");
        assertThat(task.version()).isEqualTo("7.0");
        assertThat(polled).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("t");
            assertThat(record.value()).isEqualTo(41L);
            assertThat(record.valueSchema()).isEqualTo(Schema.INT64_SCHEMA);
            assertThat(record.sourceOffset()).isEqualTo(Map.of("next", 42L));
        });

        task.commitRecord(polled.get(0), new RecordMetadata(new TopicPartition("t", 0), 7, 0, 1000L, 1, 1));
        task.commitRecord(polled.get(0), null);

        assertThat(sdk.committed).hasSize(2);
        assertThat(sdk.committed.get(0))
                .as("the very record the SDK task polled")
                .isSameAs(sdk.committed.get(1));
        assertThat(sdk.metadata.get(0).offset()).isEqualTo(7);
        assertThat(sdk.metadata.get(1))
                .as("a record Connect filtered out was never sent")
                .isNull();
    }

    private static Object sdkTask(TributarySourceTask adapter) {
        try {
            java.lang.reflect.Field field = TributarySourceTask.class.getDeclaredField("task");
            field.setAccessible(true);
            return field.get(adapter);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sdkErrorsComeOutAsConnectsSoConnectsWorkerTreatsThemAlike() {
        Numbers connector = new Numbers();
        connector.initialize(connectorContext(new Offsets(), new ArrayList<>()));
        assertThatThrownBy(() -> connector.start(Map.of("name", "orders", "topic", "t", "fail", "true")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("the test asked the connector to fail");

        Map<String, String> settings =
                new LinkedHashMap<>(tasksOf(new Numbers(), Map.of("name", "orders", "topic", "t"), 1)
                        .get(0));
        settings.put("retry", "yes");
        TributarySourceTask task = new TributarySourceTask();
        task.initialize(taskContext(settings, new Offsets()));
        task.start(settings);
        assertThatThrownBy(task::poll).isInstanceOf(RetriableException.class).hasMessage("the test asked for a retry");

        Map<String, String> unknown = new LinkedHashMap<>(settings);
        unknown.put(TaskSettings.TASK_CLASS, "com.example.NoSuchTask");
        TributarySourceTask lost = new TributarySourceTask();
        lost.initialize(taskContext(unknown, new Offsets()));
        assertThatThrownBy(() -> lost.start(unknown))
                .isInstanceOf(org.apache.kafka.connect.errors.ConnectException.class)
                .hasMessageContaining("com.example.NoSuchTask");
    }

    /** What a sink task asked of Connect's worker. */
    private static class SinkContext implements SinkTaskContext {
        final Map<String, String> configs;
        final List<SinkRecord> reported = new ArrayList<>();
        final List<TopicPartition> paused = new ArrayList<>();
        final Map<TopicPartition, Long> rewound = new LinkedHashMap<>();

        SinkContext(Map<String, String> configs) {
            this.configs = configs;
        }

        @Override
        public Map<String, String> configs() {
            return configs;
        }

        @Override
        public void offset(Map<TopicPartition, Long> offsets) {
            rewound.putAll(offsets);
        }

        @Override
        public void offset(TopicPartition partition, long offset) {
            rewound.put(partition, offset);
        }

        @Override
        public void timeout(long timeoutMs) {}

        @Override
        public Set<TopicPartition> assignment() {
            return Set.of(new TopicPartition("in", 0));
        }

        @Override
        public void pause(TopicPartition... partitions) {
            paused.addAll(List.of(partitions));
        }

        @Override
        public void resume(TopicPartition... partitions) {}

        @Override
        public void requestCommit() {}

        @Override
        public ErrantRecordReporter errantRecordReporter() {
            return (record, error) -> {
                reported.add(record);
                return CompletableFuture.completedFuture(null);
            };
        }

        @Override
        public PluginMetrics pluginMetrics() {
            return null;
        }
    }

    @Test
    void aSinkTaskGetsRecordsOffsetsAndPartitionsAndReportsErrantRecordsAsConnectDeliveredThem() {
        Map<String, String> settings = Map.of(
                "topics",
                "in",
                TaskSettings.TASK_CLASS,
                SdkPlugins.Keeping.class.getName(),
                TaskSettings.CONNECTOR,
                "keep",
                TaskSettings.TASK,
                "0");
        SinkContext context = new SinkContext(settings);
        TributarySinkTask task = new TributarySinkTask();
        task.initialize(context);
        task.start(settings);
        TopicPartition in = new TopicPartition("in", 0);
        task.open(List.of(in));
        SinkRecord good =
                new SinkRecord("in", 0, null, null, Schema.STRING_SCHEMA, "good", 10, 5L, TimestampType.CREATE_TIME);
        SinkRecord bad =
                new SinkRecord("in", 0, null, null, Schema.STRING_SCHEMA, "bad", 11, 6L, TimestampType.CREATE_TIME);

        task.put(List.of(good, bad));
        Map<TopicPartition, OffsetAndMetadata> committable = task.preCommit(Map.of(in, new OffsetAndMetadata(12)));

        SdkPlugins.Keeping sdk = keeping(task);
        assertThat(sdk.opened).containsExactly(new io.tributary.sdk.connector.TopicPartition("in", 0));
        assertThat(sdk.records).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo("good");
            assertThat(record.kafkaOffset()).isEqualTo(10);
            assertThat(record.timestamp()).isEqualTo(5L);
        });
        assertThat(context.reported)
                .as("the record Connect delivered, not a copy")
                .containsExactly(bad);
        assertThat(context.reported.get(0)).isSameAs(bad);
        assertThat(committable).isEqualTo(Map.of(in, new OffsetAndMetadata(11)));
        assertThat(sdk.context.assignment()).containsExactly(new io.tributary.sdk.connector.TopicPartition("in", 0));
        sdk.context.pause(new io.tributary.sdk.connector.TopicPartition("in", 0));
        sdk.context.offset(new io.tributary.sdk.connector.TopicPartition("in", 0), 3);
        assertThat(context.paused).containsExactly(in);
        assertThat(context.rewound).isEqualTo(Map.of(in, 3L));
    }

    @Test
    void withoutConnectsReporterAnErrantRecordFailsTheTaskAsWithToleranceNone() {
        Map<String, String> settings = Map.of(TaskSettings.TASK_CLASS, SdkPlugins.Keeping.class.getName());
        TributarySinkTask task = new TributarySinkTask();
        task.initialize(new SinkContext(settings) {
            @Override
            public ErrantRecordReporter errantRecordReporter() {
                return null;
            }
        });
        task.start(settings);
        SinkRecord bad = new SinkRecord("in", 0, null, null, Schema.STRING_SCHEMA, "bad", 11);

        assertThatThrownBy(() -> task.put(List.of(bad)))
                .isInstanceOf(org.apache.kafka.connect.errors.ConnectException.class)
                .hasMessageContaining("in-0 at offset 11")
                .hasMessageContaining("errors.tolerance is none")
                .hasRootCauseMessage("bad value");
    }

    @Test
    void withoutConnectsReporterAnErrantRecordIsSkippedWhenTheConnectorToleratesAll() {
        Map<String, String> settings =
                Map.of(TaskSettings.TASK_CLASS, SdkPlugins.Keeping.class.getName(), TaskSettings.TOLERANCE, "all");
        TributarySinkTask task = new TributarySinkTask();
        task.initialize(new SinkContext(settings) {
            @Override
            public ErrantRecordReporter errantRecordReporter() {
                return null;
            }
        });
        task.start(settings);

        task.put(List.of(
                new SinkRecord("in", 0, null, null, Schema.STRING_SCHEMA, "bad", 11),
                new SinkRecord("in", 0, null, null, Schema.STRING_SCHEMA, "good", 12)));

        assertThat(keeping(task).records).extracting(r -> r.value()).containsExactly("good");
    }

    @Test
    void aRecordReportedAfterLaterBatchesIsStillReportedAsConnectDeliveredIt() {
        Map<String, String> settings = Map.of(TaskSettings.TASK_CLASS, SdkPlugins.Keeping.class.getName(), "lag", "0");
        SinkContext context = new SinkContext(settings);
        TributarySinkTask task = new TributarySinkTask();
        task.initialize(context);
        task.start(settings);
        TopicPartition in = new TopicPartition("in", 0);
        SinkRecord first = new SinkRecord("in", 0, null, null, Schema.STRING_SCHEMA, "first", 20);
        task.put(List.of(first));
        task.put(List.of());
        task.put(List.of(new SinkRecord("in", 0, null, null, Schema.STRING_SCHEMA, "second", 21)));
        SdkPlugins.Keeping sdk = keeping(task);

        sdk.context.errantRecordReporter().report(sdk.records.get(0), new IllegalStateException("late"));

        assertThat(context.reported).singleElement().isSameAs(first);
        OffsetAndMetadata given = new OffsetAndMetadata(22, "kept by Connect");
        assertThat(task.preCommit(Map.of(in, given)).get(in))
                .as("the offset Connect gave, unchanged, with its metadata")
                .isSameAs(given);
    }

    @Test
    void aConnectorPausedAndResumedIsANewSdkConnector() {
        Numbers connector = new Numbers();
        connector.initialize(connectorContext(new Offsets(), new ArrayList<>()));
        connector.start(Map.of("name", "orders", "topic", "t"));
        Object first = connectorOf(connector);

        // Connect pauses a connector by stopping it, and resumes it by starting the same instance again.
        connector.stop();
        connector.start(Map.of("name", "orders", "topic", "u"));

        assertThat(connectorOf(connector)).isNotSameAs(first);
        assertThat(connector.taskConfigs(1).get(0)).containsEntry("topic", "u");
    }

    private static SdkPlugins.Keeping keeping(TributarySinkTask adapter) {
        try {
            java.lang.reflect.Field field = TributarySinkTask.class.getDeclaredField("task");
            field.setAccessible(true);
            return (SdkPlugins.Keeping) field.get(adapter);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The Connect class the packaging plugin would generate for {@link SdkPlugins.Loud}. */
    public static final class Loud<R extends org.apache.kafka.connect.connector.ConnectRecord<R>>
            extends TributaryTransformation<R> {
        public Loud() {
            super(new SdkPlugins.Loud<>());
        }
    }

    @Test
    void aTransformationsResultIsACopyOfConnectsRecordSoWhatConnectKeepsOfItStays() {
        Loud<SinkRecord> loud = new Loud<>();
        loud.configure(Map.of());
        SinkRecord read = new SinkRecord(
                "in", 2, null, null, Schema.STRING_SCHEMA, "quiet", 99, 5L, TimestampType.LOG_APPEND_TIME);

        SinkRecord result = loud.apply(read);

        assertThat(result.topic()).isEqualTo("in-loud");
        assertThat(result.value()).isEqualTo("QUIET");
        assertThat(result.kafkaOffset()).isEqualTo(99);
        assertThat(result.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
        assertThat(result.originalTopic()).isEqualTo("in");
        assertThat(loud.apply(new SinkRecord("in", 2, null, null, Schema.STRING_SCHEMA, "drop", 100)))
                .isNull();
        assertThat(loud.version()).isEqualTo(io.tributary.sdk.plugin.Versioned.UNKNOWN_VERSION);
    }

    /** The Connect class the packaging plugin would generate for {@link SdkPlugins.Utf8}. */
    public static final class Utf8 extends TributaryConverter {
        public Utf8() {
            super(new SdkPlugins.Utf8());
        }
    }

    @Test
    void aConverterIsToldWhetherItConvertsKeysAndConvertsBothWays() {
        Utf8 converter = new Utf8();
        converter.configure(Map.of(), true);

        byte[] bytes = converter.fromConnectData("t", Schema.STRING_SCHEMA, "héllo");
        org.apache.kafka.connect.data.SchemaAndValue back = converter.toConnectData("t", bytes);

        assertThat(back.value()).isEqualTo("héllo");
        assertThat(back.schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        try {
            java.lang.reflect.Field field = TributaryConverter.class.getDeclaredField("converter");
            field.setAccessible(true);
            assertThat(((SdkPlugins.Utf8) field.get(converter)).type)
                    .isEqualTo(io.tributary.sdk.converter.ConverterType.KEY);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void generatedNamesFollowTheDocumentedRule() {
        assertThat(ConnectNames.connectClassName("com.acme.OrdersSourceConnector"))
                .isEqualTo("com.acme.connect.OrdersSourceConnector");
        assertThat(ConnectNames.connectClassName("com.acme.Mask$Value")).isEqualTo("com.acme.connect.Mask$Value");
        assertThat(ConnectNames.connectClassName("Bare")).isEqualTo("connect.Bare");
    }

    @Test
    void aConnectorErrorRaisedThroughTheContextReachesConnectAsConnectsType() {
        List<Exception> raised = new ArrayList<>();
        Numbers connector = new Numbers();
        connector.initialize(connectorContext(new Offsets(), raised));
        connector.start(Map.of("name", "orders", "topic", "t"));

        ((SdkPlugins.Numbers) connectorOf(connector))
                .context.raiseError(new io.tributary.sdk.errors.RetriableException("the source went away"));

        assertThat(raised).singleElement().isInstanceOf(RetriableException.class);
    }

    private static Object connectorOf(TributarySourceConnector adapter) {
        try {
            java.lang.reflect.Field field = TributarySourceConnector.class.getDeclaredField("life");
            field.setAccessible(true);
            return ((ConnectorLife<?>) field.get(adapter)).connector();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
