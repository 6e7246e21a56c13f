package io.tributary.connect;

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
    private final ConnectorLife<SourceConnector> life;

    /** @param connector the SDK connector this one runs, new */
    protected TributarySourceConnector(SourceConnector connector) {
        this.life = new ConnectorLife<>(connector, false);
    }

    @Override
    public String version() {
        return life.connector().version();
    }

    @Override
    public void start(Map<String, String> props) {
        life.start(props, (name, config) -> life.connector().start(Contexts.source(name, config, context())));
    }

    @Override
    public Class<? extends Task> taskClass() {
        return TaskClasses.source(getClass(), life.connector().taskClass());
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return life.taskConfigs(maxTasks);
    }

    @Override
    public void stop() {
        life.stop();
    }

    @Override
    public ConfigDef config() {
        return life.config();
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return life.validate(connectorConfigs);
    }

    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return switch (ConnectErrors.call(() -> life.connector().exactlyOnceSupport(connectorConfig))) {
            case SUPPORTED -> ExactlyOnceSupport.SUPPORTED;
            case UNSUPPORTED -> ExactlyOnceSupport.UNSUPPORTED;
        };
    }

    @Override
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
        return switch (ConnectErrors.call(() -> life.connector().canDefineTransactionBoundaries(connectorConfig))) {
            case SUPPORTED -> ConnectorTransactionBoundaries.SUPPORTED;
            case UNSUPPORTED -> ConnectorTransactionBoundaries.UNSUPPORTED;
        };
    }

    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        return ConnectErrors.call(() -> life.connector().alterOffsets(connectorConfig, offsets));
    }
}
