package io.tributary.sdk.example;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.Validator;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceConnectorContext;
import io.tributary.sdk.source.SourceTask;
import java.util.List;
import java.util.Map;

/** Counts from zero into a topic, one number per record; a restarted task goes on where it stopped. */
public class CountingSourceConnector implements SourceConnector {
    static final String TOPIC = "topic";
    static final String BATCH_SIZE = "batch.size";

    static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(TOPIC, ConfigDef.Type.STRING)
                    .validator(Validator.nonEmptyString())
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("Topic to write the numbers to."))
            .define(ConfigKey.builder(BATCH_SIZE, ConfigDef.Type.INT)
                    .defaultValue(10)
                    .validator(Validator.between(1, 1000))
                    .documentation("Numbers returned per poll."))
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
                TOPIC, context.config().getString(TOPIC),
                BATCH_SIZE, String.valueOf(context.config().getInt(BATCH_SIZE)));
    }

    @Override
    public Class<? extends SourceTask> taskClass() {
        return CountingSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(taskConfig); // one counter: more tasks would count the same numbers
    }

    @Override
    public void stop() {}
}
