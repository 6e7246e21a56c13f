package io.tributary.runtime.convert;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.Function;

/**
 * A bounded map that forgets the least recently used entry when full. Thread-safe; values are computed under
 * its lock, so the function must be quick and must not use the cache.
 */
final class LruCache<K, V> {
    private final int capacity;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(16, 0.75f, true);

    /** @param capacity the most entries kept; 0 keeps none */
    LruCache(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Returns the value for a key, computing and keeping it when absent.
     *
     * @param key the key; never null
     * @param compute makes the value; an exception it throws propagates and nothing is kept
     * @return the value; never null
     */
    synchronized V computeIfAbsent(K key, Function<? super K, ? extends V> compute) {
        V value = entries.get(key);
        if (value == null) {
            value = compute.apply(key);
            if (capacity > 0) {
                entries.put(key, value);
                if (entries.size() > capacity) {
                    Iterator<K> eldest = entries.keySet().iterator();
                    eldest.next();
                    eldest.remove();
                }
            }
        }
        return value;
    }

    /** @return the value kept for a key, marking it used; null when none is kept */
    synchronized V get(K key) {
        return entries.get(key);
    }

    /** @return how many entries are kept */
    synchronized int size() {
        return entries.size();
    }
}
