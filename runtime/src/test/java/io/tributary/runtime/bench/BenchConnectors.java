package io.tributary.runtime.bench;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.sink.SinkConnector;
import io.tributary.sdk.sink.SinkConnectorContext;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTask;
import io.tributary.sdk.sink.SinkTaskContext;
import io.tributary.sdk.source.RecordMetadata;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceConnectorContext;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Connectors whose tasks cost nothing, so a benchmark measures the runtime alone. */
public final class BenchConnectors {
    /** Records acknowledged by Kafka for the source task. */
    static final AtomicLong SOURCE_ACKED = new AtomicLong();
    /** Records given to the sink task's put. */
    static final AtomicLong SINK_RECEIVED = new AtomicLong();

    private BenchConnectors() {}

    /** Emits {@code count} records of one prebuilt 100-byte value, a batch per poll. */
    public static class Source implements SourceConnector {
        private Map<String, String> config;

        @Override
        public String version() {
            return "bench";
        }

        @Override
        public ConfigDef config() {
            return ConfigDef.builder()
                    .define(ConfigKey.builder("topic", ConfigDef.Type.STRING))
                    .define(ConfigKey.builder("count", ConfigDef.Type.LONG))
                    .build();
        }

        @Override
        public void start(SourceConnectorContext context) {
            config = Map.of(
                    "topic",
                    context.config().getString("topic"),
                    "count",
                    context.config().getLong("count").toString());
        }

        @Override
        public Class<? extends SourceTask> taskClass() {
            return SourceBenchTask.class;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            return List.of(config);
        }

        @Override
        public void stop() {}
    }

    /** The source task. */
    public static class SourceBenchTask implements SourceTask {
        private static final Map<String, String> PARTITION = Map.of("bench", "0");
        private static final String VALUE = "x".repeat(100);
        private String topic;
        private long remaining;
        private long next;

        @Override
        public String version() {
            return "bench";
        }

        @Override
        public void start(SourceTaskContext context) {
            topic = context.config().get("topic");
            remaining = Long.parseLong(context.config().get("count"));
        }

        @Override
        public List<SourceRecord> poll() {
            int size = (int) Math.min(1000, remaining);
            List<SourceRecord> records = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                records.add(SourceRecord.builder()
                        .sourcePartition(PARTITION)
                        .sourceOffset(Map.of("n", next++))
                        .topic(topic)
                        .value(Schema.STRING_SCHEMA, VALUE)
                        .build());
            }
            remaining -= size;
            return records;
        }

        @Override
        public void commitRecord(SourceRecord record, RecordMetadata metadata) {
            SOURCE_ACKED.incrementAndGet();
        }

        @Override
        public void stop() {}
    }

    /** Counts what it receives. */
    public static class Sink implements SinkConnector {
        private Map<String, String> config;

        @Override
        public String version() {
            return "bench";
        }

        @Override
        public ConfigDef config() {
            return ConfigDef.builder()
                    .define(ConfigKey.builder(TOPICS_CONFIG, ConfigDef.Type.LIST))
                    .build();
        }

        @Override
        public void start(SinkConnectorContext context) {
            config = Map.of();
        }

        @Override
        public Class<? extends SinkTask> taskClass() {
            return SinkBenchTask.class;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            return List.of(config);
        }

        @Override
        public void stop() {}
    }

    /** The sink task. */
    public static class SinkBenchTask implements SinkTask {
        @Override
        public String version() {
            return "bench";
        }

        @Override
        public void start(SinkTaskContext context) {}

        @Override
        public void put(Collection<SinkRecord> records) {
            SINK_RECEIVED.addAndGet(records.size());
        }

        @Override
        public void stop() {}
    }
}
