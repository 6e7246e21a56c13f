package io.tributary.connect;

import io.tributary.connect.convert.ConnectConfigs;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.connector.Connector;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;

/**
 * What the source and sink connector adapters share: the SDK connector they run, made anew when Connect
 * starts it again, the settings it was started with, and the calls that do not depend on its kind.
 *
 * @param <C> the SDK connector's kind
 */
final class ConnectorLife<C extends Connector> {
    private final boolean sink;
    private C connector;
    private boolean started;
    private Map<String, String> settings = Map.of();

    ConnectorLife(C connector, boolean sink) {
        this.connector = connector;
        this.sink = sink;
    }

    /** @return the SDK connector now running, or to run */
    C connector() {
        return connector;
    }

    /**
     * Starts the SDK connector with its settings parsed.
     *
     * @param start starts the SDK connector with its name and parsed settings
     */
    void start(Map<String, String> props, BiConsumer<String, ParsedConfig> start) {
        // Connect starts a connector again after stopping it to pause it; an SDK connector starts once.
        if (started) {
            connector = SdkInstances.fresh(connector);
        }
        started = true;
        settings = Map.copyOf(props);
        ConnectErrors.run(() -> start.accept(props.get("name"), TaskSettings.connectorConfig(connector, props, sink)));
    }

    List<Map<String, String>> taskConfigs(int maxTasks) {
        return TaskSettings.forTasks(
                settings, connector.taskClass(), ConnectErrors.call(() -> connector.taskConfigs(maxTasks)));
    }

    void stop() {
        ConnectErrors.run(connector::stop);
    }

    ConfigDef config() {
        return ConnectConfigs.toConnect(connector.config());
    }

    Config validate(Map<String, String> connectorConfigs) {
        return ConnectConfigs.toConnect(
                ConnectErrors.call(() -> connector.validate(connectorConfigs)), connector.config());
    }
}
