package io.tributary.sdk.metrics;

import io.tributary.sdk.annotation.Experimental;

/**
 * A total that only grows, registered through {@link PluginMetrics}. Thread-safe.
 *
 * <p><b>Not honoured yet:</b> the runtime has no metrics system; see {@link PluginMetrics}.
 */
@Experimental
@FunctionalInterface
public interface Counter {

    /**
     * Adds to the total.
     *
     * @param amount how much to add; not negative
     */
    void increment(long amount);

    /** Adds one to the total. */
    default void increment() {
        increment(1);
    }
}
