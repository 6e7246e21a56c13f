package io.tributary.connect;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.converter.Converter;
import io.tributary.sdk.converter.ConverterType;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.errors.RetriableException;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTask;
import io.tributary.sdk.sink.SinkTaskContext;
import io.tributary.sdk.source.RecordMetadata;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceConnectorContext;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import io.tributary.sdk.transforms.Transformation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** SDK plugins that record what the adapters hand them, for the adapters' tests. */
final class SdkPlugins {
    private SdkPlugins() {}

    /** A source connector of {@code tasks.max} tasks, each numbering the records it polls. */
    public static class Numbers implements SourceConnector {
        static final ConfigDef CONFIG = ConfigDef.builder()
                .define(ConfigKey.builder("topic", ConfigDef.Type.STRING))
                .define(ConfigKey.builder("fail", ConfigDef.Type.BOOLEAN).defaultValue(false))
                .build();

        SourceConnectorContext context;

        @Override
        public String version() {
            return "7.0";
        }

        @Override
        public ConfigDef config() {
            return CONFIG;
        }

        @Override
        public void start(SourceConnectorContext context) {
            if (this.context != null) {
                throw new IllegalStateException("an SDK connector is started once");
            }
            if (context.config().getBoolean("fail")) {
                throw new ConfigException("fail", true, "the test asked the connector to fail");
            }
            this.context = context;
        }

        @Override
        public Class<? extends SourceTask> taskClass() {
            return NumbersTask.class;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            List<Map<String, String>> configs = new ArrayList<>();
            for (int i = 0; i < maxTasks; i++) {
                configs.add(Map.of("topic", context.config().getString("topic"), "shard", Integer.toString(i)));
            }
            return configs;
        }

        @Override
        public void stop() {}
    }

    /** Polls one record numbered after the committed offset; {@code retry} makes its poll retriable. */
    public static class NumbersTask implements SourceTask {
        SourceTaskContext context;
        long next;
        final List<SourceRecord> committed = new ArrayList<>();
        final List<RecordMetadata> metadata = new ArrayList<>();

        @Override
        public String version() {
            return "7.0";
        }

        @Override
        public void start(SourceTaskContext context) {
            this.context = context;
            Map<String, Object> offset = context.offsetReader()
                    .offset(Map.of("shard", context.config().get("shard")));
            next = offset == null ? 0 : ((Number) offset.get("next")).longValue();
        }

        @Override
        public List<SourceRecord> poll() {
            if (context.config().containsKey("retry")) {
                throw new RetriableException("the test asked for a retry");
            }
            long number = next++;
            return List.of(SourceRecord.builder()
                    .sourcePartition(Map.of("shard", context.config().get("shard")))
                    .sourceOffset(Map.of("next", number + 1))
                    .topic(context.config().get("topic"))
                    .value(Schema.INT64_SCHEMA, number)
                    .build());
        }

        @Override
        public void commitRecord(SourceRecord record, RecordMetadata metadata) {
            committed.add(record);
            this.metadata.add(metadata);
        }

        @Override
        public void stop() {}
    }

    /** Keeps what it is given; a record whose value is {@code bad} goes to the errant record reporter. */
    public static class Keeping implements SinkTask {
        SinkTaskContext context;
        final List<SinkRecord> records = new ArrayList<>();
        final List<TopicPartition> opened = new ArrayList<>();

        @Override
        public String version() {
            return "7.0";
        }

        @Override
        public void start(SinkTaskContext context) {
            this.context = context;
        }

        @Override
        public void open(Collection<TopicPartition> partitions) {
            opened.addAll(partitions);
        }

        @Override
        public void put(Collection<SinkRecord> batch) {
            for (SinkRecord record : batch) {
                if ("bad".equals(record.value())) {
                    context.errantRecordReporter().report(record, new IllegalArgumentException("bad value"));
                } else {
                    records.add(record);
                }
            }
        }

        @Override
        public Map<TopicPartition, Long> preCommit(Map<TopicPartition, Long> currentOffsets) {
            // Commits `lag` records less than were read (1 by default): the last ones are still on their way.
            long lag = Long.parseLong(context.config().getOrDefault("lag", "1"));
            Map<TopicPartition, Long> committable = new java.util.LinkedHashMap<>();
            currentOffsets.forEach((partition, offset) -> committable.put(partition, offset - lag));
            return committable;
        }

        @Override
        public void stop() {}
    }

    /** Upper-cases string values and routes them to {@code <topic>-loud}; drops the value {@code drop}. */
    public static class Loud<R extends io.tributary.sdk.connector.ConnectRecord<R>> implements Transformation<R> {
        @Override
        public ConfigDef config() {
            return ConfigDef.empty();
        }

        @Override
        public void configure(Map<String, ?> configs) {}

        @Override
        public R apply(R record) {
            if ("drop".equals(record.value())) {
                return null;
            }
            return record.newRecord(
                    record.topic() + "-loud",
                    record.kafkaPartition(),
                    record.keySchema(),
                    record.key(),
                    record.valueSchema(),
                    ((String) record.value()).toUpperCase(java.util.Locale.ROOT),
                    record.timestamp(),
                    record.headers());
        }
    }

    /** UTF-8 strings, schema STRING; remembers whether it converts keys or values. */
    public static class Utf8 implements Converter {
        ConverterType type;

        @Override
        public void configure(Map<String, ?> configs, ConverterType type) {
            this.type = type;
        }

        @Override
        public byte[] fromData(String topic, Schema schema, Object value) {
            return value == null ? null : value.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public SchemaAndValue toData(String topic, byte[] bytes) {
            return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
