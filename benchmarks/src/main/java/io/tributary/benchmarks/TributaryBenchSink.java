package io.tributary.benchmarks;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.sink.SinkConnector;
import io.tributary.sdk.sink.SinkConnectorContext;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTask;
import io.tributary.sdk.sink.SinkTaskContext;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A Tributary sink connector whose tasks do nothing with records but count them in {@link SinkCounter}. */
public final class TributaryBenchSink implements SinkConnector {

    @Override
    public String version() {
        return "bench";
    }

    @Override
    public ConfigDef config() {
        return ConfigDef.builder()
                .define(ConfigKey.builder(TOPICS_CONFIG, ConfigDef.Type.LIST).documentation("The topics to read."))
                .build();
    }

    @Override
    public void start(SinkConnectorContext context) {}

    @Override
    public Class<? extends SinkTask> taskClass() {
        return Task.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        // The runtime spreads the topics' partitions over the tasks; they need no settings of their own.
        return Collections.nCopies(maxTasks, Map.of());
    }

    @Override
    public void stop() {}

    /** The task. */
    public static final class Task implements SinkTask {
        @Override
        public String version() {
            return "bench";
        }

        @Override
        public void start(SinkTaskContext context) {}

        @Override
        public void put(Collection<SinkRecord> records) {
            SinkCounter.add(records.size());
        }

        @Override
        public void stop() {}
    }
}
