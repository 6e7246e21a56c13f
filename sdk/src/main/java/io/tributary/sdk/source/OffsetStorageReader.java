package io.tributary.sdk.source;

import io.tributary.sdk.annotation.Stable;
import java.util.Collection;
import java.util.Map;

/**
 * Reads the last committed offset of source partitions. Source partitions and offsets are maps whose
 * values are strings, numbers, booleans, or lists and maps of those, so they serialize to JSON.
 *
 * <p>Calls may block while offsets are read from storage; they are safe from any thread.
 */
@Stable
public interface OffsetStorageReader {

    /**
     * @param partition the source partition, as the task put it in its records; never null
     * @param <T> the type of the partition's values
     * @return the last committed offset of that partition; null if none was committed
     */
    <T> Map<String, Object> offset(Map<String, T> partition);

    /**
     * @param partitions the source partitions; never null
     * @param <T> the type of the partitions' values
     * @return the last committed offset of each partition that has one; unmodifiable, never null
     */
    <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions);
}
