package io.tributary.sdk.data;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Infers schemas from Java values, for {@link Values#inferSchema(Object)} and for the arrays and maps that
 * {@link ValueParser} reads: the schema of a collection is the one its items share.
 */
final class SchemaInference {
    private SchemaInference() {}

    static Schema infer(Object value) {
        if (value == null) {
            return null;
        } else if (value instanceof Struct struct) {
            return struct.schema();
        } else if (value instanceof List<?> list) {
            Schema elementSchema = commonSchemaOf(list);
            return elementSchema == null
                    ? null
                    : SchemaBuilder.array(elementSchema).build();
        } else if (value instanceof Map<?, ?> map) {
            Schema keySchema = commonSchemaOf(map.keySet());
            Schema valueSchema = commonSchemaOf(map.values());
            return keySchema == null || valueSchema == null
                    ? null
                    : SchemaBuilder.map(keySchema, valueSchema).build();
        }
        return primitiveSchema(value);
    }

    private static Schema primitiveSchema(Object value) {
        if (value instanceof Byte) {
            return Schema.INT8_SCHEMA;
        } else if (value instanceof Short) {
            return Schema.INT16_SCHEMA;
        } else if (value instanceof Integer) {
            return Schema.INT32_SCHEMA;
        } else if (value instanceof Long) {
            return Schema.INT64_SCHEMA;
        } else if (value instanceof Float) {
            return Schema.FLOAT32_SCHEMA;
        } else if (value instanceof Double) {
            return Schema.FLOAT64_SCHEMA;
        } else if (value instanceof Boolean) {
            return Schema.BOOLEAN_SCHEMA;
        } else if (value instanceof String) {
            return Schema.STRING_SCHEMA;
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            return Schema.BYTES_SCHEMA;
        } else if (value instanceof BigDecimal decimal) {
            return Decimal.schema(decimal.scale());
        } else if (value instanceof LocalDate) {
            return Date.SCHEMA;
        } else if (value instanceof LocalTime) {
            return Time.SCHEMA;
        } else if (value instanceof Instant) {
            return Timestamp.SCHEMA;
        }
        return null;
    }

    private static Schema commonSchemaOf(Iterable<?> items) {
        List<Schema> schemas = new ArrayList<>();
        boolean hasNull = false;
        for (Object item : items) {
            if (item == null) {
                hasNull = true;
            } else {
                schemas.add(infer(item));
            }
        }
        return commonSchema(schemas, hasNull);
    }

    /**
     * Returns the one schema that items share, made optional when some are null.
     *
     * @param schemas the schemas of the non-null items; an item without a schema is a null entry
     * @param hasNull whether null items are among them
     * @return the shared schema; null when there is none, or when a struct schema would have to be made
     *     optional (its structs would no longer fit it)
     */
    static Schema commonSchema(List<Schema> schemas, boolean hasNull) {
        if (schemas.isEmpty()) {
            return null;
        }
        Schema shared = schemas.get(0);
        for (Schema schema : schemas) {
            if (schema == null || !schema.equals(shared)) {
                return null;
            }
        }
        if (!hasNull || shared.isOptional()) {
            return shared;
        }
        return shared.type() == Schema.Type.STRUCT
                ? null
                : SchemaBuilder.from(shared).optional().build();
    }
}
