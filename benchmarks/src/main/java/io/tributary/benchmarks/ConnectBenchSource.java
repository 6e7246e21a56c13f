package io.tributary.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private static final String TASK_RECORDS = "task.records";
    private static final String TASK_INDEX = "task.index";
    private static final ConfigDef CONFIG = new ConfigDef()
            .define(TOPIC, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "The topic to write.")
            .define(RECORDS, ConfigDef.Type.LONG, ConfigDef.Importance.HIGH, "Records to write, over all tasks.");

    private String topic;
    private long records;

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
                    TASK_RECORDS, Long.toString(BenchRecords.share(records, maxTasks, task))));
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

        @Override
        public String version() {
            return "bench";
        }

        @Override
        public void start(Map<String, String> props) {
            topic = props.get(TOPIC);
            remaining = Long.parseLong(props.get(TASK_RECORDS));
            partition = Map.of("task", props.get(TASK_INDEX));
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            if (remaining == 0) {
                Thread.sleep(BenchRecords.IDLE_POLL_MS);
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
        public void stop() {}
    }
}
