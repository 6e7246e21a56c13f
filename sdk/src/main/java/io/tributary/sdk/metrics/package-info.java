/**
 * Metrics that plugins publish beside the runtime's: connectors and tasks reach {@link
 * io.tributary.sdk.metrics.PluginMetrics} through their context's {@code metrics()}; converters,
 * transformations, predicates and config providers implement {@link
 * io.tributary.sdk.metrics.Monitorable} to receive it.
 *
 * <p><b>Not honoured yet:</b> the runtime has no metrics system: contexts return {@link
 * io.tributary.sdk.metrics.PluginMetrics#NONE}, so registered metrics are published nowhere, and
 * {@link io.tributary.sdk.metrics.Monitorable#withPluginMetrics} is never called.
 */
@Experimental
package io.tributary.sdk.metrics;

import io.tributary.sdk.annotation.Experimental;
