package io.tributary.connect.convert;

import io.tributary.sdk.data.Date;
import io.tributary.sdk.data.Decimal;
import io.tributary.sdk.data.Field;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.data.Time;
import io.tributary.sdk.data.Timestamp;
import io.tributary.sdk.header.Header;
import io.tributary.sdk.header.Headers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.connect.header.ConnectHeaders;

/**
 * Schemas, values and headers between the SDK's data types and Kafka Connect's, both ways. The two models
 * are the same (types, optionality, defaults, names, versions, docs, parameters, fields; the logical types
 * by their Connect names), so nothing is lost but a struct-typed default, which Connect's schema cannot hold
 * and the conversion applies to the value instead: only the Java types of logical values differ, {@link
 * LocalDate}, {@link LocalTime} and {@link Instant} in the SDK where Connect uses {@link java.util.Date} for
 * all three. A Timestamp carries milliseconds in both (its encoding); an Instant's finer digits are cut, as
 * the converters cut them.
 *
 * <p>Schemas are converted once and cached: a task sees few schemas and many records.
 */
public final class ConnectData {
    private static final int CACHE_LIMIT = 10_000;
    private static final Map<Schema, org.apache.kafka.connect.data.Schema> TO_CONNECT = new ConcurrentHashMap<>();
    private static final Map<org.apache.kafka.connect.data.Schema, Schema> TO_SDK = new ConcurrentHashMap<>();

    private ConnectData() {}

    /** @return the Connect schema of an SDK schema; null for null */
    public static org.apache.kafka.connect.data.Schema toConnect(Schema schema) {
        if (schema == null) {
            return null;
        }
        org.apache.kafka.connect.data.Schema known = TO_CONNECT.get(schema);
        if (known == null) {
            known = buildConnect(schema);
            if (TO_CONNECT.size() >= CACHE_LIMIT) {
                TO_CONNECT.clear();
            }
            TO_CONNECT.put(schema, known);
        }
        return known;
    }

    /** @return the SDK schema of a Connect schema; null for null */
    public static Schema toSdk(org.apache.kafka.connect.data.Schema schema) {
        if (schema == null) {
            return null;
        }
        Schema known = TO_SDK.get(schema);
        if (known == null) {
            known = buildSdk(schema);
            if (TO_SDK.size() >= CACHE_LIMIT) {
                TO_SDK.clear();
            }
            TO_SDK.put(schema, known);
        }
        return known;
    }

    private static org.apache.kafka.connect.data.Schema buildConnect(Schema schema) {
        org.apache.kafka.connect.data.SchemaBuilder builder = switch (schema.type()) {
            case INT8 -> org.apache.kafka.connect.data.SchemaBuilder.int8();
            case INT16 -> org.apache.kafka.connect.data.SchemaBuilder.int16();
            case INT32 -> org.apache.kafka.connect.data.SchemaBuilder.int32();
            case INT64 -> org.apache.kafka.connect.data.SchemaBuilder.int64();
            case FLOAT32 -> org.apache.kafka.connect.data.SchemaBuilder.float32();
            case FLOAT64 -> org.apache.kafka.connect.data.SchemaBuilder.float64();
            case BOOLEAN -> org.apache.kafka.connect.data.SchemaBuilder.bool();
            case STRING -> org.apache.kafka.connect.data.SchemaBuilder.string();
            case BYTES -> org.apache.kafka.connect.data.SchemaBuilder.bytes();
            case ARRAY -> org.apache.kafka.connect.data.SchemaBuilder.array(toConnect(schema.valueSchema()));
            case MAP ->
                org.apache.kafka.connect.data.SchemaBuilder.map(
                        toConnect(schema.keySchema()), toConnect(schema.valueSchema()));
            case STRUCT -> {
                org.apache.kafka.connect.data.SchemaBuilder struct =
                        org.apache.kafka.connect.data.SchemaBuilder.struct();
                for (Field field : schema.fields()) {
                    struct.field(field.name(), toConnect(field.schema()));
                }
                yield struct;
            }
        };
        if (schema.isOptional()) {
            builder.optional();
        }
        if (schema.name() != null) {
            builder.name(schema.name());
        }
        if (schema.version() != null) {
            builder.version(schema.version());
        }
        if (schema.doc() != null) {
            builder.doc(schema.doc());
        }
        if (!schema.parameters().isEmpty()) {
            builder.parameters(schema.parameters());
        }
        // A struct's default would have to be a Struct of the schema being built; the SDK keeps it, Connect
        // sees none.
        if (schema.defaultValue() != null && schema.type() != Schema.Type.STRUCT) {
            builder.defaultValue(toConnect(schema, schema.defaultValue()));
        }
        return builder.build();
    }

