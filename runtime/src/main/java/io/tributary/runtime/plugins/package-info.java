/**
 * Plugin isolation and the plugin registry. {@link io.tributary.runtime.plugins.Plugins} scans {@code
 * plugin.path} (folders of plugins, plugin JARs and bundle ZIPs) and the runtime's own class path, gives each
 * plugin a child-first {@link io.tributary.runtime.plugins.PluginClassLoader} that shares the JDK, the SDK and
 * the logging API with the runtime, and makes plugin instances by class name or alias. Discovery itself is the
 * SDK's {@link io.tributary.sdk.plugin.PluginDiscovery}, shared with the packaging plugin.
 */
package io.tributary.runtime.plugins;
