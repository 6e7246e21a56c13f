package io.tributary.runtime.connect;

import io.tributary.connect.convert.ConnectConfigs;
import io.tributary.sdk.source.ConnectorTransactionBoundaries;
import io.tributary.sdk.source.ExactlyOnceSupport;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceConnectorContext;
import io.tributary.sdk.source.SourceTask;
import java.util.Map;

/** A Kafka Connect source connector, run by the worker as an SDK one. */
final class ConnectSourceConnector extends ConnectConnector<org.apache.kafka.connect.source.SourceConnector>
        implements SourceConnector {

    ConnectSourceConnector(org.apache.kafka.connect.source.SourceConnector connector, ClassLoader loader) {
        super(connector, loader);
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
        return calls.get(
                () -> new ConnectSourceTask(newConnectTask(org.apache.kafka.connect.source.SourceTask.class), loader));
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
