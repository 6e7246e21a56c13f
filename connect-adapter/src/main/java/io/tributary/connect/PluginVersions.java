package io.tributary.connect;

import io.tributary.sdk.plugin.Versioned;

/** The version Connect lists for an SDK plugin that may not tell its own. */
final class PluginVersions {
    private PluginVersions() {}

    /**
     * @return the plugin's own version if it tells one; else its JAR's {@code Implementation-Version}; else
     *     {@value Versioned#UNKNOWN_VERSION}
     */
    static String of(Object plugin) {
        if (plugin instanceof Versioned versioned) {
            return versioned.version();
        }
        String version = plugin.getClass().getPackage() == null
                ? null
                : plugin.getClass().getPackage().getImplementationVersion();
        return version == null ? Versioned.UNKNOWN_VERSION : version;
    }
}
