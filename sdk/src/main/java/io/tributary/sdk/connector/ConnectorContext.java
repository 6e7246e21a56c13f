package io.tributary.sdk.connector;

import io.tributary.sdk.annotation.Experimental;
import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.metrics.PluginMetrics;

/**
 * The runtime's side of a running connector, handed to it at start. Its methods may be called from
 * any thread, including threads the connector started itself, until the connector is stopped.
 */
@Stable
public interface ConnectorContext {

    /** @return the connector's name, unique within the cluster; never null */
    String connectorName();

    /**
     * Returns the connector's configuration, already validated against {@link Connector#config()} and
     * with config-provider references such as {@code ${file:/etc/secrets:password}} resolved.
     *
     * @return the typed configuration; never null
     */
    ParsedConfig config();

    /**
     * Asks the runtime to call {@link Connector#taskConfigs(int)} again, because the work has changed
     * (a table was added, a topic appeared). The runtime calls back soon on its own thread.
     */
    void requestTaskReconfiguration();

    /**
     * Reports a failure the connector cannot recover from, such as a background monitoring thread
     * losing its connection for good. The runtime marks the connector {@code FAILED} with this
     * exception's message and trace and stops it.
     *
     * @param error what went wrong; never null
     */
    void raiseError(Exception error);

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
