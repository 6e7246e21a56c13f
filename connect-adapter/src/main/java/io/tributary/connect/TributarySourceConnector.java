package io.tributary.connect;

import io.tributary.connect.convert.ConnectConfigs;
import io.tributary.sdk.source.SourceConnector;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;

/**
 * An SDK source connector as Kafka Connect runs one. A connector's Connect bundle holds a subclass of this for
 * each SDK source connector, named by {@link ConnectNames}, whose constructor gives it a new SDK connector.
 */
public abstract class TributarySourceConnector extends org.apache.kafka.connect.source.SourceConnector {
    private SourceConnector connector;
    private boolean used;
    private Map<String, String> settings = Map.of();

    /** @param connector the SDK connector this one runs, new */
    protected TributarySourceConnector(SourceConnector connector) {
        this.connector = connector;
    }

    @Override
    public String version() {
        return connector.version();
    }

    @Override
    public void start(Map<String, String> props) {
        // Connect starts a connector again after stopping it to pause it; an SDK connector starts once.
        if (used) {
            connector = SdkInstances.fresh(connector);
        }
        used = true;
        settings = Map.copyOf(props);
        ConnectErrors.run(() -> connector.start(
                Contexts.source(props.get("name"), TaskSettings.connectorConfig(connector, props, false), context())));
    }

    @Override
    public Class<? extends Task> taskClass() {
        return TaskClasses.source(getClass(), connector.taskClass());
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return TaskSettings.forTasks(
                settings, connector.taskClass(), ConnectErrors.call(() -> connector.taskConfigs(maxTasks)));
    }

    @Override
    public void stop() {
        ConnectErrors.run(connector::stop);
    }

    @Override
    public ConfigDef config() {
        return ConnectConfigs.toConnect(connector.config());
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return ConnectConfigs.toConnect(
                ConnectErrors.call(() -> connector.validate(connectorConfigs)), connector.config());
    }

    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return switch (ConnectErrors.call(() -> connector.exactlyOnceSupport(connectorConfig))) {
            case SUPPORTED -> ExactlyOnceSupport.SUPPORTED;
            case UNSUPPORTED -> ExactlyOnceSupport.UNSUPPORTED;
        };
    }

    @Override
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
        return switch (ConnectErrors.call(() -> connector.canDefineTransactionBoundaries(connectorConfig))) {
            case SUPPORTED -> ConnectorTransactionBoundaries.SUPPORTED;
            case UNSUPPORTED -> ConnectorTransactionBoundaries.UNSUPPORTED;
        };
    }

    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        return ConnectErrors.call(() -> connector.alterOffsets(connectorConfig, offsets));
    }
}
