package io.tributary.runtime.storage;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps source offsets in memory only: for embedded workers and tests that need no restart. */
public final class MemoryOffsetStore implements OffsetStore {
    private final Map<String, Map<Map<String, Object>, Map<String, Object>>> offsets = new ConcurrentHashMap<>();

    @Override
    public synchronized Map<Map<String, Object>, Map<String, Object>> offsets(
            String connector, Collection<Map<String, Object>> partitions) {
        Map<Map<String, Object>, Map<String, Object>> stored = offsets.getOrDefault(connector, Map.of());
        Map<Map<String, Object>, Map<String, Object>> found = new LinkedHashMap<>();
        partitions.forEach(p -> {
            Map<String, Object> key = OffsetMaps.normalize(p);
            if (stored.containsKey(key)) {
                found.put(p, stored.get(key));
            }
        });
        return found;
    }

    @Override
    public synchronized void commit(String connector, Map<Map<String, Object>, Map<String, Object>> changes) {
        Map<Map<String, Object>, Map<String, Object>> stored =
                offsets.computeIfAbsent(connector, c -> new LinkedHashMap<>());
        changes.forEach((partition, offset) -> {
            if (offset == null) {
                stored.remove(OffsetMaps.normalize(partition));
            } else {
                stored.put(OffsetMaps.normalize(partition), OffsetMaps.normalize(offset));
            }
        });
    }

    @Override
    public synchronized Map<Map<String, Object>, Map<String, Object>> allOffsets(String connector) {
        return new LinkedHashMap<>(offsets.getOrDefault(connector, Map.of()));
    }

    @Override
    public void close() {}
}
