/**
 * What all plugins share: {@link io.tributary.sdk.plugin.Versioned} for reporting a version, {@link
 * io.tributary.sdk.plugin.PluginType} for the kinds of plugin and the service files that list them, and
 * {@link io.tributary.sdk.plugin.PluginDiscovery}, the one implementation of plugin discovery that the
 * runtime and the packaging plugin share.
 */
@Stable
package io.tributary.sdk.plugin;

import io.tributary.sdk.annotation.Stable;
