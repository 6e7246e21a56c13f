package io.tributary.runtime.examples;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.Validator;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceConnectorContext;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import java.util.List;
import java.util.Map;

/** Writes {@code count} numbered greetings to a topic, one per {@code interval.ms}, resuming after a restart. */
public class DemoSourceConnector implements SourceConnector {
    static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder("topic", ConfigDef.Type.STRING)
                    .validator(Validator.nonEmptyString())
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("Topic to write to."))
            .define(ConfigKey.builder("count", ConfigDef.Type.LONG)
                    .defaultValue(20L)
                    .validator(Validator.atLeast(0))
                    .documentation("How many records to write in all."))
            .define(ConfigKey.builder("interval.ms", ConfigDef.Type.LONG)
                    .defaultValue(250L)
                    .validator(Validator.atLeast(0))
                    .documentation("Pause between records, in ms."))
            .build();

    private Map<String, String> taskConfig;

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void start(SourceConnectorContext context) {
        taskConfig = Map.of(
                "topic", context.config().getString("topic"),
                "count", context.config().getLong("count").toString(),
                "interval.ms", context.config().getLong("interval.ms").toString());
    }

    @Override
    public Class<? extends SourceTask> taskClass() {
        return Task.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(taskConfig);
    }

    @Override
    public void stop() {}

    /** Writes one greeting per poll. */
    public static class Task implements SourceTask {
        private static final Map<String, String> PARTITION = Map.of("demo", "greetings");
        private final Object pause = new Object();
        private String topic;
        private long count;
        private long intervalMs;
        private long next;
        private volatile boolean stopping;

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(SourceTaskContext context) {
            topic = context.config().get("topic");
            count = Long.parseLong(context.config().get("count"));
            intervalMs = Long.parseLong(context.config().get("interval.ms"));
            Map<String, Object> offset = context.offsetReader().offset(PARTITION);
            next = offset == null ? 1 : ((Number) offset.get("next")).longValue();
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            synchronized (pause) {
                if (!stopping) {
                    pause.wait(next > count ? 1000 : Math.max(1, intervalMs));
                }
            }
            if (next > count || stopping) {
                return List.of();
            }
            long n = next++;
            String greeting = "hello from Tributary, record " + n + " of " + count;
            System.out.println("[demo-source] wrote \"" + greeting + "\" to topic " + topic);
            return List.of(SourceRecord.builder()
                    .sourcePartition(PARTITION)
                    .sourceOffset(Map.of("next", n + 1))
                    .topic(topic)
                    .key(Schema.STRING_SCHEMA, Long.toString(n))
                    .value(Schema.STRING_SCHEMA, greeting)
                    .build());
        }

        @Override
        public void stop() {
            stopping = true;
            synchronized (pause) {
                pause.notifyAll();
            }
        }
    }
}
