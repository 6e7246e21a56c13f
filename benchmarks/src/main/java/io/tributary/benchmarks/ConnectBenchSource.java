package io.tributary.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * The Kafka Connect twin of {@link TributaryBenchSource}: tasks that return their share of {@code records}
 * records of one prebuilt 100-byte string, {@link BenchRecords#POLL_BATCH} per poll, then idle.
 */
public final class ConnectBenchSource extends SourceConnector {
    static final String TOPIC = "topic";
    static final String RECORDS = "records";
    static final String IDLE_MS = "idle.ms";
    private static final String TASK_RECORDS = "task.records";
    private static final String TASK_INDEX = "task.index";
    private static final ConfigDef CONFIG = new ConfigDef()
            .define(TOPIC, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "The topic to write.")
            .define(RECORDS, ConfigDef.Type.LONG, ConfigDef.Importance.HIGH, "Records to write, over all tasks.")
            .define(
                    IDLE_MS,
                    ConfigDef.Type.LONG,
                    BenchRecords.IDLE_POLL_MS,
                    ConfigDef.Importance.LOW,
                    "How long a task that wrote its records waits in each poll.");

    private String topic;
    private long records;
    private long idleMs;

    @Override
    public String version() {
        return "bench";
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void start(Map<String, String> props) {
        topic = props.get(TOPIC);
        records = Long.parseLong(props.get(RECORDS));
        idleMs = (Long) CONFIG.parse(props).get(IDLE_MS);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return BenchTask.class;
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
    public static final class BenchTask extends SourceTask {
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
        public void start(Map<String, String> props) {
            idleMs = Long.parseLong(props.get(IDLE_MS));
            topic = props.get(TOPIC);
            remaining = Long.parseLong(props.get(TASK_RECORDS));
            partition = Map.of("task", props.get(TASK_INDEX));
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            if (remaining == 0) {
                stopped.await(idleMs, TimeUnit.MILLISECONDS);
                return null;
            }
            int size = (int) Math.min(BenchRecords.POLL_BATCH, remaining);
            List<SourceRecord> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add(new SourceRecord(
                        partition, Map.of("position", position++), topic, Schema.STRING_SCHEMA, BenchRecords.VALUE));
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
