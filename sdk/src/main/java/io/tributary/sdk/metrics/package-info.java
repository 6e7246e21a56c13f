/**
 * Metrics that plugins publish beside the runtime's: connectors and tasks reach {@link
 * io.tributary.sdk.metrics.PluginMetrics} through their context's {@code metrics()}; converters,
 * transformations, predicates and config providers implement {@link
 * io.tributary.sdk.metrics.Monitorable} to receive it.
 */
@Evolving
package io.tributary.sdk.metrics;

import io.tributary.sdk.annotation.Evolving;
