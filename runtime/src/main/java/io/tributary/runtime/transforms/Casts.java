package io.tributary.runtime.transforms;

import io.tributary.sdk.data.Date;
import io.tributary.sdk.data.Decimal;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Time;
import io.tributary.sdk.data.Timestamp;
import io.tributary.sdk.data.Values;
import io.tributary.sdk.errors.DataException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

/**
 * What {@link Cast} can cast to what, and the casts themselves. Primitive values cast to any target type;
 * decimals to numbers and strings; bytes, dates, times and timestamps to strings only. Numbers narrow only
 * when the target holds them (300 does not become an INT8), and lose their fraction toward zero.
 */
final class Casts {
    private static final Set<String> TEMPORAL = Set.of(Date.LOGICAL_NAME, Time.LOGICAL_NAME, Timestamp.LOGICAL_NAME);

    private Casts() {}

    /**
     * @return the schema of a cast value: the target type, optional when the source is, with the source's
     *     default cast too
     * @throws DataException naming the source type when it cannot be cast to the target
     */
    static Schema castSchema(Schema source, Schema.Type target) {
        String refusal = refusal(source, target);
        if (refusal != null) {
            throw new DataException(refusal);
        }
        SchemaBuilder builder = SchemaBuilder.type(target);
        if (source.isOptional()) {
            builder.optional();
        }
        if (source.defaultValue() != null) {
            builder.defaultValue(cast(source.defaultValue(), source, target));
        }
        return builder.build();
    }

    private static String refusal(Schema source, Schema.Type target) {
        String described = source.name() != null ? source.name() : source.type().name();
        if (Decimal.LOGICAL_NAME.equals(source.name())) {
            return target == Schema.Type.BOOLEAN ? "a Decimal casts to numbers and strings, not to BOOLEAN" : null;
        }
        if ((source.name() != null && TEMPORAL.contains(source.name())) || source.type() == Schema.Type.BYTES) {
            return target == Schema.Type.STRING ? null : described + " casts only to STRING, not to " + target;
        }
        return source.type().isPrimitive() ? null : source.type() + " cannot be cast; cast its fields instead";
    }

    /**
     * Casts a value.
     *
     * @param value the value; may be null
     * @param schema the value's schema; null for a schemaless value
     * @param target the type to cast to
     * @return the cast value; null for null
     * @throws DataException if the value cannot be cast
     */
    static Object cast(Object value, Schema schema, Schema.Type target) {
        if (value == null) {
            return null;
        }
        if (schema == null) {
            checkSchemaless(value, target);
        }
        return switch (target) {
            case INT8 -> Values.convertToByte(schema, value);
            case INT16 -> Values.convertToShort(schema, value);
            case INT32 -> Values.convertToInteger(schema, value);
            case INT64 -> Values.convertToLong(schema, value);
            case FLOAT32 -> Values.convertToFloat(schema, value);
            case FLOAT64 -> Values.convertToDouble(schema, value);
            case BOOLEAN -> toBoolean(value);
            case STRING -> Values.convertToString(schema, value);
            default -> throw new IllegalArgumentException("Not a cast target: " + target);
        };
    }

    private static void checkSchemaless(Object value, Schema.Type target) {
        boolean primitive = value instanceof Number || value instanceof Boolean || value instanceof String;
        boolean stringOnly = value instanceof byte[]
                || value instanceof ByteBuffer
                || value instanceof LocalDate
                || value instanceof LocalTime
                || value instanceof Instant;
        if (value instanceof BigDecimal && target == Schema.Type.BOOLEAN) {
            throw new DataException("a BigDecimal casts to numbers and strings, not to BOOLEAN");
        }
        if (stringOnly && target != Schema.Type.STRING) {
            throw new DataException(Schemas.typeOf(value) + " casts only to STRING, not to " + target);
        }
        if (!primitive && !stringOnly) {
            throw new DataException(Schemas.typeOf(value) + " cannot be cast; cast its fields instead");
        }
    }

    private static Boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Float || value instanceof Double) {
            return ((Number) value).doubleValue() != 0;
        }
        if (value instanceof Number number) {
            return number.longValue() != 0;
        }
        return Values.convertToBoolean(null, value);
    }
}
