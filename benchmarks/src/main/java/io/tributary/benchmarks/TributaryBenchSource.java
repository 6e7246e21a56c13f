package io.tributary.benchmarks;

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
 * A Tributary source connector whose tasks cost nothing: each returns its share of {@code records}
 * records of one prebuilt 100-byte string, {@link BenchRecords#POLL_BATCH} per poll, then idles.
 */
public final class TributaryBenchSource implements SourceConnector {
    static final String TOPIC = "topic";
    static final String RECORDS = "records";
    static final String IDLE_MS = "idle.ms";
    private static final String TASK_RECORDS = "task.records";
    private static final String TASK_INDEX = "task.index";

    private String topic;
    private long records;
    private long idleMs;

    @Override
    public String version() {
        return "bench";
    }

    @Override
    public ConfigDef config() {
        return ConfigDef.builder()
                .define(ConfigKey.builder(TOPIC, ConfigDef.Type.STRING).documentation("The topic to write."))
                .define(ConfigKey.builder(RECORDS, ConfigDef.Type.LONG)
                        .documentation("Records to write, over all tasks."))
                .define(ConfigKey.builder(IDLE_MS, ConfigDef.Type.LONG)
                        .defaultValue(BenchRecords.IDLE_POLL_MS)
                        .documentation("How long a task that wrote its records waits in each poll."))
                .build();
    }

    @Override
    public void start(SourceConnectorContext context) {
        topic = context.config().getString(TOPIC);
        records = context.config().getLong(RECORDS);
        idleMs = context.config().getLong(IDLE_MS);
    }

    @Override
    public Class<? extends SourceTask> taskClass() {
        return Task.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int task = 0; task < maxTasks; task++) {
            configs.add(Map.of(
                    TOPIC, topic,
                    TASK_INDEX, Integer.toString(task),
                    TASK_RECORDS, Long.toString(BenchRecords.share(records, maxTasks, task)),
                    IDLE_MS, Long.toString(idleMs)));
        }
        return configs;
    }

    @Override
    public void stop() {}

    /** The task: builds records around the one prebuilt value. */
    public static final class Task implements SourceTask {
        private Map<String, Object> partition;
        private String topic;
        private long remaining;
        private long position;
        private long idleMs;
        private final CountDownLatch stopped = new CountDownLatch(1);

        @Override
        public String version() {
            return "bench";
        }

        @Override
        public void start(SourceTaskContext context) {
            idleMs = Long.parseLong(context.config().get(IDLE_MS));
            topic = context.config().get(TOPIC);
            remaining = Long.parseLong(context.config().get(TASK_RECORDS));
            partition = Map.of("task", context.config().get(TASK_INDEX));
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            if (remaining == 0) {
                stopped.await(idleMs, TimeUnit.MILLISECONDS);
                return List.of();
            }
            int size = (int) Math.min(BenchRecords.POLL_BATCH, remaining);
            List<SourceRecord> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add(SourceRecord.builder()
                        .sourcePartition(partition)
                        .sourceOffset(Map.of("position", position++))
                        .topic(topic)
                        .value(Schema.STRING_SCHEMA, BenchRecords.VALUE)
                        .build());
            }
            remaining -= size;
            return batch;
        }

        @Override
        public void stop() {
            stopped.countDown();
        }
    }
}
