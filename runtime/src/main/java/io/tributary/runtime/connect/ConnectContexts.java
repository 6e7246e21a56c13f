package io.tributary.runtime.connect;

import io.tributary.sdk.connector.ConnectorContext;
import io.tributary.sdk.source.OffsetStorageReader;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.common.metrics.PluginMetrics;

/** The contexts Connect plugins get from their runtime, backed by the ones the worker gives the adapters. */
final class ConnectContexts {
    private ConnectContexts() {}

    /** A connector's context, with an offset reader for a source connector. */
    static org.apache.kafka.connect.source.SourceConnectorContext connector(
            ConnectorContext context, OffsetStorageReader offsets) {
        return new org.apache.kafka.connect.source.SourceConnectorContext() {
            @Override
            public void requestTaskReconfiguration() {
                context.requestTaskReconfiguration();
            }

            @Override
            public void raiseError(Exception error) {
                context.raiseError(error);
            }

            @Override
            public PluginMetrics pluginMetrics() {
                throw noMetrics();
            }

            @Override
            public org.apache.kafka.connect.storage.OffsetStorageReader offsetStorageReader() {
                return reader(offsets);
            }
        };
    }

    /** A sink connector's context. */
    static org.apache.kafka.connect.sink.SinkConnectorContext sinkConnector(ConnectorContext context) {
        return new org.apache.kafka.connect.sink.SinkConnectorContext() {
            @Override
            public void requestTaskReconfiguration() {
                context.requestTaskReconfiguration();
            }

            @Override
            public void raiseError(Exception error) {
                context.raiseError(error);
            }

            @Override
            public PluginMetrics pluginMetrics() {
                throw noMetrics();
            }
        };
    }

    /** The SDK's offset reader as Connect's; offsets are maps of the same JSON-like values in both. */
    static org.apache.kafka.connect.storage.OffsetStorageReader reader(OffsetStorageReader offsets) {
        return new org.apache.kafka.connect.storage.OffsetStorageReader() {
            @Override
            public <T> Map<String, Object> offset(Map<String, T> partition) {
                return offsets.offset(partition);
            }

            @Override
            public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                return offsets.offsets(partitions);
            }
        };
    }

    /** Connect 4.1's plugin metrics (KIP-877) are not given to Connect plugins yet. */
    static UnsupportedOperationException noMetrics() {
        return new UnsupportedOperationException("Tributary does not give Kafka Connect plugins their own metrics"
                + " (pluginMetrics(), KIP-877) yet; a plugin that asks for them cannot run on it yet");
    }
}
