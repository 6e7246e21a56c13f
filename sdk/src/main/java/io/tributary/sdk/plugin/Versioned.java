package io.tributary.sdk.plugin;

import io.tributary.sdk.annotation.Stable;

/**
 * A plugin that reports its version. Connectors and tasks must; converters, transformations,
 * predicates and config providers may, and the runtime shows {@value #UNKNOWN_VERSION} for those that
 * do not. The runtime lists versions in {@code tributary plugins}, so an operator can tell which build
 * is deployed.
 */
@Stable
public interface Versioned {
    /** What the runtime shows for a plugin that does not report a version. */
    String UNKNOWN_VERSION = "unknown";

    /**
     * Returns the plugin's version. Called on any thread, in any lifecycle state, also on an instance
     * that was never started; it must be cheap and must not fail.
     *
     * @return the version, such as {@code 1.4.0}; never null
     */
    String version();
}
