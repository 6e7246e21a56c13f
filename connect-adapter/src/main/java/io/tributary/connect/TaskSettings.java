package io.tributary.connect;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.connector.Connector;
import io.tributary.sdk.connector.TaskId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the adapters add to the settings Connect passes around. Connect tells a task neither its connector's
 * name nor its number, and tells a connector only its own settings; the SDK gives both to every task. So the
 * connector adapter adds settings to each task's, which the task adapter reads and removes before the SDK task
 * sees them.
 */
final class TaskSettings {
    /** The SDK task class, for a task whose Connect class was not generated. */
    static final String TASK_CLASS = "tributary.task.class";

    static final String CONNECTOR = "tributary.task.connector";
    static final String TASK = "tributary.task.id";

    /**
     * The connector's {@code errors.tolerance}: Connect gives a sink task no errant record reporter unless a
     * dead letter queue or error logging is set, and the SDK task's reporter then skips the record or fails
     * the task by it.
     */
    static final String TOLERANCE = "tributary.task.errors.tolerance";

    private TaskSettings() {}

    /** @return each task's settings, with what its task adapter needs added */
    static List<Map<String, String>> forTasks(
            Map<String, String> connectorSettings, Class<?> taskClass, List<Map<String, String>> configs) {
        String connector = connectorSettings.get("name");
        String tolerance = connectorSettings.getOrDefault("errors.tolerance", "none");
        List<Map<String, String>> tasks = new ArrayList<>(configs.size());
        for (int i = 0; i < configs.size(); i++) {
            Map<String, String> settings = new LinkedHashMap<>(configs.get(i));
            settings.put(TASK_CLASS, taskClass.getName());
            settings.put(CONNECTOR, connector == null ? "" : connector);
            settings.put(TASK, Integer.toString(i));
            settings.put(TOLERANCE, tolerance);
            tasks.add(settings);
        }
        return tasks;
    }

    /** @return whether the connector tolerates every error, as its settings say */
    static boolean toleratesAll(Map<String, String> settings) {
        return "all".equalsIgnoreCase(settings.getOrDefault(TOLERANCE, "none").trim());
    }

    /** @return the task's id from its settings, as its connector adapter wrote it */
    static TaskId taskId(Map<String, String> settings) {
        String task = settings.getOrDefault(TASK, "0");
        return new TaskId(settings.getOrDefault(CONNECTOR, ""), Integer.parseInt(task));
    }

    /** @return the settings as the SDK task gets them: without what the adapters added */
    static Map<String, String> own(Map<String, String> settings) {
        Map<String, String> own = new LinkedHashMap<>(settings);
        own.remove(TASK_CLASS);
        own.remove(CONNECTOR);
        own.remove(TASK);
        own.remove(TOLERANCE);
        // Connect's worker adds the task's Connect class; the SDK task never asked for it.
        own.remove("task.class");
        return own;
    }

    /**
     * @return a connector's settings parsed as the Tributary runtime parses them for its context: by the
     *     connector's own definition, beside the settings every connector has
     */
    static ParsedConfig connectorConfig(Connector connector, Map<String, String> settings, boolean sink) {
        ConfigDef own = connector.config();
        ConfigDef.Builder common = ConfigDef.builder();
        common.define(ConfigKey.builder("name", ConfigDef.Type.STRING).defaultValue(null));
        common.define(
                ConfigKey.builder("connector.class", ConfigDef.Type.STRING).defaultValue(null));
        common.define(ConfigKey.builder("tasks.max", ConfigDef.Type.INT).defaultValue(1));
        if (sink) {
            common.define(ConfigKey.builder("topics", ConfigDef.Type.LIST).defaultValue(List.of()));
            common.define(
                    ConfigKey.builder("topics.regex", ConfigDef.Type.STRING).defaultValue(""));
        }
        ConfigDef.Builder merged = own.toBuilder();
        for (ConfigKey key : common.build().keys()) {
            if (own.key(key.name()).isEmpty()) {
                merged.define(key);
            }
        }
        return merged.build().parse(settings);
    }
}
