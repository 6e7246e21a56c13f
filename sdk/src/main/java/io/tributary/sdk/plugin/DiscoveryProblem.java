package io.tributary.sdk.plugin;

import io.tributary.sdk.annotation.Stable;
import java.net.URL;
import java.util.Objects;

/**
 * A service file entry that could not be used as a plugin, and why.
 *
 * @param type the kind of plugin the entry was listed as; never null
 * @param className the class name as listed; never null
 * @param serviceFile the service file that listed it; never null
 * @param reason what is wrong and what to do, such as {@code "has no public no-argument
 *     constructor; add one"}; never null
 */
@Stable
public record DiscoveryProblem(PluginType type, String className, URL serviceFile, String reason) {
    /** Checks that every component is given. */
    public DiscoveryProblem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(serviceFile, "serviceFile");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return type.displayName() + " " + className + " (listed in " + serviceFile + "): " + reason;
    }
}
