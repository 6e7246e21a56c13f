package io.tributary.connectors.jdbc;

import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.source.SourceRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the new rows of one table (or of the custom query) in the connector's mode, from an offset on.
 * The source partition is the table ({@code {"table": name}}, or {@code {"query": "query"}}); the offset
 * holds the last incrementing value and timestamp read, as the widely used JDBC connector keeps them.
 */
final class TableQuerier {
    static final String INCREMENTING = "incrementing";
    static final String TIMESTAMP = "timestamp";
    static final String TIMESTAMP_NANOS = "timestamp_nanos";

    private final Dialect dialect;
    private final String table;
    private final String query;
    private final String mode;
    private String incrementingColumn;
    private String timestampColumn;
    private boolean resolved;
    private final String topic;
    private final Map<String, String> partition;
    private Long lastIncrementing;
    private Instant lastTimestamp;
    private long nextPollMillis;

    TableQuerier(
            Dialect dialect,
            String table,
            String query,
            String mode,
            String incrementingColumn,
            String timestampColumn,
            String topic,
            Map<String, Object> offset) {
        this.dialect = dialect;
        this.table = table;
        this.query = query;
        this.mode = mode;
        this.incrementingColumn = incrementingColumn;
        this.timestampColumn = timestampColumn;
        this.topic = topic;
        this.partition = partition(table, query);
        if (offset != null) {
            Object incrementing = offset.get(INCREMENTING);
            lastIncrementing = incrementing instanceof Number n ? n.longValue() : null;
            Object millis = offset.get(TIMESTAMP);
            if (millis instanceof Number n) {
                Object nanos = offset.get(TIMESTAMP_NANOS);
                lastTimestamp = Instant.ofEpochMilli(n.longValue())
                        .plusNanos(nanos instanceof Number extra ? extra.longValue() % 1_000_000 : 0);
            }
        }
    }

    Map<String, String> partition() {
        return partition;
    }

    /** @return the source partition of a table, or of the custom query */
    static Map<String, String> partition(String table, String query) {
        return query != null ? Map.of("query", "query") : Map.of("table", table);
    }

    String name() {
        return query != null ? "the query" : "table " + table;
    }

    long nextPollMillis() {
        return nextPollMillis;
    }

    void delayNextPoll(long untilMillis) {
        nextPollMillis = untilMillis;
    }

    /** Reads the rows after the offset, at most {@code maxRows}, oldest first. */
    List<SourceRecord> poll(Connection connection, int maxRows) throws SQLException {
        String source = query != null ? "(" + query + ") AS q" : dialect.quote(table);
        if (!resolved) {
            resolveColumns(connection, source);
        }
        String inc = incrementingColumn == null ? null : dialect.quote(incrementingColumn);
        String ts = timestampColumn == null ? null : dialect.quote(timestampColumn);
        String sql = switch (mode) {
            case "incrementing" -> "SELECT * FROM " + source + " WHERE " + inc + " > ? ORDER BY " + inc + " ASC";
            case "timestamp" -> "SELECT * FROM " + source + " WHERE " + ts + " > ? ORDER BY " + ts + " ASC";
            case "timestamp+incrementing" ->
                "SELECT * FROM " + source + " WHERE " + ts + " > ? OR (" + ts + " = ? AND " + inc + " > ?) ORDER BY "
                        + ts + " ASC, " + inc + " ASC";
            default -> "SELECT * FROM " + source;
        };
        List<SourceRecord> records = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setMaxRows(mode.equals("bulk") ? 0 : maxRows);
            OffsetDateTime since =
                    (lastTimestamp == null ? Instant.EPOCH.minusSeconds(1) : lastTimestamp).atOffset(ZoneOffset.UTC);
            switch (mode) {
                case "incrementing" ->
                    statement.setLong(1, lastIncrementing == null ? Long.MIN_VALUE : lastIncrementing);
                case "timestamp" -> bindTime(statement, 1, since);
                case "timestamp+incrementing" -> {
                    bindTime(statement, 1, since);
                    bindTime(statement, 2, since);
                    statement.setLong(3, lastIncrementing == null ? Long.MIN_VALUE : lastIncrementing);
                }
                default -> {}
            }
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData metadata = rows.getMetaData();
                Schema schema = schema(metadata);
                while (rows.next()) {
                    records.add(record(rows, metadata, schema));
                }
            }
        }
        return records;
    }

    /** Finds the configured columns among the source's, in any case, as databases fold unquoted names. */
    private void resolveColumns(Connection connection, String source) throws SQLException {
        List<String> labels = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + source + " WHERE 1 = 0");
                ResultSet none = statement.executeQuery()) {
            for (int i = 1; i <= none.getMetaData().getColumnCount(); i++) {
                labels.add(none.getMetaData().getColumnLabel(i));
            }
        }
        incrementingColumn = find(labels, incrementingColumn, "incrementing.column.name");
        timestampColumn = find(labels, timestampColumn, "timestamp.column.name");
        resolved = true;
    }

    private String find(List<String> labels, String configured, String setting) {
        if (configured == null) {
            return null;
        }
        return labels.stream()
                .filter(label -> label.equalsIgnoreCase(configured))
                .findFirst()
                .orElseThrow(() -> new io.tributary.sdk.errors.TributaryException(
                        name() + " has no column '" + configured + "' (" + setting + "); its columns are " + labels));
    }

    /** Binds the last timestamp: as an offset time, which compares right with and without a zone in UTC. */
    private void bindTime(PreparedStatement statement, int index, OffsetDateTime since) throws SQLException {
        if (dialect instanceof Dialect.MySql) {
            statement.setTimestamp(index, java.sql.Timestamp.valueOf(since.toLocalDateTime()));
        } else {
            statement.setObject(index, since);
        }
    }

    private Schema schema(ResultSetMetaData metadata) throws SQLException {
        SchemaBuilder builder = SchemaBuilder.struct().name(query != null ? "query" : table);
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            builder.field(metadata.getColumnLabel(i), Columns.schema(metadata, i));
        }
        return builder.build();
    }

    private SourceRecord record(ResultSet row, ResultSetMetaData metadata, Schema schema) throws SQLException {
        Struct.Builder value = Struct.builder(schema);
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            String name = metadata.getColumnLabel(i);
            Schema fieldSchema = schema.field(name).orElseThrow().schema();
            value.put(
                    name, Columns.value(row, i, metadata.getColumnType(i), metadata.getColumnTypeName(i), fieldSchema));
        }
        Struct struct = value.build();
        Map<String, Object> offset = new LinkedHashMap<>();
        if (incrementingColumn != null && mode.contains("incrementing")) {
            lastIncrementing = ((Number) struct.get(incrementingColumn)).longValue();
            offset.put(INCREMENTING, lastIncrementing);
        }
        if (timestampColumn != null && mode.startsWith("timestamp")) {
            lastTimestamp = (Instant) struct.get(timestampColumn);
            offset.put(TIMESTAMP, lastTimestamp.toEpochMilli());
            offset.put(TIMESTAMP_NANOS, (long) lastTimestamp.getNano());
        }
        if (offset.isEmpty()) {
            offset.put("bulk", System.currentTimeMillis());
        }
        return SourceRecord.builder()
                .sourcePartition(partition)
                .sourceOffset(offset)
                .topic(topic)
                .value(schema, struct)
                .build();
    }
}
