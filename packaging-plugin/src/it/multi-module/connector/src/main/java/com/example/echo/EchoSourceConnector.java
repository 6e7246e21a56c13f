package com.example.echo;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceConnectorContext;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import java.util.List;
import java.util.Map;

/** A connector with nothing to do: the bundle's content is beside the point of this test. */
public class EchoSourceConnector implements SourceConnector {
    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public ConfigDef config() {
        return ConfigDef.empty();
    }

    @Override
    public void start(SourceConnectorContext context) {}

    @Override
    public Class<? extends SourceTask> taskClass() {
        return Task.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(Map.of());
    }

    @Override
    public void stop() {}

    /** Returns nothing. */
    public static class Task implements SourceTask {
        @Override
        public String version() {
            return "1.0.0";
        }

        @Override
        public void start(SourceTaskContext context) {}

        @Override
        public List<SourceRecord> poll() {
            return List.of();
        }

        @Override
        public void stop() {}
    }
}
