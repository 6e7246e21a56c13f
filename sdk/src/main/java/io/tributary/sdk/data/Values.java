package io.tributary.sdk.data;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.errors.DataException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts values between types and infers schemas, for converters, transformations and connectors that
 * receive data in one form and need it in another. All methods are static and thread-safe.
 *
 * <p>Every {@code convertTo...} method takes the value's schema, which may be null. The conversion follows
 * the value's Java class; the schema is needed only to read a logical value in its encoded form, such as an
 * {@code Integer} of a {@link Date} schema (days) or the {@code byte[]} of a {@link Decimal} schema. A null
 * value converts to null (and {@link #convertTo} checks that the target schema allows it). What converts to
 * what:
 *
 * <ul>
 *   <li>Numbers convert to any numeric type when the target holds the value; a fractional part is dropped
 *       (truncated toward zero) when the target is an integer type, as a Java cast does.
 *   <li>Strings are parsed: {@code true}/{@code false} in any case, decimal numbers, ISO-8601 dates
 *       ({@code 2024-01-31}), times ({@code 10:15:30.123}) and timestamps ({@code 2024-01-31T10:15:30.123Z}),
 *       and the text forms of arrays and maps that {@link #convertToString} writes.
 *   <li>Booleans convert to the numbers 1 and 0, and the numbers 1 and 0 to booleans.
 *   <li>Logical values convert to and from their encodings: {@link Date} to days since 1970-01-01, {@link Time}
 *       to milliseconds since midnight, {@link Timestamp} to milliseconds since 1970-01-01T00:00:00Z. A
 *       timestamp gives the date and time of day it has in UTC.
 *   <li>Anything converts to a string; see {@link #convertToString}.
 * </ul>
 *
 * <p>A value that cannot be converted fails with a {@link DataException} that names the value, its type, the
 * target and the reason, for example {@code Cannot convert Long 300 to INT8: out of range}.
 */
@Stable
public final class Values {
    private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "+Infinity", "-Infinity");
    private static final int MILLIS_PER_DAY = 86_400_000;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    /** Integer digits beyond which no long can hold a number; checked before building a BigInteger. */
    private static final int MAX_LONG_DIGITS = 19;

    private Values() {}

    /**
     * Converts a value to a value of the target schema, converting the elements of arrays and maps and the
     * fields of structs to their schemas too. A struct converts from a struct, a map or the text of a map
     * whose fields or keys have the target's field names; fields and keys the target lacks are left out.
     *
     * @param targetSchema the schema of the result; never null
     * @param sourceSchema the value's schema; null to go by the value's Java class
     * @param value the value; may be null
     * @return the converted value, which fits {@code targetSchema}; null when the value is null and the target
     *     is optional or has a default value
     * @throws DataException if the value cannot be converted, or is null and the target requires a value
     */
    public static Object convertTo(Schema targetSchema, Schema sourceSchema, Object value) {
        return SchemaConversion.convert(targetSchema, sourceSchema, value);
    }

    /**
     * Converts a value to a boolean: a boolean as it is, the strings {@code true} and {@code false} in any
     * case, and the numbers 1 and 0.
     *
     * @param schema the value's schema; may be null
     * @param value the value; may be null
     * @return the boolean; null when the value is null
     * @throws DataException if the value is another string, another number or of another type
     */
    public static Boolean convertToBoolean(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        Object logical = decode(schema, value);
        if (logical instanceof Boolean b) {
            return b;
        }
        if (logical instanceof String s) {
            String text = s.strip();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.valueOf(text);
            }
            throw cannotConvert(value, "BOOLEAN", "not a boolean");
        }
        if (logical instanceof Number) {
            BigDecimal number = toBigDecimal(schema, value, "BOOLEAN");
            if (number.compareTo(BigDecimal.ZERO) == 0 || number.compareTo(BigDecimal.ONE) == 0) {
                return number.compareTo(BigDecimal.ONE) == 0;
            }
            throw cannotConvert(value, "BOOLEAN", "only 1 and 0 are booleans");
        }
        throw cannotConvert(value, "BOOLEAN", "not a boolean");
    }

    /**
     * Converts a value to an INT8 (see {@link #convertToLong} for what converts).
     *
     * @param schema the value's schema; may be null
     * @param value the value; may be null
     * @return the number; null when the value is null
     * @throws DataException if the value is not a number or is outside the range of a byte
     */
    public static Byte convertToByte(Schema schema, Object value) {
        return value == null
                ? null
                : (byte) toIntegral(schema, value, Schema.Type.INT8, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    /**
     * Converts a value to an INT16 (see {@link #convertToLong} for what converts).
     *
     * @param schema the value's schema; may be null
     * @param value the value; may be null
     * @return the number; null when the value is null
     * @throws DataException if the value is not a number or is outside the range of a short
     */
    public static Short convertToShort(Schema schema, Object value) {
        return value == null
                ? null
                : (short) toIntegral(schema, value, Schema.Type.INT16, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    /**
     * Converts a value to an INT32 (see {@link #convertToLong} for what converts).
     *
     * @param schema the value's schema; may be null
     * @param value the value; may be null
     * @return the number; null when the value is null
     * @throws DataException if the value is not a number or is outside the range of an int
     */
    public static Integer convertToInteger(Schema schema, Object value) {
        return value == null
                ? null
                : (int) toIntegral(schema, value, Schema.Type.INT32, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * Converts a value to an INT64. Numbers convert with any fractional part dropped; strings are parsed as
     * decimal numbers; booleans are 1 and 0; a date is its days since 1970-01-01, a time of day its
     * milliseconds since midnight and a timestamp its milliseconds since 1970-01-01T00:00:00Z.
     *
     * @param schema the value's schema; may be null
     * @param value the value; may be null
     * @return the number; null when the value is null
     * @throws DataException if the value is not a number, is NaN or infinite, or is outside the range of a long
     */
    public static Long convertToLong(Schema schema, Object value) {
        return value == null ? null : toIntegral(schema, value, Schema.Type.INT64, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * Converts a value to a FLOAT32, rounding to the nearest float. Converts what {@link #convertToLong} does,
     * and also the strings {@code NaN}, {@code Infinity} and {@code -Infinity}.
     *
     * @param schema the value's schema; may be null
     * @param value the value; may be null
     * @return the number; null when the value is null
     * @throws DataException if the value is not a number or its magnitude is beyond the largest float
     */
    public static Float convertToFloat(Schema schema, Object value) {
        return value == null ? null : (float) toFloating(schema, value, Schema.Type.FLOAT32);
    }

    /**
     * Converts a value to a FLOAT64, rounding to the nearest double. Converts what {@link #convertToLong}
     * does, and also the strings {@code NaN}, {@code Infinity} and {@code -Infinity}.
     *
     * @param schema the value's schema; may be null
     * @param value the value; may be null
     * @return the number; null when the value is null
     * @throws DataException if the value is not a number or its magnitude is beyond the largest double
     */
    public static Double convertToDouble(Schema schema, Object value) {
        return value == null ? null : toFloating(schema, value, Schema.Type.FLOAT64);
    }

    /**
     * Converts any value to a string. A string is returned as it is; numbers and booleans as Java prints
     * them, except that a decimal has no exponent; dates, times and timestamps in ISO-8601 with millisecond
     * precision and timestamps in UTC ({@code 2024-01-31T10:15:30.123Z}); bytes in Base64. Arrays, maps and
     * structs are written in a compact JSON-like form that {@link #parseString} reads back: {@code [1,2]},
     * {@code {"a":1}}, with strings and bytes inside them quoted, and a struct as a map of its field names to
     * their values.
     *
     * @param schema the value's schema; may be null
     * @param value the value; may be null
     * @return the string; null when the value is null
     * @throws DataException if the value is in the encoded form of a {@link Decimal} schema without a valid scale
     */
    public static String convertToString(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        Object logical = decode(schema, value);
        if (logical instanceof String s) {
            return s;
        }
        StringBuilder text = new StringBuilder();
        ValueWriter.append(text, schema, logical, false);
        return text.toString();
    }

    /**
     * Converts a value to a list: a list as it is, and a string in the array form that {@link #parseString}
     * reads.
     *
     * @param schema the value's schema; may be null
     * @param value the value; may be null
     * @return the list; null when the value is null
     * @throws DataException if the value is neither a list nor the text of an array
     */
    public static List<?> convertToList(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list;
        }
        if (value instanceof String s && ValueParser.parse(s).value() instanceof List<?> list) {
            return list;
        }
        throw cannotConvert(value, "ARRAY", "not an array");
    }

    /**
     * Converts a value to a map: a map as it is, a struct as an unmodifiable map of its field names to their
     * values (defaults included), and a string in the map form that {@link #parseString} reads.
     *
     * @param schema the value's schema; may be null
     * @param value the value; may be null
     * @return the map; null when the value is null
     * @throws DataException if the value is neither a map, a struct nor the text of a map
     */
    public static Map<?, ?> convertToMap(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        if (value instanceof Struct struct) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Field field : struct.schema().fields()) {
                fields.put(field.name(), struct.get(field));
            }
            return Collections.unmodifiableMap(fields);
        }
        if (value instanceof String s && ValueParser.parse(s).value() instanceof Map<?, ?> map) {
            return map;
        }
        throw cannotConvert(value, "MAP", "not a map");
    }

    /**
     * Returns a struct value as a struct. To make a struct of another schema from a struct or map, use
     * {@link #convertTo(Schema, Schema, Object)}.
     *
     * @param schema the value's schema; may be null
     * @param value the value; may be null
     * @return the struct; null when the value is null
     * @throws DataException if the value is not a struct
     */
    public static Struct convertToStruct(Schema schema, Object value) {
        if (value == null || value instanceof Struct) {
            return (Struct) value;
        }
        throw cannotConvert(value, "STRUCT", "not a struct");
    }

    /**
     * Converts a value to a decimal of the given scale: a number exactly (a float or double by its shortest
     * decimal form, so {@code 0.1} is 0.1), a string parsed as a decimal number, a boolean as 1 or 0, and
     * bytes as the unscaled value of a {@link Decimal} encoding (of the value's Decimal schema, or else of the
     * target scale).
     *
     * @param schema the value's schema; may be null
     * @param value the value; may be null
     * @param scale the scale of the result: digits after the decimal point
     * @return the decimal with exactly that scale; null when the value is null
     * @throws DataException if the value is not a number, is NaN or infinite, or has more fractional digits
     *     than the scale allows (it is never rounded)
     */
    public static BigDecimal convertToDecimal(Schema schema, Object value, int scale) {
        if (value == null) {
            return null;
        }
        String target = "Decimal of scale " + scale;
        Object logical = decode(schema, value);
        BigDecimal number = logical instanceof byte[] || logical instanceof ByteBuffer
                ? decodeDecimal(Schema.toArray(logical), scale, value, target)
                : toBigDecimal(schema, value, target);
        try {
            return number.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw cannotConvert(value, target, "it has more fractional digits, and would need rounding");
        }
    }

    /**
     * Converts a value to a date: a date as it is, a timestamp as its date in UTC, an integer as days since
     * 1970-01-01, and a string holding any of these in ISO-8601 ({@code 2024-01-31}).
     *
     * @param schema the value's schema; may be null
     * @param value the value; may be null
     * @return the date; null when the value is null
     * @throws DataException if the value is none of these, or an integer beyond the range of an int
     */
    public static LocalDate convertToDate(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        Object logical = parseTemporal(decode(schema, value));
        if (logical instanceof LocalDate date) {
            return date;
        }
        if (logical instanceof Instant instant) {
            return LocalDate.ofInstant(instant, ZoneOffset.UTC);
        }
        if (isIntegral(logical)) {
            long days = ((Number) logical).longValue();
            if (days < Integer.MIN_VALUE || days > Integer.MAX_VALUE) {
                throw cannotConvert(value, "Date", "out of range");
            }
            return Date.toLogical((int) days);
        }
        throw cannotConvert(value, "Date", "not a date");
    }

    /**
     * Converts a value to a time of day: a time as it is, a timestamp as its time of day in UTC, an integer as
     * milliseconds since midnight, and a string holding any of these in ISO-8601 ({@code 10:15:30.123}).
     *
     * @param schema the value's schema; may be null
     * @param value the value; may be null
     * @return the time of day; null when the value is null
     * @throws DataException if the value is none of these, or an integer outside 0 to 86,399,999
     */
    public static LocalTime convertToTime(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        Object logical = parseTemporal(decode(schema, value));
        if (logical instanceof LocalTime time) {
            return time;
        }
        if (logical instanceof Instant instant) {
            return LocalTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (isIntegral(logical)) {
            long millis = ((Number) logical).longValue();
            if (millis < 0 || millis >= MILLIS_PER_DAY) {
                throw cannotConvert(value, "Time", "out of range");
            }
            return Time.toLogical((int) millis);
        }
        throw cannotConvert(value, "Time", "not a time of day");
    }

    /**
     * Converts a value to a timestamp: a timestamp as it is, a date as its start in UTC, an integer as
     * milliseconds since 1970-01-01T00:00:00Z, and a string holding any of these in ISO-8601 ({@code
     * 2024-01-31T10:15:30.123Z}, or with an offset such as {@code +01:00}).
     *
     * @param schema the value's schema; may be null
     * @param value the value; may be null
     * @return the timestamp; null when the value is null
     * @throws DataException if the value is none of these
     */
    public static Instant convertToTimestamp(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        Object logical = parseTemporal(decode(schema, value));
        if (logical instanceof Instant instant) {
            return instant;
        }
        if (logical instanceof LocalDate date) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (isIntegral(logical)) {
            return Timestamp.toLogical(((Number) logical).longValue());
        }
        throw cannotConvert(value, "Timestamp", "not a timestamp");
    }

    /**
     * Reads a value from text and infers its schema. Surrounding whitespace is ignored when inferring:
     *
     * <ul>
     *   <li>{@code true} and {@code false}, in any case, are BOOLEAN;
     *   <li>an integer is the smallest of INT8, INT16, INT32 and INT64 that holds it, or a {@link Decimal} of
     *       scale 0 beyond that;
     *   <li>a decimal number is FLOAT64 when a double holds it exactly as written, else a {@link Decimal};
     *   <li>ISO-8601 dates, times of day and timestamps with an offset are {@link Date}, {@link Time} and
     *       {@link Timestamp};
     *   <li>{@code [a, b]} is an ARRAY and {@code {k: v}} a MAP, with quoted strings, {@code null} and nesting
     *       allowed inside. Mixed integers widen to the widest, and to FLOAT64 alongside FLOAT64s. The element,
     *       key and value schemas are inferred when all non-null items share one (optional when a null is
     *       among them); otherwise, and for empty arrays and maps, the result has a null schema. The list or
     *       map is unmodifiable;
     *   <li>anything else, including {@code null} and the empty string, is the STRING of the text unchanged.
     * </ul>
     *
     * @param text the text; may be null
     * @return the value and its schema, never null; {@link SchemaAndValue#NULL} when the text is null
     */
    public static SchemaAndValue parseString(String text) {
        return ValueParser.parse(text);
    }

    /**
     * Infers a schema from a value's Java class, following the mapping in {@link Schema}. A list or map has a
     * schema when all its non-null elements, keys and values have one that they share; it is optional when a
     * null is among them.
     *
     * @param value the value; may be null
     * @return a required schema; null when the value is null, an empty list or map, of a class without a
     *     schema, or a list or map whose items share no schema
     */
    public static Schema inferSchema(Object value) {
        return SchemaInference.infer(value);
    }

    private static long toIntegral(Schema schema, Object value, Schema.Type target, long min, long max) {
        BigDecimal number = toBigDecimal(schema, value, target.name());
        if (number.precision() - number.scale() > MAX_LONG_DIGITS) {
            throw cannotConvert(value, target.name(), "out of range");
        }
        BigInteger whole = number.toBigInteger();
        if (whole.bitLength() >= Long.SIZE || whole.longValue() < min || whole.longValue() > max) {
            throw cannotConvert(value, target.name(), "out of range");
        }
        return whole.longValue();
    }

    private static double toFloating(Schema schema, Object value, Schema.Type target) {
        Object logical = decode(schema, value);
        double result;
        if (logical instanceof Double || logical instanceof Float) {
            result = ((Number) logical).doubleValue();
        } else if (logical instanceof String s && NON_FINITE.contains(s.strip())) {
            result = Double.parseDouble(s.strip());
        } else {
            result = toBigDecimal(schema, value, target.name()).doubleValue();
            if (Double.isInfinite(result)) {
                throw cannotConvert(value, target.name(), "out of range");
            }
        }
        if (target == Schema.Type.FLOAT32 && Double.isFinite(result) && Math.abs(result) > Float.MAX_VALUE) {
            throw cannotConvert(value, target.name(), "out of range");
        }
        return result;
    }

    /** Reads any number-like value exactly; {@code target} only names the conversion in errors. */
    private static BigDecimal toBigDecimal(Schema schema, Object value, String target) {
        Object logical = decode(schema, value);
        if (logical instanceof Byte
                || logical instanceof Short
                || logical instanceof Integer
                || logical instanceof Long) {
            return BigDecimal.valueOf(((Number) logical).longValue());
        } else if (logical instanceof Float || logical instanceof Double) {
            double d = ((Number) logical).doubleValue();
            if (!Double.isFinite(d)) {
                throw cannotConvert(value, target, "not a finite number");
            }
            // A float's own shortest form, so 0.1f reads as 0.1 rather than as its widened double.
            return logical instanceof Float f ? new BigDecimal(f.toString()) : BigDecimal.valueOf(d);
        } else if (logical instanceof BigDecimal decimal) {
            return decimal;
        } else if (logical instanceof BigInteger integer) {
            return new BigDecimal(integer);
        } else if (logical instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        } else if (logical instanceof String s) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                throw cannotConvert(value, target, "not a number");
            }
        } else if (logical instanceof LocalDate date) {
            return BigDecimal.valueOf(date.toEpochDay());
        } else if (logical instanceof LocalTime time) {
            return BigDecimal.valueOf(time.toNanoOfDay() / NANOS_PER_MILLI);
        } else if (logical instanceof Instant instant) {
            try {
                return BigDecimal.valueOf(instant.toEpochMilli());
            } catch (ArithmeticException e) {
                throw cannotConvert(value, target, "out of range");
            }
        }
        throw cannotConvert(value, target, "not a number");
    }

    /** Reads a string as a date, time, timestamp or integer; leaves any other value as it is. */
    private static Object parseTemporal(Object value) {
        if (value instanceof String s) {
            SchemaAndValue parsed = ValueParser.scalar(s.strip());
            return parsed != null ? parsed.value() : s;
        }
        return value;
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long;
    }

    /**
     * Turns a logical value in its encoded form (days, milliseconds, unscaled bytes) into its Java value, as
     * the schema says; returns any other value as it is.
     */
    static Object decode(Schema schema, Object value) {
        if (schema == null || !LogicalTypes.isLogical(schema)) {
            return value;
        }
        try {
            return switch (schema.name()) {
                case Decimal.LOGICAL_NAME ->
                    value instanceof byte[] || value instanceof ByteBuffer
                            ? decodeDecimal(Schema.toArray(value), Decimal.scale(schema), value, "Decimal")
                            : value;
                case Date.LOGICAL_NAME -> value instanceof Integer days ? Date.toLogical(days) : value;
                case Time.LOGICAL_NAME -> value instanceof Integer millis ? Time.toLogical(millis) : value;
                default -> value instanceof Long millis ? Timestamp.toLogical(millis) : value;
            };
        } catch (DateTimeException e) {
            throw new DataException(
                    "Cannot read " + Schema.describeValue(value) + " as " + schema.name()
                            + ": outside the range of the logical type",
                    e);
        }
    }

    static BigDecimal decodeDecimal(byte[] unscaled, int scale, Object value, String target) {
        if (unscaled.length == 0) {
            throw cannotConvert(value, target, "no bytes, so no unscaled value");
        }
        return new BigDecimal(new BigInteger(unscaled), scale);
    }

    static DataException cannotConvert(Object value, String target, String reason) {
        return new DataException("Cannot convert " + Schema.describeValue(value) + " to " + target + ": " + reason);
    }
}
