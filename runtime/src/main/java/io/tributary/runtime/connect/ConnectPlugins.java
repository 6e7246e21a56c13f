package io.tributary.runtime.connect;

import io.tributary.runtime.plugins.PluginAdapter;
import io.tributary.sdk.plugin.PluginType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs Kafka Connect plugins found on {@code plugin.path}: the classes their JARs list in Connect's service
 * files (such as {@code META-INF/services/org.apache.kafka.connect.source.SourceConnector}, as Connect 3.6 and
 * later find them with {@code plugin.discovery=service_load}): connectors, converters, header converters,
 * transformations, predicates and config providers, each wrapped in an adapter that the worker runs as an SDK
 * plugin.
 */
public final class ConnectPlugins implements PluginAdapter {

    private static final Map<PluginType, Class<?>> INTERFACES = interfacesByKind();

    private static Map<PluginType, Class<?>> interfacesByKind() {
        Map<PluginType, Class<?>> interfaces = new LinkedHashMap<>();
        interfaces.put(PluginType.SOURCE, org.apache.kafka.connect.source.SourceConnector.class);
        interfaces.put(PluginType.SINK, org.apache.kafka.connect.sink.SinkConnector.class);
        interfaces.put(PluginType.CONVERTER, org.apache.kafka.connect.storage.Converter.class);
        interfaces.put(PluginType.HEADER_CONVERTER, org.apache.kafka.connect.storage.HeaderConverter.class);
        interfaces.put(PluginType.TRANSFORMATION, org.apache.kafka.connect.transforms.Transformation.class);
        interfaces.put(PluginType.PREDICATE, org.apache.kafka.connect.transforms.predicates.Predicate.class);
        interfaces.put(PluginType.CONFIG_PROVIDER, org.apache.kafka.common.config.provider.ConfigProvider.class);
        return java.util.Collections.unmodifiableMap(interfaces);
    }

    @Override
    public Map<PluginType, Class<?>> interfaces() {
        return INTERFACES;
    }

    @Override
    public Object adapt(Object instance, PluginType type, ClassLoader loader) {
        return switch (type) {
            case SOURCE ->
                new ConnectSourceConnector((org.apache.kafka.connect.source.SourceConnector) instance, loader);
            case SINK -> new ConnectSinkConnector((org.apache.kafka.connect.sink.SinkConnector) instance, loader);
            case CONVERTER -> new ConnectConverter((org.apache.kafka.connect.storage.Converter) instance, loader);
            case HEADER_CONVERTER ->
                new ConnectHeaderConverter((org.apache.kafka.connect.storage.HeaderConverter) instance, loader);
            case TRANSFORMATION ->
                new ConnectTransformation<>((org.apache.kafka.connect.transforms.Transformation<?>) instance, loader);
            case PREDICATE ->
                new ConnectPredicate<>((org.apache.kafka.connect.transforms.predicates.Predicate<?>) instance, loader);
            case CONFIG_PROVIDER ->
                new ConnectConfigProvider((org.apache.kafka.common.config.provider.ConfigProvider) instance, loader);
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
