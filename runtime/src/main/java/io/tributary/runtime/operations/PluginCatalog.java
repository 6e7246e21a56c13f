package io.tributary.runtime.operations;

import io.tributary.runtime.control.ControlException;
import io.tributary.runtime.control.PluginInfo;
import io.tributary.runtime.control.SettingReport;
import io.tributary.runtime.control.ValidationReport;
import io.tributary.runtime.plugins.PluginDescriptor;
import io.tributary.runtime.plugins.Plugins;
import io.tributary.runtime.worker.ConnectorConfig;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.config.ConfigValue;
import io.tributary.sdk.connector.Connector;
import io.tributary.sdk.converter.Converter;
import io.tributary.sdk.converter.HeaderConverter;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.plugin.PluginType;
import io.tributary.sdk.sink.SinkConnector;
import io.tributary.sdk.transforms.Predicate;
import io.tributary.sdk.transforms.Transformation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What a worker's plugins are, what settings they take, and how a configuration measures up to them. */
public final class PluginCatalog {
    private final Plugins plugins;

    /** @param plugins the worker's plugins */
    public PluginCatalog(Plugins plugins) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
    }

    /**
     * Lists plugins in Kafka Connect's order: sink connectors, source connectors, transformations,
     * predicates, converters, header converters, each kind sorted by class name.
     *
     * @param connectorsOnly whether to list connectors alone
     * @return the plugins, each class once per kind
     */
    public List<PluginInfo> list(boolean connectorsOnly) {
        List<PluginType> order = connectorsOnly
                ? List.of(PluginType.SINK, PluginType.SOURCE)
                : List.of(
                        PluginType.SINK,
                        PluginType.SOURCE,
                        PluginType.TRANSFORMATION,
                        PluginType.PREDICATE,
                        PluginType.CONVERTER,
                        PluginType.HEADER_CONVERTER);
        Set<PluginInfo> listed = new LinkedHashSet<>();
        for (PluginType type : order) {
            plugins.plugins(type).stream()
                    .sorted(Comparator.comparing(PluginDescriptor::className))
                    .forEach(p -> listed.add(new PluginInfo(p.className(), type.displayName(), p.version())));
        }
        return List.copyOf(listed);
    }

    /**
     * @param plugin a plugin's class name, simple name, alias, or a connector's simple name without its
     *     {@code Connector} suffix
     * @return the settings it takes; for a connector, the settings every connector takes first
     */
    public List<ConfigKey> config(String plugin) {
        PluginType type = typeOf(plugin);
        return switch (type) {
            case SOURCE, SINK -> ownKeysFirst(newConnector(plugin));
            case CONVERTER ->
                plugins.newPlugin(plugin, Converter.class).config().keys();
            case HEADER_CONVERTER ->
                plugins.newPlugin(plugin, HeaderConverter.class).config().keys();
            case TRANSFORMATION ->
                plugins.newPlugin(plugin, Transformation.class).config().keys();
            case PREDICATE ->
                plugins.newPlugin(plugin, Predicate.class).config().keys();
            case CONFIG_PROVIDER -> List.of();
        };
    }

    /** A connector's settings as Kafka Connect lists them: its own, then the common ones it does not define. */
    private static List<ConfigKey> ownKeysFirst(Connector connector) {
        List<ConfigKey> keys = new ArrayList<>(connector.config().keys());
        ConnectorConfig.DEFINITION.keys().stream()
                .filter(key -> connector.config().key(key.name()).isEmpty())
                .forEach(keys::add);
        return keys;
    }

    /**
     * @param connectorClass a connector's class name or alias
     * @return a fresh instance of it
     * @throws ControlException NOT_FOUND if no connector has that name
     */
    public Connector newConnector(String connectorClass) {
        String name = canonical(connectorClass);
        try {
            return plugins.newPlugin(name, Connector.class);
        } catch (ConfigException e) {
            throw notFound(connectorClass);
        }
    }

    /**
     * Calls plugin code with the plugin's class loader as the thread's context loader, as the plugin expects.
     *
     * @param plugin the plugin's class name or alias
     * @param call the call
     * @return what the call returned
     */
    public <T> T withLoaderOf(String plugin, java.util.function.Supplier<T> call) {
        return Plugins.withLoader(plugins.loaderFor(canonical(plugin)), call);
    }

    /**
     * @param connector a connector
     * @return every setting it takes: those every connector takes, then its own
     */
    public static ConfigDef connectorDefinition(Connector connector) {
        ConfigDef.Builder merged = ConnectorConfig.DEFINITION.toBuilder();
        connector.config().keys().stream()
                .filter(key -> ConnectorConfig.DEFINITION.key(key.name()).isEmpty())
                .forEach(merged::define);
        return merged.build();
    }

    /**
     * @param connector a connector
     * @return {@code sink} or {@code source}
     */
    public static String typeName(Connector connector) {
        return connector instanceof SinkConnector ? "sink" : "source";
    }

    /**
     * Shapes a worker's validation of a configuration as the REST API shows it.
     *
     * @param connectorClass the connector class the configuration is for
     * @param validation every setting's outcome
     * @return the report: each outcome with its definition, a definition made up for settings that have none
     */
    public ValidationReport report(String connectorClass, ConfigValidation validation) {
        ConfigDef definition;
        try {
            definition = connectorDefinition(newConnector(connectorClass));
        } catch (ControlException e) {
            definition = ConnectorConfig.DEFINITION;
        }
        List<SettingReport> settings = new ArrayList<>();
        Set<String> groups = new LinkedHashSet<>();
        for (ConfigValue value : validation.values()) {
            ConfigKey key = definition
                    .key(value.name())
                    .orElseGet(() -> ConfigKey.builder(value.name(), ConfigDef.Type.STRING)
                            .defaultValue(null)
                            .build());
            if (key.group() != null) {
                groups.add(key.group());
            }
            settings.add(new SettingReport(key, value));
        }
        int errors =
                (int) validation.values().stream().filter(v -> !v.isValid()).count();
        return new ValidationReport(connectorClass, errors, List.copyOf(groups), settings);
    }

    /**
     * @param plugin a plugin's name as {@link #config(String)} takes it
     * @return the class name it stands for
     * @throws ControlException NOT_FOUND if no plugin has that name
     */
    public String canonical(String plugin) {
        for (String candidate : candidates(plugin)) {
            try {
                plugins.loaderFor(candidate);
                return candidate;
            } catch (ConfigException e) {
                // try the next spelling
            }
        }
        throw notFound(plugin);
    }

    private PluginType typeOf(String plugin) {
        String name = canonical(plugin);
        Class<?> pluginClass;
        try {
            pluginClass = Class.forName(name, false, plugins.loaderFor(name));
        } catch (ClassNotFoundException | ConfigException e) {
            pluginClass = aliasTarget(name);
        }
        for (PluginType type : PluginType.values()) {
            if (type.pluginInterface().isAssignableFrom(pluginClass)) {
                return type;
            }
        }
        throw notFound(plugin);
    }

    private Class<?> aliasTarget(String alias) {
        for (PluginType type : PluginType.values()) {
            try {
                return plugins.newPlugin(alias, type.pluginInterface()).getClass();
            } catch (ConfigException e) {
                // not of this kind
            }
        }
        return Object.class;
    }

    private static List<String> candidates(String plugin) {
        if (plugin == null || plugin.isBlank()) {
            return List.of();
        }
        String name = plugin.trim();
        return name.endsWith("Connector") ? List.of(name) : List.of(name, name + "Connector");
    }

    private static ControlException notFound(String plugin) {
        return ControlException.notFound("Unknown plugin " + plugin + ".");
    }
}
