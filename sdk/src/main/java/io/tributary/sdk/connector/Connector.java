package io.tributary.sdk.connector;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.plugin.Versioned;
import java.util.List;
import java.util.Map;

/**
 * What every connector does, whether it is a {@link io.tributary.sdk.source.SourceConnector} or a
 * {@link io.tributary.sdk.sink.SinkConnector}: it declares its configuration, splits its work into
 * task configurations and watches for changes that need different tasks. Connectors move no data
 * themselves; their tasks do.
 *
 * <p><b>Lifecycle.</b> The runtime makes an instance with the public no-argument constructor. It may
 * call {@link #version()}, {@link #config()} and {@link #validate(Map)} on instances that are never
 * started. A running instance sees one {@code start}, then {@link #taskConfigs(int)} any number of
 * times, then one {@link #stop()}; it is not started again. These calls come from one thread at a
 * time, but not always the same thread. Calls to the {@link ConnectorContext} may come from any
 * thread the connector owns.
 */
@Stable
public interface Connector extends Versioned {

    /**
     * Describes the connector's settings: their types, defaults, validators and documentation. The
     * runtime validates a configuration against it before {@code start}.
     *
     * @return the definition; never null
     */
    ConfigDef config();

    /**
     * Checks a configuration before it is accepted. The default checks each setting against {@link
     * #config()}; override to add checks that involve several settings or a remote system, and add
     * problems to the fields they concern:
     *
     * <pre>{@code
     * public ConfigValidation validate(Map<String, String> connectorConfig) {
     *     ConfigValidation validation = Connector.super.validate(connectorConfig);
     *     if (!validation.hasErrors() && !tableExists(connectorConfig.get("table"))) {
     *         validation = validation.withError("table", "Table does not exist; create it first");
     *     }
     *     return validation;
     * }
     * }</pre>
     *
     * @param connectorConfig the configuration as the user gave it; never null
     * @return the outcome per setting; never null
     */
    default ConfigValidation validate(Map<String, String> connectorConfig) {
        return config().validate(connectorConfig);
    }

    /**
     * Returns the class of this connector's tasks.
     *
     * @return the task class, with a public no-argument constructor; never null
     */
    Class<? extends Task> taskClass();

    /**
     * Splits the work into at most {@code maxTasks} task configurations. Called after {@code start},
     * and again whenever the connector asks for it through {@link
     * ConnectorContext#requestTaskReconfiguration()}. The runtime starts one task per returned entry;
     * if the list differs from the last one, running tasks are stopped and new ones started.
     *
     * @param maxTasks the most tasks the user allows ({@code tasks.max}), at least 1
     * @return one configuration per task, at most {@code maxTasks}; never null
     */
    List<Map<String, String>> taskConfigs(int maxTasks);

    /**
     * Stops the connector: ends any threads it started and releases resources. Called once, after
     * which the instance is discarded. Must not block for long.
     */
    void stop();
}
