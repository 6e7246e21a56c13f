package io.tributary.runtime.transforms;

import io.tributary.sdk.data.Date;
import io.tributary.sdk.data.Decimal;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.Time;
import io.tributary.sdk.data.Timestamp;
import io.tributary.sdk.data.Values;
import io.tributary.sdk.errors.DataException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * The values {@link MaskField} puts in place of masked ones: the "empty" value of the type (0, false, "",
 * an empty list, the epoch, ...) or the configured replacement converted to the type.
 */
final class Masks {
    private Masks() {}

    /**
     * @param schema the masked field's schema
     * @param replacement the configured replacement; null for the type's empty value
     * @return the mask for the field, which fits its schema
     * @throws DataException if fields of this schema cannot be masked
     */
    static Object forSchema(Schema schema, String replacement) {
        if (replacement != null) {
            if (!schema.type().isPrimitive()) {
                throw new DataException(schema.type() + " fields can only be masked without a 'replacement'");
            }
            return Values.convertTo(schema, Schema.STRING_SCHEMA, replacement);
        }
        if (schema.name() != null) {
            switch (schema.name()) {
                case Decimal.LOGICAL_NAME -> {
                    return BigDecimal.ZERO.setScale(Decimal.scale(schema));
                }
                case Date.LOGICAL_NAME -> {
                    return LocalDate.EPOCH;
                }
                case Time.LOGICAL_NAME -> {
                    return LocalTime.MIDNIGHT;
                }
                case Timestamp.LOGICAL_NAME -> {
                    return Instant.EPOCH;
                }
                default -> {}
            }
        }
        return switch (schema.type()) {
            case INT8 -> (byte) 0;
            case INT16 -> (short) 0;
            case INT32 -> 0;
            case INT64 -> 0L;
            case FLOAT32 -> 0f;
            case FLOAT64 -> 0d;
            case BOOLEAN -> false;
            case STRING -> "";
            case BYTES -> new byte[0];
            case ARRAY -> List.of();
            case MAP -> Map.of();
            case STRUCT -> throw new DataException("STRUCT fields cannot be masked; mask the fields inside it");
        };
    }

    /**
     * @param value the schemaless value to mask; never null
     * @param replacement the configured replacement; null for the type's empty value
     * @return the mask for the value, of the same Java type
     * @throws DataException if values of this type cannot be masked
     */
    static Object forValue(Object value, String replacement) {
        if (replacement != null) {
            return convert(value, replacement);
        }
        if (value instanceof Byte) {
            return (byte) 0;
        } else if (value instanceof Short) {
            return (short) 0;
        } else if (value instanceof Integer) {
            return 0;
        } else if (value instanceof Long) {
            return 0L;
        } else if (value instanceof Float) {
            return 0f;
        } else if (value instanceof Double) {
            return 0d;
        } else if (value instanceof BigInteger) {
            return BigInteger.ZERO;
        } else if (value instanceof BigDecimal) {
            return BigDecimal.ZERO;
        } else if (value instanceof Boolean) {
            return false;
        } else if (value instanceof String) {
            return "";
        } else if (value instanceof byte[]) {
            return new byte[0];
        } else if (value instanceof ByteBuffer) {
            return ByteBuffer.allocate(0);
        } else if (value instanceof List) {
            return List.of();
        } else if (value instanceof Map) {
            return Map.of();
        } else if (value instanceof LocalDate) {
            return LocalDate.EPOCH;
        } else if (value instanceof LocalTime) {
            return LocalTime.MIDNIGHT;
        } else if (value instanceof Instant) {
            return Instant.EPOCH;
        }
        throw new DataException(Schemas.typeOf(value) + " values cannot be masked");
    }

    private static Object convert(Object value, String replacement) {
        if (value instanceof String) {
            return replacement;
        } else if (value instanceof Byte) {
            return Values.convertToByte(null, replacement);
        } else if (value instanceof Short) {
            return Values.convertToShort(null, replacement);
        } else if (value instanceof Integer) {
            return Values.convertToInteger(null, replacement);
        } else if (value instanceof Long) {
            return Values.convertToLong(null, replacement);
        } else if (value instanceof Float) {
            return Values.convertToFloat(null, replacement);
        } else if (value instanceof Double) {
            return Values.convertToDouble(null, replacement);
        } else if (value instanceof BigDecimal) {
            return parseDecimal(replacement);
        } else if (value instanceof BigInteger) {
            return parseDecimal(replacement).toBigIntegerExact();
        } else if (value instanceof Boolean) {
            return Values.convertToBoolean(null, replacement);
        } else if (value instanceof LocalDate) {
            return Values.convertToDate(null, replacement);
        } else if (value instanceof LocalTime) {
            return Values.convertToTime(null, replacement);
        } else if (value instanceof Instant) {
            return Values.convertToTimestamp(null, replacement);
        }
        throw new DataException(Schemas.typeOf(value) + " values can only be masked without a 'replacement'");
    }

    private static BigDecimal parseDecimal(String replacement) {
        try {
            return new BigDecimal(replacement.strip());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new DataException("Cannot convert String \"" + replacement + "\" to a decimal number", e);
        }
    }
}
