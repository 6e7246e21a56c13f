package ${package};

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.Validator;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceConnectorContext;
import io.tributary.sdk.source.SourceTask;
import java.util.List;
import java.util.Map;

/**
 * Writes numbered messages to a topic, resuming where it stopped after a restart. It stands for a
 * connector that reads an external system: {@link ${connectorName}SourceTask#poll()} is where such a
 * connector reads, and its source partition and offset say where it has got to.
 */
public class ${connectorName}SourceConnector implements SourceConnector {
    static final String TOPIC = "topic";
    static final String MESSAGE = "message";
    static final String BATCH_SIZE = "batch.size";
    static final String POLL_INTERVAL_MS = "poll.interval.ms";

    /** The settings of the connector, which its task reads too. */
    static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(TOPIC, ConfigDef.Type.STRING)
                    .validator(Validator.nonEmptyString())
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The topic to write the messages to."))
            .define(ConfigKey.builder(MESSAGE, ConfigDef.Type.STRING)
                    .defaultValue("hello")
                    .importance(ConfigDef.Importance.MEDIUM)
                    .documentation("The text of each message; its number is appended."))
            .define(ConfigKey.builder(BATCH_SIZE, ConfigDef.Type.INT)
                    .defaultValue(10)
                    .validator(Validator.between(1, 10_000))
                    .importance(ConfigDef.Importance.LOW)
                    .documentation("How many messages each poll returns."))
            .define(ConfigKey.builder(POLL_INTERVAL_MS, ConfigDef.Type.LONG)
                    .defaultValue(1000L)
                    .validator(Validator.atLeast(0))
                    .importance(ConfigDef.Importance.LOW)
                    .documentation("How long the task waits between polls, in milliseconds."))
            .build();

    private Map<String, String> taskConfig;

    @Override
    public String version() {
        return Versions.of(getClass());
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void start(SourceConnectorContext context) {
        // The runtime has validated the settings against CONFIG; the task gets them as they were given.
        taskConfig = Map.of(
                TOPIC, context.config().getString(TOPIC),
                MESSAGE, context.config().getString(MESSAGE),
                BATCH_SIZE, String.valueOf(context.config().getInt(BATCH_SIZE)),
                POLL_INTERVAL_MS, String.valueOf(context.config().getLong(POLL_INTERVAL_MS)));
    }

    @Override
    public Class<? extends SourceTask> taskClass() {
        return ${connectorName}SourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        // One sequence, so one task: a second would write the same numbers.
        return List.of(taskConfig);
    }

    @Override
    public void stop() {}
}
