package io.tributary.testkit.driver;

import io.tributary.sdk.source.OffsetStorageReader;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The committed source offsets of one {@link SourceTaskDriver}, readable by the task through its
 * context. Synchronized, because the reader's contract allows calls from any thread.
 */
final class SourceOffsetStore implements OffsetStorageReader {
    private final Map<Map<String, ?>, Map<String, ?>> committed = new LinkedHashMap<>();

    synchronized void put(Map<String, ?> partition, Map<String, ?> offset) {
        committed.put(frozen(partition), frozen(offset));
    }

    synchronized Map<String, ?> get(Map<String, ?> partition) {
        return committed.get(partition);
    }

    synchronized Map<Map<String, ?>, Map<String, ?>> snapshot() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(committed));
    }

    @Override
    public synchronized <T> Map<String, Object> offset(Map<String, T> partition) {
        Objects.requireNonNull(partition, "partition");
        Map<String, ?> offset = committed.get(partition);
        return offset == null ? null : Collections.unmodifiableMap(new LinkedHashMap<String, Object>(offset));
    }

    @Override
    public synchronized <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        Objects.requireNonNull(partitions, "partitions");
        Map<Map<String, T>, Map<String, Object>> found = new LinkedHashMap<>();
        for (Map<String, T> partition : partitions) {
            Map<String, Object> offset = offset(partition);
            if (offset != null) {
                found.put(partition, offset);
            }
        }
        return Collections.unmodifiableMap(found);
    }

    private static Map<String, ?> frozen(Map<String, ?> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
