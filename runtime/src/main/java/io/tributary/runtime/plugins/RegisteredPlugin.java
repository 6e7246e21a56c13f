package io.tributary.runtime.plugins;

import io.tributary.sdk.plugin.PluginType;

/**
 * A usable plugin class and the loader to make it in.
 *
 * @param type the kind of plugin
 * @param pluginClass the class
 * @param loader the plugin's class loader, or the runtime's for a built-in plugin
 * @param version the version the plugin reports, or {@code unknown}
 * @param location the plugin's path, or {@value Plugins#BUILT_IN}
 * @param adapter the adapter that makes the class usable as its kind's SDK type, or null for an SDK plugin
 */
record RegisteredPlugin(
        PluginType type,
        Class<?> pluginClass,
        ClassLoader loader,
        String version,
        String location,
        PluginAdapter adapter) {

    /**
     * @param sdkType an SDK interface the worker asks for
     * @return whether this plugin can be made as one: its class implements it, or it is adapted to it
     */
    boolean is(Class<?> sdkType) {
        return PluginAdapter.makes(adapter, pluginClass, sdkType);
    }

    String className() {
        return pluginClass.getName();
    }

    PluginDescriptor descriptor() {
        return new PluginDescriptor(type, className(), version, location);
    }
}
