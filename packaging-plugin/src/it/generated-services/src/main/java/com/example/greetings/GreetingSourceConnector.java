package com.example.greetings;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceConnectorContext;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import java.util.List;
import java.util.Map;

public class GreetingSourceConnector implements SourceConnector {
    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public ConfigDef config() {
        return ConfigDef.builder()
                .define(ConfigKey.builder("topic", ConfigDef.Type.STRING).documentation("Where greetings go."))
                .build();
    }

    @Override
    public void start(SourceConnectorContext context) {}

    @Override
    public Class<? extends SourceTask> taskClass() {
        return GreetingTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(Map.of());
    }

    @Override
    public void stop() {}

    public static class GreetingTask implements SourceTask {
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
