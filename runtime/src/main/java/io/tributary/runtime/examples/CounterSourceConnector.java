package io.tributary.runtime.examples;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.Validator;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.header.Headers;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceConnectorContext;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Counts, in each of {@code tasks.max} tasks: task {@code n} writes records keyed {@code task-n} whose values
 * are 0, 1, 2, ..., resuming from its committed offset wherever it runs next. Every record carries a {@code
 * counter.instance} header naming the task instance that wrote it. Made to watch a cluster fail over: every
 * number must arrive, and the numbers written twice show what came again after a worker died.
 */
public class CounterSourceConnector implements SourceConnector {
    /** The header that names the task instance that wrote a record. */
    public static final String INSTANCE_HEADER = "counter.instance";

    static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder("topic", ConfigDef.Type.STRING)
                    .validator(Validator.nonEmptyString())
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("Topic to write to."))
            .define(ConfigKey.builder("count", ConfigDef.Type.LONG)
                    .defaultValue(-1L)
                    .validator(Validator.atLeast(-1))
                    .documentation("How many numbers each task writes; -1 counts until stopped."))
            .define(ConfigKey.builder("records.per.second", ConfigDef.Type.INT)
                    .defaultValue(100)
                    .validator(Validator.atLeast(1))
                    .documentation("How fast each task counts."))
            .build();

    private Map<String, String> settings;

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
        settings = Map.of(
                "topic", context.config().getString("topic"),
                "count", context.config().getLong("count").toString(),
                "records.per.second",
                        context.config().getInt("records.per.second").toString());
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
            config.put("task", Integer.toString(i));
            configs.add(config);
        }
        return configs;
    }

    @Override
    public void stop() {}

    /** One counter, written in batches of up to a tenth of a second's records. */
    public static class Task implements SourceTask {
        private final CountDownLatch stopped = new CountDownLatch(1);
        private final String instance = UUID.randomUUID().toString();
        private String topic;
        private String key;
        private Map<String, Object> partition;
        private long count;
        private int batch;
        private long next;

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(SourceTaskContext context) {
            topic = context.config().get("topic");
            String task = context.config().get("task");
            key = "task-" + task;
            partition = Map.of("counter", Integer.parseInt(task));
            count = Long.parseLong(context.config().get("count"));
            batch = Math.max(1, Integer.parseInt(context.config().get("records.per.second")) / 10);
            Map<String, Object> offset = context.offsetReader().offset(partition);
            next = offset == null ? 0 : ((Number) offset.get("next")).longValue();
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            // A tenth of a second between batches, cut short by a stop.
            if (stopped.await(100, TimeUnit.MILLISECONDS)) {
                return List.of();
            }
            List<SourceRecord> records = new ArrayList<>();
            while (records.size() < batch && (count < 0 || next < count)) {
                long n = next++;
                records.add(SourceRecord.builder()
                        .sourcePartition(partition)
                        .sourceOffset(Map.of("next", n + 1))
                        .topic(topic)
                        .key(Schema.STRING_SCHEMA, key)
                        .value(Schema.STRING_SCHEMA, Long.toString(n))
                        .headers(Headers.empty().withString(INSTANCE_HEADER, instance))
                        .build());
            }
            return records;
        }

        @Override
        public void stop() {
            stopped.countDown();
        }
    }
}
