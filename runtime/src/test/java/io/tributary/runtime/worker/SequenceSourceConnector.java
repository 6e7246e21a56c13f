package io.tributary.runtime.worker;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceConnectorContext;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes "0", "1", ... up to {@code count} records to a topic, resuming from its committed offset. */
public class SequenceSourceConnector implements SourceConnector {
    static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder("topic", ConfigDef.Type.STRING))
            .define(ConfigKey.builder("count", ConfigDef.Type.LONG).defaultValue(Long.MAX_VALUE))
            .define(ConfigKey.builder("batch", ConfigDef.Type.INT).defaultValue(10))
            .define(ConfigKey.builder("poison.every", ConfigDef.Type.LONG).defaultValue(0L))
            .build();

    private Map<String, String> config;

    @Override
    public String version() {
        return "test";
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void start(SourceConnectorContext context) {
        config = Map.of(
                "topic", context.config().getString("topic"),
                "count", context.config().getLong("count").toString(),
                "batch", context.config().getInt("batch").toString(),
                "poison.every", context.config().getLong("poison.every").toString());
    }

    @Override
    public Class<? extends SourceTask> taskClass() {
        return Task.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(config);
    }

    @Override
    public void stop() {}

    /** The one task. */
    public static class Task implements SourceTask {
        private static final Map<String, String> PARTITION = Map.of("sequence", "main");
        private String topic;
        private long count;
        private int batch;
        private long poisonEvery;
        private long next;

        @Override
        public String version() {
            return "test";
        }

        @Override
        public void start(SourceTaskContext context) {
            topic = context.config().get("topic");
            count = Long.parseLong(context.config().get("count"));
            batch = Integer.parseInt(context.config().get("batch"));
            poisonEvery = Long.parseLong(context.config().get("poison.every"));
            Map<String, Object> offset = context.offsetReader().offset(PARTITION);
            next = offset == null ? 0 : ((Number) offset.get("next")).longValue();
        }

        @Override
        public List<SourceRecord> poll() {
            List<SourceRecord> records = new ArrayList<>();
            while (records.size() < batch && next < count) {
                long n = next++;
                String value = poisonEvery > 0 && n % poisonEvery == poisonEvery - 1 ? "poison-" + n : Long.toString(n);
                records.add(SourceRecord.builder()
                        .sourcePartition(PARTITION)
                        .sourceOffset(Map.of("next", n + 1))
                        .topic(topic)
                        .key(Schema.STRING_SCHEMA, "k" + n)
                        .value(Schema.STRING_SCHEMA, value)
                        .build());
            }
            return records;
        }

        @Override
        public void stop() {}
    }
}
