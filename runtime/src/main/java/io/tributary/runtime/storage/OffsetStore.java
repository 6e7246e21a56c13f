package io.tributary.runtime.storage;

import java.util.Collection;
import java.util.Map;

/**
 * Where source offsets are kept between runs: per connector, a map from source partition to the last
 * committed source offset. Partitions and offsets are JSON-like maps (strings, numbers, booleans,
 * lists and maps of those). Thread-safe.
 */
public interface OffsetStore extends AutoCloseable {

    /**
     * @param connector the connector's name
     * @param partitions source partitions
     * @return the committed offset of each partition that has one; never null
     */
    Map<Map<String, Object>, Map<String, Object>> offsets(String connector, Collection<Map<String, Object>> partitions);

    /**
     * Stores offsets durably before returning; a later offset of a partition replaces an earlier one,
     * and a null offset removes the partition.
     *
     * @param connector the connector's name
     * @param offsets offsets by partition
     */
    void commit(String connector, Map<Map<String, Object>, Map<String, Object>> offsets);

    /**
     * @param connector the connector's name
     * @return every committed offset of the connector; never null
     */
    Map<Map<String, Object>, Map<String, Object>> allOffsets(String connector);

    @Override
    void close();
}
