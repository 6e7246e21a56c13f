package io.tributary.sdk.plugin;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.converter.Converter;
import io.tributary.sdk.converter.HeaderConverter;
import io.tributary.sdk.provider.ConfigProvider;
import io.tributary.sdk.sink.SinkConnector;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.transforms.Predicate;
import io.tributary.sdk.transforms.Transformation;
import java.util.Locale;

/**
 * The kinds of plugin, each with the SDK interface it implements. A plugin JAR lists its classes of
 * each kind in {@code META-INF/services/<interface name>}, one fully qualified class name per line.
 */
@Stable
public enum PluginType {
    /** A {@link SourceConnector}. */
    SOURCE(SourceConnector.class),
    /** A {@link SinkConnector}. */
    SINK(SinkConnector.class),
    /** A {@link Converter}. */
    CONVERTER(Converter.class),
    /** A {@link HeaderConverter}. */
    HEADER_CONVERTER(HeaderConverter.class),
    /** A {@link Transformation}. */
    TRANSFORMATION(Transformation.class),
    /** A {@link Predicate}. */
    PREDICATE(Predicate.class),
    /** A {@link ConfigProvider}. */
    CONFIG_PROVIDER(ConfigProvider.class);

    private final Class<?> pluginInterface;

    PluginType(Class<?> pluginInterface) {
        this.pluginInterface = pluginInterface;
    }

    /** @return the SDK interface plugins of this kind implement; never null */
    public Class<?> pluginInterface() {
        return pluginInterface;
    }

    /** @return the resource that lists plugins of this kind, {@code META-INF/services/<interface>} */
    public String serviceFile() {
        return "META-INF/services/" + pluginInterface.getName();
    }

    /** @return the name the REST API and the CLI show, such as {@code source} or {@code header_converter} */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
