package io.tributary.runtime.plugins;

import io.tributary.sdk.plugin.PluginType;
import java.util.Map;
import java.util.Optional;

/**
 * Makes plugins written against another API, such as Kafka Connect's, usable as the SDK types the worker
 * runs. The registry finds adapters on the runtime's class path with {@link java.util.ServiceLoader}: each
 * names the interfaces it discovers plugins by, through their service files, and wraps each instance the
 * worker asks for.
 */
public interface PluginAdapter {

    /**
     * @return for each kind of plugin this adapter handles, the foreign interface whose service file lists
     *     such plugins (such as {@code META-INF/services/org.apache.kafka.connect.sink.SinkConnector})
     */
    Map<PluginType, Class<?>> interfaces();

    /**
     * @param pluginClass a plugin class this adapter discovered
     * @param sdkType the SDK interface the worker asks for
     * @return the kind the class can be made as that interface, such as a Connect converter that is both a
     *     converter and a header converter asked for as one of them; empty if it cannot
     */
    default Optional<PluginType> kindAs(Class<?> pluginClass, Class<?> sdkType) {
        return interfaces().entrySet().stream()
                .filter(kind -> sdkType.isAssignableFrom(kind.getKey().pluginInterface()))
                .filter(kind -> kind.getValue().isAssignableFrom(pluginClass))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /**
     * @param instance a new instance of a plugin class this adapter discovered
     * @param type the kind of plugin it was discovered as
     * @param loader the plugin's class loader, which every call into the plugin must run with
     * @return the instance as the SDK type of that kind
     */
    Object adapt(Object instance, PluginType type, ClassLoader loader);

    /**
     * @param instance a throwaway instance of a plugin class this adapter discovered
     * @return the version it reports, or null if it reports none
     */
    String version(Object instance);

    /** @return a short name for messages and listings, such as {@code Kafka Connect} */
    String name();

    /**
     * @param adapter the adapter of a plugin class from another API; null for an SDK plugin class
     * @param pluginClass the plugin class
     * @param sdkType an SDK interface the worker asks for
     * @return whether the class can be made as one: it implements it, or its adapter makes it one
     */
    static boolean makes(PluginAdapter adapter, Class<?> pluginClass, Class<?> sdkType) {
        return adapter == null
                ? sdkType.isAssignableFrom(pluginClass)
                : adapter.kindAs(pluginClass, sdkType).isPresent();
    }
}
