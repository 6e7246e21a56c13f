package io.tributary.sdk.example;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.Validator;
import io.tributary.sdk.sink.SinkConnector;
import io.tributary.sdk.sink.SinkConnectorContext;
import io.tributary.sdk.sink.SinkTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects the values it reads in memory, under a name, so a test can look at them. */
public class CollectingSinkConnector implements SinkConnector {
    static final String COLLECTION = "collection";

    static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(TOPICS_CONFIG, ConfigDef.Type.LIST)
                    .validator(Validator.nonEmptyList())
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("Topics to read."))
            .define(ConfigKey.builder(COLLECTION, ConfigDef.Type.STRING)
                    .validator(Validator.nonEmptyString())
                    .documentation("Name under which the values are collected."))
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
    public void start(SinkConnectorContext context) {
        taskConfig = Map.of(COLLECTION, context.config().getString(COLLECTION));
    }

    @Override
    public Class<? extends SinkTask> taskClass() {
        return CollectingSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            configs.add(taskConfig); // the runtime spreads the topics' partitions over the tasks
        }
        return configs;
    }

    @Override
    public void stop() {}
}
