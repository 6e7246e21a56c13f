package io.tributary.connectors.jdbc;

import io.tributary.sdk.data.Date;
import io.tributary.sdk.data.Decimal;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Time;
import io.tributary.sdk.data.Timestamp;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Reads a column's schema from JDBC metadata, and its value as the SDK's type. */
final class Columns {
    private Columns() {}

    /** @return the schema of column {@code index}, optional when the column is nullable */
    static Schema schema(ResultSetMetaData metadata, int index) throws SQLException {
        boolean optional = metadata.isNullable(index) != ResultSetMetaData.columnNoNulls;
        SchemaBuilder builder = switch (metadata.getColumnType(index)) {
            case Types.TINYINT -> SchemaBuilder.int8();
            case Types.SMALLINT -> SchemaBuilder.int16();
            case Types.INTEGER -> SchemaBuilder.int32();
            case Types.BIGINT -> SchemaBuilder.int64();
            case Types.REAL -> SchemaBuilder.float32();
            case Types.FLOAT, Types.DOUBLE -> SchemaBuilder.float64();
            case Types.NUMERIC, Types.DECIMAL -> Decimal.builder(Math.max(0, metadata.getScale(index)));
            case Types.BOOLEAN, Types.BIT -> SchemaBuilder.bool();
            case Types.DATE -> Date.builder();
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> Time.builder();
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> Timestamp.builder();
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> SchemaBuilder.bytes();
            default -> SchemaBuilder.string();
        };
        return (optional ? builder.optional() : builder).build();
    }

    static boolean zoned(String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(java.util.Locale.ROOT);
        return name.equals("timestamptz") || name.contains("with time zone");
    }

    /** @return the value of column {@code index} of the current row, as the schema's type */
    static Object value(ResultSet row, int index, int sqlType, String typeName, Schema schema) throws SQLException {
        Object value = switch (sqlType) {
            case Types.TINYINT -> (byte) row.getInt(index);
            case Types.SMALLINT -> (short) row.getInt(index);
            case Types.INTEGER -> row.getInt(index);
            case Types.BIGINT -> row.getLong(index);
            case Types.REAL -> row.getFloat(index);
            case Types.FLOAT, Types.DOUBLE -> row.getDouble(index);
            case Types.NUMERIC, Types.DECIMAL -> {
                var decimal = row.getBigDecimal(index);
                yield decimal == null ? null : decimal.setScale(Decimal.scale(schema));
            }
            case Types.BOOLEAN, Types.BIT -> row.getBoolean(index);
            case Types.DATE -> row.getObject(index, LocalDate.class);
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> row.getObject(index, LocalTime.class);
            case Types.TIMESTAMP_WITH_TIMEZONE -> {
                OffsetDateTime time = row.getObject(index, OffsetDateTime.class);
                yield time == null ? null : time.toInstant();
            }
            case Types.TIMESTAMP -> {
                if (zoned(typeName)) {
                    // PostgreSQL reports timestamptz as TIMESTAMP.
                    OffsetDateTime time = row.getObject(index, OffsetDateTime.class);
                    yield time == null ? null : time.toInstant();
                }
                // A timestamp without a zone is taken as UTC.
                java.sql.Timestamp plain = row.getTimestamp(index);
                yield plain == null ? null : plain.toLocalDateTime().toInstant(ZoneOffset.UTC);
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> row.getBytes(index);
            default -> row.getString(index);
        };
        return row.wasNull() ? null : value;
    }
}
