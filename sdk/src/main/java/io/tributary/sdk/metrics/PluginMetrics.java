package io.tributary.sdk.metrics;

import io.tributary.sdk.annotation.Experimental;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Lets a plugin publish its own metrics beside the runtime's. The runtime tags each metric with the
 * connector and task it belongs to (and the plugin's alias for transformations and predicates), and
 * removes the plugin's metrics when the plugin is closed or stopped.
 *
 * <pre>{@code
 * Counter rowsRead = context.metrics().counter("rows-read", "Rows read from the table", Map.of());
 * context.metrics().gauge("lag-ms", "How far behind the table the task is", Map.of(), this::lagMillis);
 * }</pre>
 *
 * <p>Thread-safe. Registering a name twice with the same tags replaces the earlier metric.
 *
 * <p><b>Not honoured yet:</b> the runtime has no metrics system: contexts return {@link
 * PluginMetrics#NONE}, so what a plugin registers is published nowhere, and {@link
 * Monitorable#withPluginMetrics} is never called.
 */
@Experimental
public interface PluginMetrics {

    /** Metrics that go nowhere, for contexts without a metrics system (for example in unit tests). */
    PluginMetrics NONE = new PluginMetrics() {
        @Override
        public Counter counter(String name, String description, Map<String, String> tags) {
            return amount -> {};
        }

        @Override
        public void gauge(
                String name, String description, Map<String, String> tags, Supplier<? extends Number> value) {}

        @Override
        public void remove(String name, Map<String, String> tags) {}
    };

    /**
     * Registers a counter: a total that only grows.
     *
     * @param name the metric's name, in lower case with dashes, such as {@code rows-read}; never null
     * @param description what it counts; never null
     * @param tags extra tags that tell metrics of the same name apart; never null, may be empty
     * @return the counter to increment; never null
     */
    Counter counter(String name, String description, Map<String, String> tags);

    /**
     * Registers a gauge: a value read when metrics are collected.
     *
     * @param name the metric's name; never null
     * @param description what it measures; never null
     * @param tags extra tags; never null, may be empty
     * @param value read on the metrics thread; must be quick and thread-safe; never null
     */
    void gauge(String name, String description, Map<String, String> tags, Supplier<? extends Number> value);

    /**
     * Removes a metric registered before; does nothing if there is none.
     *
     * @param name the metric's name; never null
     * @param tags the tags it was registered with; never null
     */
    void remove(String name, Map<String, String> tags);
}
