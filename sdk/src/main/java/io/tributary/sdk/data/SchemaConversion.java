package io.tributary.sdk.data;

import io.tributary.sdk.errors.DataException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Converts a value to the Java value of a target schema, for {@link Values#convertTo(Schema, Schema, Object)}:
 * picks the conversion for the target's type or logical type, and converts arrays, maps and structs item by
 * item.
 */
final class SchemaConversion {
    private SchemaConversion() {}

    static Object convert(Schema targetSchema, Schema sourceSchema, Object value) {
        Objects.requireNonNull(targetSchema, "targetSchema");
        if (value == null) {
            if (targetSchema.isOptional() || targetSchema.defaultValue() != null) {
                return null;
            }
            throw new DataException(
                    "Cannot convert null to " + describeTarget(targetSchema) + ": the schema requires a value");
        }
        if (LogicalTypes.isLogical(targetSchema)) {
            return switch (targetSchema.name()) {
                case Decimal.LOGICAL_NAME -> Values.convertToDecimal(sourceSchema, value, Decimal.scale(targetSchema));
                case Date.LOGICAL_NAME -> Values.convertToDate(sourceSchema, value);
                case Time.LOGICAL_NAME -> Values.convertToTime(sourceSchema, value);
                default -> Values.convertToTimestamp(sourceSchema, value);
            };
        }
        return switch (targetSchema.type()) {
            case INT8 -> Values.convertToByte(sourceSchema, value);
            case INT16 -> Values.convertToShort(sourceSchema, value);
            case INT32 -> Values.convertToInteger(sourceSchema, value);
            case INT64 -> Values.convertToLong(sourceSchema, value);
            case FLOAT32 -> Values.convertToFloat(sourceSchema, value);
            case FLOAT64 -> Values.convertToDouble(sourceSchema, value);
            case BOOLEAN -> Values.convertToBoolean(sourceSchema, value);
            case STRING -> Values.convertToString(sourceSchema, value);
            case BYTES -> toBytes(sourceSchema, value);
            case ARRAY -> toArray(targetSchema, sourceSchema, value);
            case MAP -> toMap(targetSchema, sourceSchema, value);
            case STRUCT -> toStruct(targetSchema, sourceSchema, value);
        };
    }

    private static Object toBytes(Schema schema, Object value) {
        Object logical = Values.decode(schema, value);
        if (logical instanceof byte[] || logical instanceof ByteBuffer) {
            return logical;
        }
        if (logical instanceof String s) {
            try {
                return Base64.getDecoder().decode(s.strip());
            } catch (IllegalArgumentException e) {
                throw Values.cannotConvert(value, "BYTES", "not Base64");
            }
        }
        throw Values.cannotConvert(value, "BYTES", "not bytes or Base64 text");
    }

    private static List<Object> toArray(Schema target, Schema source, Object value) {
        List<?> list = Values.convertToList(source, value);
        Schema sourceElements = source != null && source.type() == Schema.Type.ARRAY ? source.valueSchema() : null;
        List<Object> converted = new ArrayList<>(list.size());
        for (Object element : list) {
            converted.add(convert(target.valueSchema(), sourceElements, element));
        }
        return Collections.unmodifiableList(converted);
    }

    private static Map<Object, Object> toMap(Schema target, Schema source, Object value) {
        Map<?, ?> map = Values.convertToMap(source, value);
        boolean sourceIsMap = source != null && source.type() == Schema.Type.MAP;
        Map<Object, Object> converted = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            converted.put(
                    convert(target.keySchema(), sourceIsMap ? source.keySchema() : null, entry.getKey()),
                    convert(target.valueSchema(), sourceIsMap ? source.valueSchema() : null, entry.getValue()));
        }
        return Collections.unmodifiableMap(converted);
    }

    private static Struct toStruct(Schema target, Schema source, Object value) {
        if (value instanceof Struct struct && struct.schema().equals(target)) {
            return struct;
        }
        Struct.Builder builder = Struct.builder(target);
        if (value instanceof Struct struct) {
            for (Field field : target.fields()) {
                struct.schema()
                        .field(field.name())
                        .ifPresent(
                                sourceField -> putField(builder, field, sourceField.schema(), struct.get(sourceField)));
            }
        } else if (value instanceof Map<?, ?> || value instanceof String) {
            Object parsed = value instanceof String s ? ValueParser.parse(s).value() : value;
            if (!(parsed instanceof Map<?, ?> map)) {
                throw Values.cannotConvert(value, "STRUCT", "not a struct or map");
            }
            Schema sourceValues = source != null && source.type() == Schema.Type.MAP ? source.valueSchema() : null;
            for (Field field : target.fields()) {
                putField(builder, field, sourceValues, map.get(field.name()));
            }
        } else {
            throw Values.cannotConvert(value, "STRUCT", "not a struct or map");
        }
        return builder.build();
    }

    /** Leaves a null unset, so that {@link Struct.Builder#build()} names a missing required field. */
    private static void putField(Struct.Builder builder, Field field, Schema sourceSchema, Object value) {
        if (value == null) {
            return;
        }
        try {
            builder.put(field, convert(field.schema(), sourceSchema, value));
        } catch (DataException e) {
            throw new DataException("Field '" + field.name() + "': " + e.getMessage(), e);
        }
    }

    private static String describeTarget(Schema schema) {
        if (!LogicalTypes.isLogical(schema)) {
            return schema.type().name();
        }
        return switch (schema.name()) {
            case Decimal.LOGICAL_NAME -> "Decimal of scale " + Decimal.scale(schema);
            case Date.LOGICAL_NAME -> "Date";
            case Time.LOGICAL_NAME -> "Time";
            default -> "Timestamp";
        };
    }
}
