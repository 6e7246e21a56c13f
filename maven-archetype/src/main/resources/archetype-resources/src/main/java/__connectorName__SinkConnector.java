package ${package};

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.Validator;
import io.tributary.sdk.sink.SinkConnector;
import io.tributary.sdk.sink.SinkConnectorContext;
import io.tributary.sdk.sink.SinkTask;
import java.util.List;
import java.util.Map;

/**
 * Appends the values of the records of its topics to a file, one line each. It stands for a connector
 * that writes to an external system: {@link ${connectorName}SinkTask#put} is where such a connector writes,
 * and {@link ${connectorName}SinkTask#preCommit} where it makes its writes durable.
 */
public class ${connectorName}SinkConnector implements SinkConnector {
    static final String FILE = "file";

    /** The connector's own settings; the runtime adds {@code topics}, converters and error handling. */
    static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(FILE, ConfigDef.Type.STRING)
                    .validator(Validator.nonEmptyString())
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The file to append the records' values to, one line each."))
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
    public void start(SinkConnectorContext context) {
        taskConfig = Map.of(FILE, context.config().getString(FILE));
    }

    @Override
    public Class<? extends SinkTask> taskClass() {
        return ${connectorName}SinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        // One file, so one writer.
        return List.of(taskConfig);
    }

    @Override
    public void stop() {}
}