    private static Schema buildSdk(org.apache.kafka.connect.data.Schema schema) {
        SchemaBuilder builder = switch (schema.type()) {
            case INT8 -> SchemaBuilder.int8();
            case INT16 -> SchemaBuilder.int16();
            case INT32 -> SchemaBuilder.int32();
            case INT64 -> SchemaBuilder.int64();
            case FLOAT32 -> SchemaBuilder.float32();
            case FLOAT64 -> SchemaBuilder.float64();
            case BOOLEAN -> SchemaBuilder.bool();
            case STRING -> SchemaBuilder.string();
            case BYTES -> SchemaBuilder.bytes();
            case ARRAY -> SchemaBuilder.array(toSdk(schema.valueSchema()));
            case MAP -> SchemaBuilder.map(toSdk(schema.keySchema()), toSdk(schema.valueSchema()));
            case STRUCT -> {
                SchemaBuilder struct = SchemaBuilder.struct();
                for (org.apache.kafka.connect.data.Field field : schema.fields()) {
                    struct.field(field.name(), toSdk(field.schema()));
                }
                yield struct;
            }
        };
        if (schema.isOptional()) {
            builder.optional();
        }
        if (schema.name() != null) {
            builder.name(schema.name());
        }
        if (schema.version() != null) {
            builder.version(schema.version());
        }
        if (schema.doc() != null) {
            builder.doc(schema.doc());
        }
        if (schema.parameters() != null && !schema.parameters().isEmpty()) {
            builder.parameters(schema.parameters());
        }
        if (schema.defaultValue() != null && schema.type() != org.apache.kafka.connect.data.Schema.Type.STRUCT) {
            builder.defaultValue(toSdk(schema, schema.defaultValue()));
        }
        return builder.build();
    }

    /**
     * @param schema the value's SDK schema, or null for a schemaless value
     * @param value an SDK value
     * @return the value as Connect holds it
     */
    public static Object toConnect(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        if (schema == null) {
            return schemalessToConnect(value);
        }
        if (schema.name() != null) {
            switch (schema.name()) {
                case Date.LOGICAL_NAME -> {
                    return java.util.Date.from(
                            ((LocalDate) value).atStartOfDay(ZoneOffset.UTC).toInstant());
                }
                case Time.LOGICAL_NAME -> {
                    return new java.util.Date(((LocalTime) value).toNanoOfDay() / 1_000_000);
                }
                case Timestamp.LOGICAL_NAME -> {
                    return new java.util.Date(((Instant) value).toEpochMilli());
                }
                case Decimal.LOGICAL_NAME -> {
                    return value;
                }
                default -> {
                    // Not a logical type: converted by its type below.
                }
            }
        }
        return switch (schema.type()) {
            case STRUCT -> {
                Struct struct = (Struct) value;
                org.apache.kafka.connect.data.Schema connectSchema = toConnect(schema);
                org.apache.kafka.connect.data.Struct converted =
                        new org.apache.kafka.connect.data.Struct(connectSchema);
                for (Field field : schema.fields()) {
                    // Connect refuses a null in a required field even when it has a default; left unset, the
                    // field reads as its default. A struct default Connect's schema cannot hold is applied here.
                    Object fieldValue = field.schema().type() == Schema.Type.STRUCT
                            ? struct.get(field.name())
                            : struct.getWithoutDefault(field.name());
                    if (fieldValue != null) {
                        converted.put(field.name(), toConnect(field.schema(), fieldValue));
                    }
                }
                yield converted;
            }
            case ARRAY -> {
                List<Object> converted = new ArrayList<>();
                for (Object element : (List<?>) value) {
                    converted.add(toConnect(schema.valueSchema(), element));
                }
                yield converted;
            }
            case MAP -> {
                Map<Object, Object> converted = new LinkedHashMap<>();
                ((Map<?, ?>) value)
                        .forEach((k, v) ->
                                converted.put(toConnect(schema.keySchema(), k), toConnect(schema.valueSchema(), v)));
                yield converted;
            }
            default -> value;
        };
    }

