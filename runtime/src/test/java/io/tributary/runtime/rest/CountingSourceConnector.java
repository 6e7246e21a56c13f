package io.tributary.runtime.rest;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test connector for the REST API: {@code tasks.max} tasks, each writing {@code count} numbered records to a
 * topic from its own source partition, then idling. Task {@code fail.task} fails on its first poll; with {@code
 * fail.start}, the connector fails to start. It takes a
 * password setting, which the API must never show, and hands it to its tasks.
 */
public class CountingSourceConnector implements SourceConnector {
    static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder("topic", ConfigDef.Type.STRING).documentation("Where the records go."))
            .define(ConfigKey.builder("count", ConfigDef.Type.LONG).defaultValue(5L))
            .define(ConfigKey.builder("secret", ConfigDef.Type.PASSWORD).defaultValue(""))
            .define(ConfigKey.builder("fail.task", ConfigDef.Type.INT).defaultValue(-1))
            .define(ConfigKey.builder("accept.offsets", ConfigDef.Type.BOOLEAN).defaultValue(false))
            .define(ConfigKey.builder("fail.start", ConfigDef.Type.BOOLEAN).defaultValue(false))
            .build();

    private Map<String, String> settings;
    private int maxTasks;

    @Override
    public String version() {
        return "2.1.0";
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void start(SourceConnectorContext context) {
        if (context.config().getBoolean("fail.start")) {
            throw new IllegalStateException("connector asked to fail by fail.start");
        }
        settings = Map.of(
                "topic", context.config().getString("topic"),
                "count", context.config().getLong("count").toString(),
                "secret", context.config().getPassword("secret").value(),
                "fail.task", context.config().getInt("fail.task").toString());
    }

    @Override
    public Class<? extends SourceTask> taskClass() {
        return Task.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> config = new java.util.HashMap<>(settings);
            config.put("task.number", Integer.toString(i));
            configs.add(config);
        }
        return configs;
    }

    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        return Boolean.parseBoolean(connectorConfig.getOrDefault("accept.offsets", "false"));
    }

    @Override
    public void stop() {}

    /** One task: its records, then nothing. */
    public static class Task implements SourceTask {
        private String topic;
        private long count;
        private long next;
        private boolean fail;
        private Map<String, Object> partition;
        private final CountDownLatch stopped = new CountDownLatch(1);

        @Override
        public String version() {
            return "2.1.0";
        }

        @Override
        public void start(SourceTaskContext context) {
            topic = context.config().get("topic");
            count = Long.parseLong(context.config().get("count"));
            String number = context.config().get("task.number");
            fail = number.equals(context.config().get("fail.task"));
            partition = Map.of("task", Integer.parseInt(number));
            Map<String, Object> offset = context.offsetReader().offset(partition);
            next = offset == null ? 0 : ((Number) offset.get("next")).longValue();
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            if (fail) {
                throw new IllegalStateException("task asked to fail by fail.task");
            }
            List<SourceRecord> records = new ArrayList<>();
            while (next < count && records.size() < 100) {
                long n = next++;
                records.add(SourceRecord.builder()
                        .sourcePartition(partition)
                        .sourceOffset(Map.of("next", n + 1))
                        .topic(topic)
                        .key(Schema.STRING_SCHEMA, "task-" + partition.get("task"))
                        .value(Schema.STRING_SCHEMA, Long.toString(n))
                        .build());
            }
            if (records.isEmpty()) {
                // Idle like a real source with nothing new, rather than spin the runner; a stop ends the wait.
                stopped.await(50, TimeUnit.MILLISECONDS);
            }
            return records;
        }

        @Override
        public void stop() {
            stopped.countDown();
        }
    }
}
