package io.tributary.runtime.plugins;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something on {@code plugin.path} that could not be used, in whole or in part, and why.
 *
 * @param location the plugin's folder, JAR or bundle ZIP, or the {@code plugin.path} entry at fault; for a
 *     built-in plugin, the JAR or folder on the runtime's class path; never null
 * @param reason what is wrong and what to do about it, phrased to follow the location, such as {@code "is not
 *     a readable ZIP file (zip END header not found); build or download the bundle again"}; never null
 */
public record PluginProblem(Path location, String reason) {
    /** Checks that every component is given. */
    public PluginProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return location + " " + reason;
    }
}
