package io.tributary.runtime.convert;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sdk.data.Date;
import io.tributary.sdk.data.Decimal;
import io.tributary.sdk.data.Field;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.data.Time;
import io.tributary.sdk.data.Timestamp;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads data values from JSON in Kafka Connect's encoding (see {@link JsonDataWriter}), checking each JSON value
 * against its schema. Without a schema, JSON values become Java values by their JSON type: objects become maps
 * with string keys, arrays lists, integers {@code Long}, other numbers {@code Double}, strings {@code String}
 * and booleans {@code Boolean}. Lists and maps are unmodifiable. Stateless apart from its setting, so
 * thread-safe.
 *
 * <p>Reading is stricter than Connect's converter, which coerces mismatched values silently (a string where an
 * integer belongs reads as 0, an INT8 of 300 as 44). Here such a value fails with a message that says where it
 * is. A JSON number with a fraction of zero is accepted for an integer type, and the strings {@code NaN}, {@code
 * Infinity} and {@code -Infinity}, which is how non-finite floats are written, for a floating-point type.
 */
final class JsonDataReader {
    private static final int MILLIS_PER_DAY = 86_400_000;
    private static final int MAX_SHOWN_TEXT = 40;

    private final boolean replaceNullWithDefault;

    /**
     * @param replaceNullWithDefault whether a missing or null value reads as the schema's default value, when it
     *     has one
     */
    JsonDataReader(boolean replaceNullWithDefault) {
        this.replaceNullWithDefault = replaceNullWithDefault;
    }

