package io.tributary.benchmarks;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/** The Kafka Connect twin of {@link TributaryBenchSink}: tasks that only count records in {@link SinkCounter}. */
public final class ConnectBenchSink extends SinkConnector {

    @Override
    public String version() {
        return "bench";
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public void start(Map<String, String> props) {}

    @Override
    public Class<? extends Task> taskClass() {
        return BenchTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        // Connect adds the topics to each task's configuration and spreads the partitions over the tasks.
        return Collections.nCopies(maxTasks, Map.of());
    }

    @Override
    public void stop() {}

    /** The task. */
    public static final class BenchTask extends SinkTask {
        @Override
        public String version() {
            return "bench";
        }

        @Override
        public void start(Map<String, String> props) {}

        @Override
        public void put(Collection<SinkRecord> records) {
            SinkCounter.add(records.size());
        }

        @Override
        public void stop() {}
    }
}
