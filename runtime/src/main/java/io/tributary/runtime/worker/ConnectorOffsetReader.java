package io.tributary.runtime.worker;

import io.tributary.runtime.storage.OffsetStore;
import io.tributary.sdk.source.OffsetStorageReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one connector's committed source offsets from the offset store. */
final class ConnectorOffsetReader implements OffsetStorageReader {
    private final String connector;
    private final OffsetStore store;

    ConnectorOffsetReader(String connector, OffsetStore store) {
        this.connector = connector;
        this.store = store;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Map<String, Object> offset(Map<String, T> partition) {
        return store.offsets(connector, List.of((Map<String, Object>) partition))
                .get(partition);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        List<Map<String, Object>> asked = new ArrayList<>();
        partitions.forEach(p -> asked.add((Map<String, Object>) p));
        Map<Map<String, T>, Map<String, Object>> found = new LinkedHashMap<>();
        store.offsets(connector, asked).forEach((p, o) -> found.put((Map<String, T>) (Map<String, ?>) p, o));
        return found;
    }
}
