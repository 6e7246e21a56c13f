package io.tributary.testkit.contract;

import io.tributary.sdk.source.SourceRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What makes two polled records the same record: where it comes from and what it holds. Whole numbers
 * in partitions and offsets compare as longs, as the runtime stores them, so a task that reads back an
 * offset it wrote as an int still makes the same record.
 */
record SeenRecord(Map<String, Object> partition, Map<String, Object> offset, Object key, Object value) {

    static SeenRecord of(SourceRecord record) {
        return new SeenRecord(
                normalized(record.sourcePartition()), normalized(record.sourceOffset()), record.key(), record.value());
    }

    static List<SeenRecord> of(List<SourceRecord> records) {
        return records.stream().map(SeenRecord::of).toList();
    }

    /** The records of each source partition, in the order they were polled. */
    static Map<Map<String, ?>, List<SeenRecord>> byPartition(List<SourceRecord> records) {
        Map<Map<String, ?>, List<SeenRecord>> partitions = new LinkedHashMap<>();
        for (SourceRecord record : records) {
            SeenRecord seen = of(record);
            partitions.computeIfAbsent(seen.partition(), p -> new ArrayList<>()).add(seen);
        }
        return partitions;
    }

    private static Map<String, Object> normalized(Map<String, ?> map) {
        if (map == null) {
            return null;
        }
        Map<String, Object> normal = new LinkedHashMap<>();
        map.forEach((name, value) -> normal.put(
                name,
                value instanceof Byte || value instanceof Short || value instanceof Integer
                        ? Long.valueOf(((Number) value).longValue())
                        : value));
        return normal;
    }

    @Override
    public String toString() {
        return "{offset=" + offset + ", key=" + key + ", value=" + value + "}";
    }
}
