package io.tributary.runtime.connect;

import io.tributary.runtime.plugins.PluginAdapter;
import io.tributary.sdk.plugin.PluginType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs Kafka Connect plugins found on {@code plugin.path}: the classes their JARs list in Connect's service
 * files ({@code META-INF/services/org.apache.kafka.connect.source.SourceConnector} and {@code
 * ...sink.SinkConnector}, as Connect 3.6 and later find them with {@code plugin.discovery=service_load}),
 * each wrapped in an adapter that the worker runs as an SDK plugin.
 */
public final class ConnectPlugins implements PluginAdapter {

    @Override
    public Map<PluginType, Class<?>> interfaces() {
        Map<PluginType, Class<?>> interfaces = new LinkedHashMap<>();
        interfaces.put(PluginType.SOURCE, org.apache.kafka.connect.source.SourceConnector.class);
        interfaces.put(PluginType.SINK, org.apache.kafka.connect.sink.SinkConnector.class);
        return interfaces;
    }

    @Override
    public Object adapt(Object instance, PluginType type, ClassLoader loader) {
        return switch (type) {
            case SOURCE ->
                new ConnectSourceConnector((org.apache.kafka.connect.source.SourceConnector) instance, loader);
            case SINK -> new ConnectSinkConnector((org.apache.kafka.connect.sink.SinkConnector) instance, loader);
            default ->
                throw new IllegalArgumentException(
                        "Kafka Connect " + type.displayName() + " plugins are not run yet: " + instance.getClass());
        };
    }

    @Override
    public String version(Object instance) {
        return instance instanceof org.apache.kafka.connect.components.Versioned versioned ? versioned.version() : null;
    }

    @Override
    public String name() {
        return "Kafka Connect";
    }
}
