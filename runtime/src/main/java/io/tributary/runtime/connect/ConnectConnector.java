package io.tributary.runtime.connect;

import io.tributary.connect.convert.ConnectConfigs;
import io.tributary.runtime.plugins.AdaptedConnector;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.connector.Connector;
import java.util.List;
import java.util.Map;

/** What the source and sink connector adapters share: the calls that are the same for both kinds. */
abstract class ConnectConnector<C extends org.apache.kafka.connect.connector.Connector>
        implements Connector, AdaptedConnector {
    final C connector;
    final ClassLoader loader;
    final Calls calls;

    ConnectConnector(C connector, ClassLoader loader) {
        this.connector = connector;
        this.loader = loader;
        this.calls = new Calls(loader);
    }

    @Override
    public String version() {
        return calls.get(connector::version);
    }

    @Override
    public ConfigDef config() {
        return calls.get(() -> ConnectConfigs.toSdk(connector.config()));
    }

    @Override
    public ConfigValidation validate(Map<String, String> connectorConfig) {
        return calls.get(() -> ConnectConfigs.toSdk(connector.validate(connectorConfig)));
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return calls.get(() -> connector.taskConfigs(maxTasks));
    }

    @Override
    public void stop() {
        calls.run(connector::stop);
    }

    /** @return a new instance of the connector's task class, of the Connect kind given */
    <T> T newConnectTask(Class<T> kind) {
        return ConnectTasks.instantiate(connector.taskClass(), kind);
    }
}
