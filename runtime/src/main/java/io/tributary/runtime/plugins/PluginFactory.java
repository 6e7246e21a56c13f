package io.tributary.runtime.plugins;

/**
 * Makes plugin instances by class name or alias, each in the class loader of the plugin that holds
 * it, so a connector's transformations, converters and predicates come from the right place.
 */
public interface PluginFactory {

    /**
     * Instantiates a plugin with its public no-argument constructor.
     *
     * @param classNameOrAlias a fully qualified class name, a Kafka Connect class name the runtime maps
     *     to its own implementation, or a short alias such as {@code InsertField$Value}
     * @param type the interface the plugin must implement
     * @param <T> the plugin type
     * @return a new instance
     * @throws io.tributary.sdk.errors.ConfigException naming the class and saying why it cannot be made:
     *     not found on plugin.path, not of the expected type, or its constructor failed
     */
    <T> T newPlugin(String classNameOrAlias, Class<T> type);
}
