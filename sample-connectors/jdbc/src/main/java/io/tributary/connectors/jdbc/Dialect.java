package io.tributary.connectors.jdbc;

import io.tributary.sdk.data.Date;
import io.tributary.sdk.data.Decimal;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.Time;
import io.tributary.sdk.data.Timestamp;
import io.tributary.sdk.errors.DataException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/** What differs between databases: quoting, column types, and how an upsert is written. */
abstract class Dialect {
    /** @return the dialect of a JDBC URL */
    static Dialect of(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new Postgres();
        }
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            return new MySql();
        }
        if (url.startsWith("jdbc:h2:")) {
            return new H2();
        }
        throw new IllegalArgumentException("No dialect for " + url + "; use PostgreSQL, MySQL, MariaDB or H2");
    }

    abstract String name();

    String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** @return the column type of a field's schema */
    String columnType(Schema schema, boolean key) {
        String logical = schema.name();
        if (Decimal.LOGICAL_NAME.equals(logical)) {
            return "NUMERIC(38, " + Decimal.scale(schema) + ")";
        }
        if (Date.LOGICAL_NAME.equals(logical)) {
            return "DATE";
        }
        if (Time.LOGICAL_NAME.equals(logical)) {
            return "TIME";
        }
        if (Timestamp.LOGICAL_NAME.equals(logical)) {
            return "TIMESTAMP WITH TIME ZONE";
        }
        return switch (schema.type()) {
            case INT8, INT16 -> "SMALLINT";
            case INT32 -> "INTEGER";
            case INT64 -> "BIGINT";
            case FLOAT32 -> "REAL";
            case FLOAT64 -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case STRING -> stringType(key);
            case BYTES -> bytesType();
            default ->
                throw new DataException("A field of type " + schema.type()
                        + " has no column type; flatten structs, and write arrays and maps as JSON strings");
        };
    }

    String stringType(boolean key) {
        return "TEXT";
    }

    String bytesType() {
        return "BYTEA";
    }

    /** @return INSERT INTO table (columns) VALUES (?, ...) */
    String insert(String table, List<String> columns) {
        return "INSERT INTO " + quote(table) + " (" + list(columns) + ") VALUES (" + marks(columns.size()) + ")";
    }

    /** @return the statement that inserts a row, or replaces the row of the same key */
    abstract String upsert(String table, List<String> keys, List<String> columns);

    /** @return UPDATE table SET non-key columns WHERE keys */
    String update(String table, List<String> keys, List<String> columns) {
        List<String> values = columns.stream().filter(c -> !keys.contains(c)).toList();
        return "UPDATE " + quote(table) + " SET "
                + values.stream().map(c -> quote(c) + " = ?").collect(Collectors.joining(", ")) + " WHERE "
                + keys.stream().map(c -> quote(c) + " = ?").collect(Collectors.joining(" AND "));
    }

    String delete(String table, List<String> keys) {
        return "DELETE FROM " + quote(table) + " WHERE "
                + keys.stream().map(c -> quote(c) + " = ?").collect(Collectors.joining(" AND "));
    }

    /** Binds a value of the SDK's types to a parameter. */
    void bind(PreparedStatement statement, int index, Schema schema, Object value) throws SQLException {
        if (value == null) {
            statement.setObject(index, null);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        } else if (value instanceof LocalDate || value instanceof LocalTime || value instanceof BigDecimal) {
            statement.setObject(index, value);
        } else if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            statement.setBytes(index, bytes);
        } else if (value instanceof Byte b) {
            statement.setShort(index, b);
        } else {
            statement.setObject(index, value);
        }
    }

    String list(List<String> columns) {
        return columns.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** PostgreSQL: ON CONFLICT ... DO UPDATE. */
    static final class Postgres extends Dialect {
        @Override
        String name() {
            return "PostgreSQL";
        }

        @Override
        String upsert(String table, List<String> keys, List<String> columns) {
            List<String> values =
                    columns.stream().filter(c -> !keys.contains(c)).toList();
            return insert(table, columns) + " ON CONFLICT (" + list(keys) + ") DO "
                    + (values.isEmpty()
                            ? "NOTHING"
                            : "UPDATE SET "
                                    + values.stream()
                                            .map(c -> quote(c) + " = EXCLUDED." + quote(c))
                                            .collect(Collectors.joining(", ")));
        }
    }

    /** MySQL and MariaDB: ON DUPLICATE KEY UPDATE, backticks, and bounded strings for keys. */
    static final class MySql extends Dialect {
        @Override
        String name() {
            return "MySQL/MariaDB";
        }

        @Override
        String quote(String identifier) {
            return '`' + identifier.replace("`", "``") + '`';
        }

        @Override
        String columnType(Schema schema, boolean key) {
            String logical = schema.name();
            if (Decimal.LOGICAL_NAME.equals(logical)) {
                return "DECIMAL(65, " + Decimal.scale(schema) + ")";
            }
            if (Timestamp.LOGICAL_NAME.equals(logical)) {
                // DATETIME keeps the value as written; TIMESTAMP would convert it and bring server defaults.
                return "DATETIME(3)";
            }
            if (Time.LOGICAL_NAME.equals(logical)) {
                return "TIME(3)";
            }
            return switch (schema.type()) {
                case INT8 -> "TINYINT";
                case FLOAT32 -> "FLOAT";
                case FLOAT64 -> "DOUBLE";
                default -> super.columnType(schema, key);
            };
        }

        @Override
        String stringType(boolean key) {
            return key ? "VARCHAR(255)" : "TEXT";
        }

        @Override
        String bytesType() {
            return "BLOB";
        }

        @Override
        String upsert(String table, List<String> keys, List<String> columns) {
            List<String> values =
                    columns.stream().filter(c -> !keys.contains(c)).toList();
            List<String> updates = values.isEmpty() ? keys : values;
            return insert(table, columns) + " ON DUPLICATE KEY UPDATE "
                    + updates.stream()
                            .map(c -> quote(c) + " = VALUES(" + quote(c) + ")")
                            .collect(Collectors.joining(", "));
        }

        @Override
        void bind(PreparedStatement statement, int index, Schema schema, Object value) throws SQLException {
            if (value instanceof Instant instant) {
                statement.setTimestamp(index, java.sql.Timestamp.from(instant));
            } else {
                super.bind(statement, index, schema, value);
            }
        }
    }

    /** H2: MERGE INTO ... KEY. */
    static final class H2 extends Dialect {
        @Override
        String name() {
            return "H2";
        }

        @Override
        String stringType(boolean key) {
            return "CHARACTER VARYING";
        }

        @Override
        String bytesType() {
            return "BINARY VARYING";
        }

        @Override
        String upsert(String table, List<String> keys, List<String> columns) {
            return "MERGE INTO " + quote(table) + " (" + list(columns) + ") KEY (" + list(keys) + ") VALUES ("
                    + marks(columns.size()) + ")";
        }
    }
}
