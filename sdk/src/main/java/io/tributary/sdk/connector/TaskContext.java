package io.tributary.sdk.connector;

import io.tributary.sdk.annotation.Experimental;
import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.metrics.PluginMetrics;
import java.util.Map;

/**
 * What source and sink task contexts share. Handed to a task at start; valid until it stops.
 */
@Stable
public interface TaskContext {

    /** @return which task this is; never null */
    TaskId taskId();

    /**
     * Returns the configuration the connector made for this task in {@link
     * Connector#taskConfigs(int)}, with config-provider references resolved.
     *
     * @return the task's configuration; unmodifiable, never null
     */
    Map<String, String> config();

    /**
     * Returns the task's configuration parsed against a definition: typed getters that check each
     * setting's type, defaults applied, and every invalid or missing setting reported at once. A task
     * calls it first thing in {@code start}, usually with the definition of its connector or a part of
     * it; settings the definition does not name are kept in {@link ParsedConfig#originals()}.
     *
     * <pre>{@code
     * ParsedConfig settings = context.config(MyConnector.TASK_CONFIG);
     * String topic = settings.getString("topic");
     * }</pre>
     *
     * @param definition the settings the task reads
     * @return the parsed configuration; never null
     * @throws ConfigException listing every invalid setting, which fails the task with that message
     */
    default ParsedConfig config(ConfigDef definition) {
        return definition.parse(config());
    }

    /**
     * Returns where the plugin can publish its own metrics, tagged with this connector or task. The
     * default publishes nowhere.
     *
     * <p><b>Not honoured yet:</b> the runtime has no metrics system and does not override the default,
     * so what is registered here is published nowhere.
     *
     * @return the plugin's metrics; never null
     */
    @Experimental
    default PluginMetrics metrics() {
        return PluginMetrics.NONE;
    }
}
