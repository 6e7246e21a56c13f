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
 */
record RegisteredPlugin(PluginType type, Class<?> pluginClass, ClassLoader loader, String version, String location) {

    String className() {
        return pluginClass.getName();
    }

    PluginDescriptor descriptor() {
        return new PluginDescriptor(type, className(), version, location);
    }
}
