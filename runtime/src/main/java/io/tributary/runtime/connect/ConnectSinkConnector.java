package io.tributary.runtime.connect;

import io.tributary.runtime.plugins.AdaptedConnector;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.sink.SinkConnector;
import io.tributary.sdk.sink.SinkConnectorContext;
import io.tributary.sdk.sink.SinkTask;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Kafka Connect sink connector, run by the worker as an SDK one. */
final class ConnectSinkConnector implements SinkConnector, AdaptedConnector {
    private final org.apache.kafka.connect.sink.SinkConnector connector;
    private final ClassLoader loader;
    private final Calls calls;

    ConnectSinkConnector(org.apache.kafka.connect.sink.SinkConnector connector, ClassLoader loader) {
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
    public void start(SinkConnectorContext context) {
        calls.run(() -> {
            connector.initialize(ConnectContexts.sinkConnector(context));
            connector.start(ConnectConfigs.strings(context.config()));
        });
    }

    @Override
    public Class<? extends SinkTask> taskClass() {
        return ConnectSinkTask.class;
    }

    @Override
    public ConnectSinkTask newTask() {
        return calls.get(() -> new ConnectSinkTask(
                ConnectTasks.instantiate(connector.taskClass(), org.apache.kafka.connect.sink.SinkTask.class), loader));
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
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<TopicPartition, Long> offsets) {
        Map<org.apache.kafka.common.TopicPartition, Long> converted = new LinkedHashMap<>();
        offsets.forEach((partition, offset) -> converted.put(ConnectRecords.toConnect(partition), offset));
        return calls.get(() -> connector.alterOffsets(connectorConfig, converted));
    }

    @Override
    public String toString() {
        return "Kafka Connect sink connector " + connector.getClass().getName();
    }
}
