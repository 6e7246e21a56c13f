package io.tributary.runtime.connect;

import io.tributary.connect.convert.ConnectConfigs;
import io.tributary.connect.convert.ConnectRecords;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.sink.SinkConnector;
import io.tributary.sdk.sink.SinkConnectorContext;
import io.tributary.sdk.sink.SinkTask;
import java.util.Map;

/** A Kafka Connect sink connector, run by the worker as an SDK one. */
final class ConnectSinkConnector extends ConnectConnector<org.apache.kafka.connect.sink.SinkConnector>
        implements SinkConnector {

    ConnectSinkConnector(org.apache.kafka.connect.sink.SinkConnector connector, ClassLoader loader) {
        super(connector, loader);
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
        return calls.get(
                () -> new ConnectSinkTask(newConnectTask(org.apache.kafka.connect.sink.SinkTask.class), loader));
    }

    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<TopicPartition, Long> offsets) {
        Map<org.apache.kafka.common.TopicPartition, Long> converted = ConnectRecords.positionsToConnect(offsets);
        return calls.get(() -> connector.alterOffsets(connectorConfig, converted));
    }

    @Override
    public String toString() {
        return "Kafka Connect sink connector " + connector.getClass().getName();
    }
}
