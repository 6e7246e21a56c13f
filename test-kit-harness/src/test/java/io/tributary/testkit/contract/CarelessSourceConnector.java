package io.tributary.testkit.contract;

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
import java.util.UUID;

/**
 * Breaks a point of the source contract wherever it can, so that the contract's messages can be checked:
 * an undocumented setting, a secret in plain text, a batch size it does not check, more task
 * configurations than asked and new ones each time, a stop before start that throws, records without
 * offsets ({@code offsets=false}), a restart from the beginning, and empty polls that return at once.
 */
public class CarelessSourceConnector implements SourceConnector {
    static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder("topic", ConfigDef.Type.STRING).documentation("The topic."))
            .define(ConfigKey.builder("db.password", ConfigDef.Type.STRING).defaultValue(""))
            .define(ConfigKey.builder("batch.size", ConfigDef.Type.INT)
                    .defaultValue(3)
                    .documentation("Records a poll returns."))
            .define(ConfigKey.builder("offsets", ConfigDef.Type.BOOLEAN)
                    .defaultValue(true)
                    .documentation("Whether records carry offsets."))
            .define(ConfigKey.builder("count", ConfigDef.Type.INT)
                    .defaultValue(6)
                    .documentation("How many records there are."))
            .define(ConfigKey.builder("careless.tasks", ConfigDef.Type.BOOLEAN)
                    .defaultValue(false)
                    .documentation("Whether taskConfigs returns one more than asked, new each time."))
            .build();

    private Map<String, String> settings;
    private boolean carelessTasks;
    private StringBuilder log;

    @Override
    public String version() {
        return "0.1";
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void start(SourceConnectorContext context) {
        settings = Map.of(
                "topic", context.config().getString("topic"),
                "offsets", String.valueOf(context.config().getBoolean("offsets")),
                "count", String.valueOf(context.config().getInt("count")));
        carelessTasks = context.config().getBoolean("careless.tasks");
        log = new StringBuilder();
    }

    @Override
    public Class<? extends SourceTask> taskClass() {
        return Task.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        if (!carelessTasks) {
            return List.of(settings);
        }
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i <= maxTasks; i++) {
            Map<String, String> config = new java.util.HashMap<>(settings);
            config.put("instance", UUID.randomUUID().toString());
            configs.add(config);
        }
        return configs;
    }

    @Override
    public void stop() {
        log.append("stopped"); // no log before start
    }

    /** Counts from zero at every start, and returns at once when it has nothing. */
    public static class Task implements SourceTask {
        private String topic;
        private boolean offsets;
        private int count;
        private int next;

        @Override
        public String version() {
            return "0.1";
        }

        @Override
        public void start(SourceTaskContext context) {
            topic = context.config().get("topic");
            offsets = Boolean.parseBoolean(context.config().get("offsets"));
            count = Integer.parseInt(context.config().get("count"));
            next = 0;
        }

        @Override
        public List<SourceRecord> poll() {
            List<SourceRecord> records = new ArrayList<>();
            while (next < count && records.size() < 3) {
                SourceRecord.Builder record =
                        SourceRecord.builder().topic(topic).value(Schema.INT32_SCHEMA, next++);
                if (offsets) {
                    record.sourcePartition(Map.of("all", "numbers")).sourceOffset(Map.of("next", next));
                }
                records.add(record.build());
            }
            return records;
        }

        @Override
        public void stop() {}
    }
}
