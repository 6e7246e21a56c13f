package io.tributary.connect;

import io.tributary.connect.convert.ConnectRecords;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.sink.SinkConnector;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;

/**
 * An SDK sink connector as Kafka Connect runs one. A connector's Connect bundle holds a subclass of this for
 * each SDK sink connector, named by {@link ConnectNames}, whose constructor gives it a new SDK connector.
 */
public abstract class TributarySinkConnector extends org.apache.kafka.connect.sink.SinkConnector {
    private final ConnectorLife<SinkConnector> life;

    /** @param connector the SDK connector this one runs, new */
    protected TributarySinkConnector(SinkConnector connector) {
        this.life = new ConnectorLife<>(connector, true);
    }

    @Override
    public String version() {
        return life.connector().version();
    }

    @Override
    public void start(Map<String, String> props) {
        life.start(props, (name, config) -> life.connector().start(Contexts.sink(name, config, context())));
    }

    @Override
    public Class<? extends Task> taskClass() {
        return TaskClasses.sink(getClass(), life.connector().taskClass());
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
    public boolean alterOffsets(
            Map<String, String> connectorConfig, Map<org.apache.kafka.common.TopicPartition, Long> offsets) {
        Map<TopicPartition, Long> converted = ConnectRecords.positionsToSdk(offsets);
        return ConnectErrors.call(() -> life.connector().alterOffsets(connectorConfig, converted));
    }
}
