package io.tributary.runtime.convert;

import io.tributary.sdk.data.Date;
import io.tributary.sdk.data.Decimal;
import io.tributary.sdk.data.Field;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.data.Time;
import io.tributary.sdk.data.Timestamp;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes random schemas and values that fit them, from a seed, for round-trip properties. Schemas nest up to three
 * levels and carry names, versions, docs, parameters and defaults at random; values include the awkward ones: NaN,
 * infinities and negative zero, strings with escapes and surrogate pairs, empty bytes, nulls.
 */
final class RandomData {
    private static final int MAX_DEPTH = 3;
    private static final String[] AWKWARD_TEXT = {
        "\"", "\\", "/", "\n", "\t", "\u0000", "\u001f", "\u00e9", "\u2028", "\uD83D\uDE00", " "
    };

    private final Random random;

    RandomData(long seed) {
        this.random = new Random(seed);
    }

    Schema schema() {
        return schema(0, false);
    }

    private Schema schema(int depth, boolean mapKey) {
        int kinds = depth >= MAX_DEPTH || mapKey ? 13 : 16;
        SchemaBuilder builder = switch (random.nextInt(kinds)) {
            case 0 -> SchemaBuilder.int8();
            case 1 -> SchemaBuilder.int16();
            case 2 -> SchemaBuilder.int32();
            case 3 -> SchemaBuilder.int64();
            case 4 -> SchemaBuilder.float32();
            case 5 -> SchemaBuilder.float64();
            case 6 -> SchemaBuilder.bool();
            case 7 -> SchemaBuilder.string();
            // Byte arrays compare by identity as map keys, so keys are never BYTES.
            case 8 -> mapKey ? SchemaBuilder.string() : SchemaBuilder.bytes();
            case 9 -> Decimal.builder(random.nextInt(9) - 2);
            case 10 -> Date.builder();
            case 11 -> Time.builder();
            case 12 -> Timestamp.builder();
            case 13 -> SchemaBuilder.array(schema(depth + 1, false));
            case 14 ->
                SchemaBuilder.map(
                        random.nextBoolean() ? Schema.STRING_SCHEMA : schema(depth + 1, true),
                        schema(depth + 1, false));
            default -> struct(depth);
        };
        if (random.nextInt(3) == 0) {
            builder.optional();
        }
        Schema plain = builder.build();
        if (plain.name() == null && random.nextInt(5) == 0) {
            builder.name("com.example.Type" + random.nextInt(100));
        }
        if (plain.version() == null && random.nextInt(6) == 0) {
            builder.version(random.nextInt(10));
        }
        if (random.nextInt(6) == 0) {
            builder.doc("Documentation " + string());
        }
        if (random.nextInt(8) == 0) {
            builder.parameter("p" + random.nextInt(3), string()).parameter("a", "1");
        }
        Schema schema = builder.build();
        if (!mapKey && random.nextInt(4) == 0) {
            // A default holds no nulls: a null inside would be written as its own schema's default.
            Object defaultValue = value(schema, false);
            if (defaultValue != null) {
                schema = SchemaBuilder.from(schema).defaultValue(defaultValue).build();
            }
        }
        return schema;
    }

    private SchemaBuilder struct(int depth) {
        SchemaBuilder builder = SchemaBuilder.struct();
        int fields = random.nextInt(5);
        for (int i = 0; i < fields; i++) {
            builder.field("f" + i + (random.nextInt(5) == 0 ? string() : ""), schema(depth + 1, false));
        }
        return builder;
    }

    /** Returns a value that fits the schema, sometimes null where the schema allows it. */
    Object value(Schema schema) {
        return value(schema, true);
    }

