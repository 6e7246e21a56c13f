package io.tributary.runtime.transforms;

import io.tributary.sdk.data.Schema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers the schema a transformation derived from each input schema, so records that share a schema
 * share the derived one and the struct transformations do not rebuild schemas per record. Keeps the
 * most recently used entries only: a topic rarely has more than a few live schema versions.
 */
final class SchemaCache<V> {
    static final int DEFAULT_CAPACITY = 16;

    private final Map<Schema, V> entries;

    SchemaCache() {
        this(DEFAULT_CAPACITY);
    }

    SchemaCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Schema, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * @param input the input schema; never null
     * @param derive makes the derived value when it is not cached; may throw
     * @return the cached or newly derived value
     */
    synchronized V get(Schema input, Function<Schema, V> derive) {
        V cached = entries.get(input);
        if (cached == null) {
            cached = derive.apply(input);
            entries.put(input, cached);
        }
        return cached;
    }

    synchronized int size() {
        return entries.size();
    }
}