    /**
     * Reads a value.
     *
     * @param schema the value's schema; null for schemaless data
     * @param node the JSON value; null when it is absent, which reads as a JSON null does
     * @return the value, which fits the schema; may be null
     * @throws LocatedProblem if the JSON value does not fit the schema, naming where it is
     */
    Object read(Schema schema, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return readNull(schema);
        }
        if (schema == null) {
            return readSchemaless(node);
        }
        LogicalType logical = LogicalType.of(schema);
        if (logical != null) {
            return readLogical(logical, schema, node);
        }
        return switch (schema.type()) {
            case INT8 -> (byte) integral(schema, node, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case INT16 -> (short) integral(schema, node, Short.MIN_VALUE, Short.MAX_VALUE);
            case INT32 -> (int) integral(schema, node, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case INT64 -> integral(schema, node, Long.MIN_VALUE, Long.MAX_VALUE);
            case FLOAT32 -> (float) floating(schema, node);
            case FLOAT64 -> floating(schema, node);
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    throw mismatch(schema, node);
                }
                yield node.booleanValue();
            }
            case STRING -> {
                if (!node.isTextual()) {
                    throw mismatch(schema, node);
                }
                yield node.textValue();
            }
            case BYTES -> bytes(schema, node);
            case ARRAY -> readArray(schema, node);
            case MAP -> readMap(schema, node);
            case STRUCT -> readStruct(schema, node);
        };
    }

    private Object readNull(Schema schema) {
        if (schema == null) {
            return null;
        }
        if (schema.defaultValue() != null) {
            return replaceNullWithDefault ? schema.defaultValue() : null;
        }
        if (schema.isOptional()) {
            return null;
        }
        throw new LocatedProblem("is " + LogicalType.describe(schema) + " and required, got JSON null");
    }

    private static Object readLogical(LogicalType logical, Schema schema, JsonNode node) {
        return switch (logical) {
            case DECIMAL -> decimal(schema, node);
            case DATE -> Date.toLogical((int) integral(schema, node, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case TIME -> {
                long millis = integral(schema, node, Integer.MIN_VALUE, Integer.MAX_VALUE);
                if (millis < 0 || millis >= MILLIS_PER_DAY) {
                    throw new LocatedProblem("is Time, got " + describe(node)
                            + ", which is not a millisecond of the day (0 to 86399999)");
                }
                yield Time.toLogical((int) millis);
            }
            case TIMESTAMP -> Timestamp.toLogical(integral(schema, node, Long.MIN_VALUE, Long.MAX_VALUE));
        };
    }

    private static BigDecimal decimal(Schema schema, JsonNode node) {
        int scale = Decimal.scale(schema);
        if (node.isNumber()) {
            try {
                return node.decimalValue().setScale(scale, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                throw new LocatedProblem("is " + LogicalType.describe(schema) + ", got " + describe(node)
                        + ", which has more fractional digits");
            }
        }
        byte[] unscaled = bytes(schema, node);
        if (unscaled.length == 0) {
            throw new LocatedProblem(
                    "is " + LogicalType.describe(schema) + ", got an empty JSON string, which holds no unscaled value");
        }
        return new BigDecimal(new BigInteger(unscaled), scale);
    }

    private static long integral(Schema schema, JsonNode node, long min, long max) {
        if (!node.isNumber()) {
            throw mismatch(schema, node);
        }
        if (!node.isIntegralNumber()) {
            BigDecimal decimal = node.decimalValue();
            if (decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0) {
                throw new LocatedProblem("is " + LogicalType.describe(schema) + ", got " + describe(node)
                        + ", which is not a whole number");
            }
        }
        if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            throw new LocatedProblem("is " + LogicalType.describe(schema) + ", got " + describe(node)
                    + ", which is out of its range (" + min + " to " + max + ")");
        }
        return node.longValue();
    }

    private static double floating(Schema schema, JsonNode node) {
        if (node.isTextual()) {
            // Non-finite numbers have no JSON form; the writer spells them as these strings.
            return switch (node.textValue()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> throw mismatch(schema, node);
            };
        }
        if (!node.isNumber()) {
            throw mismatch(schema, node);
        }
        double value = schema.type() == Schema.Type.FLOAT32 ? node.floatValue() : node.doubleValue();
        if (Double.isInfinite(value)) {
            throw new LocatedProblem("is " + schema.type() + ", got " + describe(node) + ", which is out of its range");
        }
        return value;
    }

    private static byte[] bytes(Schema schema, JsonNode node) {
        if (node.isBinary()) {
            try {
                return node.binaryValue();
            } catch (IOException e) {
                throw new LocatedProblem("is " + LogicalType.describe(schema) + ", got unreadable binary data", e);
            }
        }
        if (!node.isTextual()) {
            throw mismatch(schema, node);
        }
        try {
            return Base64.getDecoder().decode(node.textValue());
        } catch (IllegalArgumentException e) {
            throw new LocatedProblem(
                    "is " + LogicalType.describe(schema) + ", got " + describe(node) + ", which is not Base64", e);
        }
    }

    private List<Object> readArray(Schema schema, JsonNode node) {
        if (!node.isArray()) {
            throw mismatch(schema, node);
        }
        Schema elementSchema = schema.valueSchema();
        List<Object> list = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            try {
                list.add(read(elementSchema, node.get(i)));
            } catch (LocatedProblem problem) {
                throw problem.within("[" + i + "]");
            }
        }
        return Collections.unmodifiableList(list);
    }

    private Map<Object, Object> readMap(Schema schema, JsonNode node) {
        Schema keySchema = schema.keySchema();
        Schema valueSchema = schema.valueSchema();
        Map<Object, Object> map = new LinkedHashMap<>();
        if (keySchema.type() == Schema.Type.STRING) {
            if (!node.isObject()) {
                throw new LocatedProblem("is a MAP with STRING keys, written as a JSON object, got " + describe(node));
            }
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                try {
                    map.put(entry.getKey(), read(valueSchema, entry.getValue()));
                } catch (LocatedProblem problem) {
                    throw problem.within("." + entry.getKey());
                }
            }
            return Collections.unmodifiableMap(map);
        }
        if (!node.isArray()) {
            throw new LocatedProblem("is a MAP with " + LogicalType.describe(keySchema)
                    + " keys, written as a JSON array of [key, value] pairs, got " + describe(node));
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode pair = node.get(i);
            if (!pair.isArray() || pair.size() != 2) {
                throw new LocatedProblem("is a [key, value] pair of a MAP, got " + describe(pair))
                        .within("[" + i + "]");
            }
            Object key;
            try {
                key = read(keySchema, pair.get(0));
            } catch (LocatedProblem problem) {
                throw problem.within("[" + i + "][0]");
            }
            try {
                map.put(key, read(valueSchema, pair.get(1)));
            } catch (LocatedProblem problem) {
                throw problem.within("[" + i + "][1]");
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private Struct readStruct(Schema schema, JsonNode node) {
        if (!node.isObject()) {
            throw mismatch(schema, node);
        }
        Struct.Builder builder = Struct.builder(schema);
        for (Field field : schema.fields()) {
            try {
                builder.put(field, read(field.schema(), node.get(field.name())));
            } catch (LocatedProblem problem) {
                throw problem.within("." + field.name());
            }
        }
        // Every required field without a default has a value by now, or reading its null has failed.
        return builder.build();
    }

    private static Object readSchemaless(JsonNode node) {
        return switch (node.getNodeType()) {
            case BOOLEAN -> node.booleanValue();
            case NUMBER -> {
                if (!node.isIntegralNumber()) {
                    yield node.doubleValue();
                }
                if (!node.canConvertToLong()) {
                    throw new LocatedProblem("is " + describe(node)
                            + ", which is beyond the range of a Long; without a schema, JSON integers read as Long");
                }
                yield node.longValue();
            }
            case STRING -> node.textValue();
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                for (int i = 0; i < node.size(); i++) {
                    try {
                        list.add(readSchemaless(node.get(i)));
                    } catch (LocatedProblem problem) {
                        throw problem.within("[" + i + "]");
                    }
                }
                yield Collections.unmodifiableList(list);
            }
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> entry : node.properties()) {
                    try {
                        map.put(entry.getKey(), readSchemaless(entry.getValue()));
                    } catch (LocatedProblem problem) {
                        throw problem.within("." + entry.getKey());
                    }
                }
                yield Collections.unmodifiableMap(map);
            }
            case BINARY -> {
                try {
                    yield node.binaryValue();
                } catch (IOException e) {
                    throw new LocatedProblem("is unreadable binary data", e);
                }
            }
            case NULL, MISSING -> null;
            case POJO -> throw new LocatedProblem("is " + describe(node) + ", which is not JSON data");
        };
    }

    private static LocatedProblem mismatch(Schema schema, JsonNode node) {
        return new LocatedProblem("is " + LogicalType.describe(schema) + ", got " + describe(node));
    }

    /**
     * Describes a JSON value for messages, showing short scalars in full: {@code JSON string "x"}, {@code JSON
     * number 5}, {@code JSON object}.
     *
     * @param node a JSON value; never null
     * @return the description
     */
    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> {
                String text = node.textValue();
                yield "JSON string \""
                        + (text.length() <= MAX_SHOWN_TEXT ? text : text.substring(0, MAX_SHOWN_TEXT - 3) + "...")
                        + "\"";
            }
            case NUMBER -> "JSON number " + node.asText();
            case BOOLEAN -> "JSON boolean " + node.asText();
            case ARRAY -> "JSON array";
            case OBJECT -> "JSON object";
            case NULL, MISSING -> "JSON null";
            case BINARY -> "binary data";
            case POJO -> "a Java object";
        };
    }
}
