package io.tributary.runtime.connect;

import io.tributary.runtime.plugins.AdaptedConnector;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.source.ConnectorTransactionBoundaries;
import io.tributary.sdk.source.ExactlyOnceSupport;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceConnectorContext;
import io.tributary.sdk.source.SourceTask;
import java.util.List;
import java.util.Map;

/** A Kafka Connect source connector, run by the worker as an SDK one. */
final class ConnectSourceConnector implements SourceConnector, AdaptedConnector {
    private final org.apache.kafka.connect.source.SourceConnector connector;
    private final ClassLoader loader;
    private final Calls calls;

    ConnectSourceConnector(org.apache.kafka.connect.source.SourceConnector connector, ClassLoader loader) {
        this.connector = connector;
        this.loader = loader;
        this.calls = new Calls(loader);
    }

    /** @return the Connect connector this adapter runs */
    org.apache.kafka.connect.source.SourceConnector adaptee() {
        return connector;
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
    public void start(SourceConnectorContext context) {
        calls.run(() -> {
            connector.initialize(ConnectContexts.connector(context, context.offsetReader()));
            connector.start(ConnectConfigs.strings(context.config()));
        });
    }

    @Override
    public Class<? extends SourceTask> taskClass() {
        return ConnectSourceTask.class;
    }

    @Override
    public ConnectSourceTask newTask() {
        return calls.get(() -> new ConnectSourceTask(
                ConnectTasks.instantiate(connector.taskClass(), org.apache.kafka.connect.source.SourceTask.class),
                loader));
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return calls.get(() -> connector.taskConfigs(maxTasks));
    }

    @Override
    public void stop() {
        calls.run(connector::stop);
    }

    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        org.apache.kafka.connect.source.ExactlyOnceSupport support =
                calls.get(() -> connector.exactlyOnceSupport(connectorConfig));
        return support == org.apache.kafka.connect.source.ExactlyOnceSupport.SUPPORTED
                ? ExactlyOnceSupport.SUPPORTED
                : ExactlyOnceSupport.UNSUPPORTED;
    }

    /** Unsupported: the adapters do not give Connect tasks a transaction context yet. */
    @Override
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
        return ConnectorTransactionBoundaries.UNSUPPORTED;
    }

    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        return calls.get(() -> connector.alterOffsets(connectorConfig, offsets));
    }

    @Override
    public String toString() {
        return "Kafka Connect source connector " + connector.getClass().getName();
    }
}
