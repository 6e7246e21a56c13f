package io.tributary.sdk.metrics;

import io.tributary.sdk.annotation.Experimental;

/**
 * Implemented by a converter, header converter, transformation, predicate or config provider that
 * publishes metrics. The runtime calls {@link #withPluginMetrics} once, right after {@code
 * configure}. Connectors and tasks do not need this: their contexts offer {@code metrics()}.
 *
 * <p><b>Not honoured yet:</b> the runtime has no metrics system and never calls {@link
 * #withPluginMetrics}.
 */
@Experimental
public interface Monitorable {

    /**
     * Hands the plugin its metrics.
     *
     * @param metrics where to register the plugin's metrics; never null
     */
    void withPluginMetrics(PluginMetrics metrics);
}
