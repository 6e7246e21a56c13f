package io.tributary.runtime.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts source partitions and offsets into the form they have after a round trip through JSON, so a
 * partition written as {@code {"shard": 1}} (an Integer) finds its offset again after a restart, when it
 * reads back as {@code {"shard": 1L}}: whole numbers become Long, other numbers Double, inside lists and
 * maps too.
 */
final class OffsetMaps {
    private OffsetMaps() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> normalize(Map<String, ?> map) {
        if (map == null) {
            return null;
        }
        Map<String, Object> normalized = new LinkedHashMap<>();
        map.forEach((key, value) -> normalized.put(key, normalizeValue(value)));
        return normalized;
    }

    @SuppressWarnings("unchecked")
    private static Object normalizeValue(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            return normalize((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> normalized = new ArrayList<>(list.size());
            list.forEach(element -> normalized.add(normalizeValue(element)));
            return normalized;
        }
        return value;
    }
}
