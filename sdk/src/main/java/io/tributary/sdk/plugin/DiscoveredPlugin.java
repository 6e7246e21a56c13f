package io.tributary.sdk.plugin;

import io.tributary.sdk.annotation.Stable;
import java.net.URL;
import java.util.Objects;

/**
 * A plugin class found in a service file and checked to be usable: it implements its kind's
 * interface, is public and concrete, and has a public no-argument constructor.
 *
 * @param type the kind of plugin; never null
 * @param pluginClass the class, loaded but not initialized; never null
 * @param serviceFile the service file that listed it; never null
 */
@Stable
public record DiscoveredPlugin(PluginType type, Class<?> pluginClass, URL serviceFile) {
    /** Checks that every component is given. */
    public DiscoveredPlugin {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(pluginClass, "pluginClass");
        Objects.requireNonNull(serviceFile, "serviceFile");
    }

    /** @return the plugin's fully qualified class name */
    public String className() {
        return pluginClass.getName();
    }
}
