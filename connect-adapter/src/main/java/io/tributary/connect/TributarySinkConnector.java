package io.tributary.connect;

import io.tributary.connect.convert.ConnectConfigs;
import io.tributary.connect.convert.ConnectRecords;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.sink.SinkConnector;
import java.util.LinkedHashMap;
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
    private SinkConnector connector;
    private boolean used;
    private Map<String, String> settings = Map.of();

    /** @param connector the SDK connector this one runs, new */
    protected TributarySinkConnector(SinkConnector connector) {
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
                Contexts.sink(props.get("name"), TaskSettings.connectorConfig(connector, props, true), context())));
    }

    @Override
    public Class<? extends Task> taskClass() {
        return TaskClasses.sink(getClass(), connector.taskClass());
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
    public boolean alterOffsets(
            Map<String, String> connectorConfig, Map<org.apache.kafka.common.TopicPartition, Long> offsets) {
        Map<TopicPartition, Long> converted = new LinkedHashMap<>();
        offsets.forEach((partition, offset) -> converted.put(ConnectRecords.toSdk(partition), offset));
        return ConnectErrors.call(() -> connector.alterOffsets(connectorConfig, converted));
    }
}