    private Object value(Schema schema, boolean allowNull) {
        if (allowNull && (schema.isOptional() || schema.defaultValue() != null) && random.nextInt(5) == 0) {
            return null;
        }
        String name = schema.name() == null ? "" : schema.name();
        switch (name) {
            case Decimal.LOGICAL_NAME -> {
                BigInteger unscaled = new BigInteger(1 + random.nextInt(100), random);
                return new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), Decimal.scale(schema));
            }
            case Date.LOGICAL_NAME -> {
                return LocalDate.ofEpochDay(random.nextInt(2_000_000) - 1_000_000);
            }
            case Time.LOGICAL_NAME -> {
                return LocalTime.ofNanoOfDay(random.nextInt(86_400_000) * 1_000_000L);
            }
            case Timestamp.LOGICAL_NAME -> {
                return Instant.ofEpochMilli(random.nextLong() % 10_000_000_000_000L);
            }
            default -> {}
        }
        return switch (schema.type()) {
            case INT8 -> (byte) random.nextInt();
            case INT16 -> (short) random.nextInt();
            case INT32 -> random.nextInt();
            case INT64 -> random.nextLong();
            case FLOAT32 ->
                switch (random.nextInt(8)) {
                    case 0 -> Float.NaN;
                    case 1 -> Float.NEGATIVE_INFINITY;
                    case 2 -> -0.0f;
                    case 3 -> Float.MIN_VALUE;
                    default -> Float.intBitsToFloat(random.nextInt());
                };
            case FLOAT64 ->
                switch (random.nextInt(8)) {
                    case 0 -> Double.NaN;
                    case 1 -> Double.POSITIVE_INFINITY;
                    case 2 -> -0.0;
                    case 3 -> Double.MAX_VALUE;
                    default -> Double.longBitsToDouble(random.nextLong());
                };
            case BOOLEAN -> random.nextBoolean();
            case STRING -> string();
            case BYTES -> {
                byte[] bytes = new byte[random.nextInt(12)];
                random.nextBytes(bytes);
                yield random.nextInt(4) == 0 ? ByteBuffer.wrap(bytes) : bytes;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    list.add(value(schema.valueSchema(), allowNull));
                }
                yield list;
            }
            case MAP -> {
                Map<Object, Object> map = new LinkedHashMap<>();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    map.put(value(schema.keySchema(), false), value(schema.valueSchema(), allowNull));
                }
                yield map;
            }
            case STRUCT -> {
                Struct.Builder builder = Struct.builder(schema);
                for (Field field : schema.fields()) {
                    builder.put(field, value(field.schema(), allowNull));
                }
                yield builder.build();
            }
        };
    }

    private String string() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(10);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            if (kind == 0) {
                text.append(AWKWARD_TEXT[random.nextInt(AWKWARD_TEXT.length)]);
            } else if (kind == 1) {
                // Below the surrogates: a lone surrogate is not text, and JSON parsers refuse it in member names.
                text.appendCodePoint(0x80 + random.nextInt(0xD800 - 0x80));
            } else {
                text.append((char) (' ' + random.nextInt(95)));
            }
        }
        return text.toString();
    }

    /**
     * Returns what reading a written value gives back with {@code replace.null.with.default=true}: nulls of schemas
     * with a default become the default, at any depth.
     */
    static Object withDefaultsApplied(Schema schema, Object value) {
        if (value == null) {
            // A struct default has the schema without the default; the struct read in its place has the full one.
            return schema.defaultValue() instanceof Struct defaultStruct
                    ? withSchema(schema, defaultStruct)
                    : schema.defaultValue();
        }
        return switch (schema.type()) {
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (Object element : (List<?>) value) {
                    list.add(withDefaultsApplied(schema.valueSchema(), element));
                }
                yield list;
            }
            case MAP -> {
                Map<Object, Object> map = new LinkedHashMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> map.put(k, withDefaultsApplied(schema.valueSchema(), v)));
                yield map;
            }
            case STRUCT -> {
                Struct struct = (Struct) value;
                Struct.Builder builder = Struct.builder(struct.schema());
                for (Field field : struct.schema().fields()) {
                    builder.put(field, withDefaultsApplied(field.schema(), struct.getWithoutDefault(field.name())));
                }
                yield builder.build();
            }
            default -> value;
        };
    }

    private static Struct withSchema(Schema schema, Struct struct) {
        Struct.Builder builder = Struct.builder(schema);
        for (Field field : schema.fields()) {
            builder.put(field, struct.getWithoutDefault(field.name()));
        }
        return builder.build();
    }
}
