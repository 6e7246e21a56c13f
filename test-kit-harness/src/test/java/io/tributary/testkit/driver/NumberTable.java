package io.tributary.testkit.driver;

import io.tributary.sdk.connector.TopicPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory table for {@link NumberTableSinkTask}: rows of numbers and, like a database sink that
 * keeps offsets in the same transaction as its rows, the next offset to consume of each partition.
 */
final class NumberTable {
    private static final Map<String, NumberTable> TABLES = new ConcurrentHashMap<>();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final String name;
    private final List<Object> rows = new ArrayList<>();
    private final Map<TopicPartition, Long> storedOffsets = new ConcurrentHashMap<>();

    private NumberTable(String name) {
        this.name = name;
    }

    /** @return a new, empty table under a name no other table has */
    static NumberTable create() {
        NumberTable table = new NumberTable("table-" + NAMES.incrementAndGet());
        TABLES.put(table.name, table);
        return table;
    }

    static NumberTable named(String name) {
        NumberTable table = TABLES.get(name);
        if (table == null) {
            throw new IllegalArgumentException("No table is named '" + name + "'; create it with NumberTable.create()");
        }
        return table;
    }

    String name() {
        return name;
    }

    synchronized void write(Object value) {
        rows.add(value);
    }

    synchronized List<Object> rows() {
        return List.copyOf(rows);
    }

    void storeOffset(TopicPartition partition, long nextOffset) {
        storedOffsets.put(partition, nextOffset);
    }

    Optional<Long> storedOffset(TopicPartition partition) {
        return Optional.ofNullable(storedOffsets.get(partition));
    }
}