    /**
     * @param schema the value's Connect schema, or null for a schemaless value
     * @param value a Connect value
     * @return the value as the SDK holds it
     */
    public static Object toSdk(org.apache.kafka.connect.data.Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        if (schema == null) {
            return schemalessToSdk(value);
        }
        if (schema.name() != null) {
            switch (schema.name()) {
                case Date.LOGICAL_NAME -> {
                    // getTime(), not toInstant(): java.sql.Date, which JDBC sources put here, refuses toInstant().
                    return LocalDate.ofEpochDay(Math.floorDiv(((java.util.Date) value).getTime(), 86_400_000L));
                }
                case Time.LOGICAL_NAME -> {
                    return LocalTime.ofNanoOfDay(
                            Math.floorMod(((java.util.Date) value).getTime(), 86_400_000L) * 1_000_000L);
                }
                case Timestamp.LOGICAL_NAME -> {
                    return Instant.ofEpochMilli(((java.util.Date) value).getTime());
                }
                case Decimal.LOGICAL_NAME -> {
                    return value;
                }
                default -> {
                    // Not a logical type: converted by its type below.
                }
            }
        }
        return switch (schema.type()) {
            case STRUCT -> {
                org.apache.kafka.connect.data.Struct struct = (org.apache.kafka.connect.data.Struct) value;
                Schema sdkSchema = toSdk(schema);
                Struct.Builder converted = Struct.builder(sdkSchema);
                for (org.apache.kafka.connect.data.Field field : schema.fields()) {
                    converted.put(field.name(), toSdk(field.schema(), struct.getWithoutDefault(field.name())));
                }
                yield converted.build();
            }
            case ARRAY -> {
                List<Object> converted = new ArrayList<>();
                for (Object element : (List<?>) value) {
                    converted.add(toSdk(schema.valueSchema(), element));
                }
                yield converted;
            }
            case MAP -> {
                Map<Object, Object> converted = new LinkedHashMap<>();
                ((Map<?, ?>) value)
                        .forEach((k, v) -> converted.put(toSdk(schema.keySchema(), k), toSdk(schema.valueSchema(), v)));
                yield converted;
            }
            case BYTES -> value instanceof java.nio.ByteBuffer buffer ? bytes(buffer) : value;
            default -> value;
        };
    }

    private static Object schemalessToConnect(Object value) {
        if (value instanceof Struct struct) {
            return toConnect(struct.schema(), struct);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ConnectData::schemalessToConnect).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> converted = new LinkedHashMap<>();
            map.forEach((k, v) -> converted.put(schemalessToConnect(k), schemalessToConnect(v)));
            return converted;
        }
        if (value instanceof Instant instant) {
            return new java.util.Date(instant.toEpochMilli());
        }
        if (value instanceof LocalDate date) {
            return java.util.Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (value instanceof LocalTime time) {
            return new java.util.Date(time.toNanoOfDay() / 1_000_000);
        }
        return value;
    }

    private static Object schemalessToSdk(Object value) {
        if (value instanceof org.apache.kafka.connect.data.Struct struct) {
            return toSdk(struct.schema(), struct);
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>();
            list.forEach(element -> converted.add(schemalessToSdk(element)));
            return converted;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> converted = new LinkedHashMap<>();
            map.forEach((k, v) -> converted.put(schemalessToSdk(k), schemalessToSdk(v)));
            return converted;
        }
        if (value instanceof java.util.Date date) {
            return Instant.ofEpochMilli(date.getTime());
        }
        if (value instanceof java.nio.ByteBuffer buffer) {
            return bytes(buffer);
        }
        return value;
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    /** @return an SDK schema and value as Connect's: Connect's {@code NULL} for null */
    public static org.apache.kafka.connect.data.SchemaAndValue toConnect(io.tributary.sdk.data.SchemaAndValue data) {
        if (data == null) {
            return org.apache.kafka.connect.data.SchemaAndValue.NULL;
        }
        return new org.apache.kafka.connect.data.SchemaAndValue(
                toConnect(data.schema()), toConnect(data.schema(), data.value()));
    }

    /** @return a Connect schema and value as the SDK's: the SDK's {@code NULL} for null */
    public static io.tributary.sdk.data.SchemaAndValue toSdk(org.apache.kafka.connect.data.SchemaAndValue data) {
        if (data == null) {
            return io.tributary.sdk.data.SchemaAndValue.NULL;
        }
        return new io.tributary.sdk.data.SchemaAndValue(toSdk(data.schema()), toSdk(data.schema(), data.value()));
    }

    /** @return Connect headers holding the SDK headers, in order */
    public static org.apache.kafka.connect.header.Headers toConnect(Headers headers) {
        ConnectHeaders converted = new ConnectHeaders();
        for (Header header : headers) {
            converted.add(header.key(), toConnect(header.schema(), header.value()), toConnect(header.schema()));
        }
        return converted;
    }

    /** @return SDK headers holding the Connect headers, in order */
    public static Headers toSdk(org.apache.kafka.connect.header.Headers headers) {
        if (headers == null || headers.isEmpty()) {
            return Headers.empty();
        }
        List<Header> converted = new ArrayList<>();
        for (org.apache.kafka.connect.header.Header header : headers) {
            converted.add(new Header(header.key(), toSdk(header.schema()), toSdk(header.schema(), header.value())));
        }
        return Headers.of(converted);
    }
}
