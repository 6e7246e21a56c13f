package io.tributary.runtime.control;

import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.connector.TaskId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a worker, standalone or part of a cluster, can be asked to do. Every method either does what it says
 * or throws a {@link ControlException} whose reason and message tell the caller what was wrong; any other
 * exception is a defect. Configurations come in as written, config-provider references unresolved, and go
 * out with password values hidden. Implementations are thread-safe.
 */
public interface ConnectorControl {

    /** @return the id of the Kafka cluster the worker uses */
    String kafkaClusterId();

    /** @return the names of the connectors, sorted */
    List<String> connectors();

    /**
     * @param name a connector
     * @return its configuration and tasks
     */
    ConnectorInfo connector(String name);

    /**
     * @param name a connector
     * @return its configuration, with password values hidden
     */
    Map<String, String> connectorConfig(String name);

    /**
     * Creates a connector, or replaces the configuration of an existing one.
     *
     * @param name the connector
     * @param config its configuration; its {@code name}, if any, is the same
     * @param initialState the state a new connector starts in; an existing one keeps its own
     * @param allowReplace whether an existing connector may be updated; if false, it is an {@code
     *     ALREADY_EXISTS} refusal
     * @return whether it was created, and the connector as it is now
     */
    ConfigUpdate putConnectorConfig(
            String name, Map<String, String> config, TargetState initialState, boolean allowReplace);

    /**
     * Changes some settings of an existing connector.
     *
     * @param name the connector
     * @param patch settings to set; a null value removes the setting
     * @return the connector as it is now
     */
    ConnectorInfo patchConnectorConfig(String name, Map<String, String> patch);

    /**
     * @param name a connector
     * @return its status and its tasks'
     */
    StatusReport status(String name);

    /**
     * @param id a task
     * @return its status
     */
    TaskStatus taskStatus(TaskId id);

    /**
     * @param name a connector
     * @return its tasks and their configurations; empty while it is stopped
     */
    List<TaskInfo> tasks(String name);

    /**
     * Restarts a connector and, if asked, its tasks.
     *
     * @param name the connector
     * @param includeTasks whether to restart its tasks too
     * @param onlyFailed whether to restart only what failed
     * @return the status as it was, with what is being restarted shown as {@code RESTARTING}
     */
    StatusReport restart(String name, boolean includeTasks, boolean onlyFailed);

    /** @param id a task to restart with its current configuration */
    void restartTask(TaskId id);

    /** @param name a connector to pause: its tasks stay started but move no data */
    void pause(String name);

    /** @param name a paused or stopped connector to run */
    void resume(String name);

    /** @param name a connector to stop: its instance and tasks are shut down, its configuration kept */
    void stop(String name);

    /** @param name a connector to stop and forget; its offsets stay */
    void delete(String name);

    /**
     * @param name a connector
     * @return the topics it has read or written since it was created or its topics were last reset
     */
    Set<String> activeTopics(String name);

    /** @param name a connector whose record of active topics to clear */
    void resetActiveTopics(String name);

    /**
     * @param name a connector
     * @return its committed offsets
     */
    List<PartitionOffset> offsets(String name);

    /**
     * Changes some committed offsets of a stopped connector.
     *
     * @param name the connector
     * @param offsets the offsets to set; a null offset erases its partition's
     * @return a message saying what was done
     */
    String alterOffsets(String name, List<PartitionOffset> offsets);

    /**
     * Erases every committed offset of a stopped connector.
     *
     * @param name the connector
     * @return a message saying what was done
     */
    String resetOffsets(String name);

    /** @return every plugin class the worker can run, connectors first */
    List<PluginInfo> plugins();

    /**
     * @param plugin a plugin's class name or alias
     * @return its settings' definitions; for a connector, the settings every connector has come first
     */
    List<ConfigKey> pluginConfig(String plugin);

    /**
     * Checks a connector configuration without running anything.
     *
     * @param connectorClass the connector class the caller means, as the path names it; the configuration's
     *     {@code connector.class}, if set, must name the same
     * @param config the configuration
     * @return every setting with its problems
     */
    ValidationReport validate(String connectorClass, Map<String, String> config);

    /** @return the level of every logger that has one set, by name; the root logger is {@code root} */
    Map<String, LoggerLevel> loggers();

    /**
     * @param logger a logger's name, or {@code root}
     * @return its level, set or inherited
     */
    LoggerLevel logger(String logger);

    /**
     * Sets the level of a logger and of the loggers below it.
     *
     * @param logger a logger's name, or {@code root}
     * @param level the level, such as {@code DEBUG}
     * @return the loggers whose level changed, sorted
     */
    List<String> setLoggerLevel(String logger, String level);
}
