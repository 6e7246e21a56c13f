package io.tributary.runtime.plugins;

import io.tributary.sdk.plugin.PluginType;
import java.util.Objects;

/**
 * A plugin class the runtime can make, as listed by {@code tributary plugins} and the REST API.
 *
 * @param type the kind of plugin; never null
 * @param className the fully qualified class name; never null
 * @param version what the plugin reports through {@code Versioned.version()}, or {@value
 *     io.tributary.sdk.plugin.Versioned#UNKNOWN_VERSION} if it does not report one or could not be made;
 *     never null
 * @param location the plugin's folder, JAR or bundle ZIP on {@code plugin.path}, or {@value
 *     Plugins#BUILT_IN} for the runtime's own plugins; never null
 */
public record PluginDescriptor(PluginType type, String className, String version, String location) {
    /** Checks that every component is given. */
    public PluginDescriptor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(location, "location");
    }

    /** @return whether the plugin comes with the runtime rather than from {@code plugin.path} */
    public boolean builtIn() {
        return Plugins.BUILT_IN.equals(location);
    }
}
