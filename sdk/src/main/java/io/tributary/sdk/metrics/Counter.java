package io.tributary.sdk.metrics;

import io.tributary.sdk.annotation.Evolving;

/** A total that only grows, registered through {@link PluginMetrics}. Thread-safe. */
@Evolving
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
