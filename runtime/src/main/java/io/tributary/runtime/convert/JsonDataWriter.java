package io.tributary.runtime.convert;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.sdk.data.Date;
import io.tributary.sdk.data.Decimal;
import io.tributary.sdk.data.Field;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.data.Time;
import io.tributary.sdk.data.Timestamp;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * Writes data values as JSON in Kafka Connect's encoding: numbers, booleans and strings as themselves, bytes as
 * Base64 strings, arrays as arrays, structs as objects of their fields in schema order, maps as objects when their
 * keys are strings and otherwise as arrays of {@code [key, value]} pairs, and logical types in their encoded form.
 * Stateless apart from its settings, so thread-safe.
 */
final class JsonDataWriter {
    private final DecimalFormat decimalFormat;
    private final boolean replaceNullWithDefault;

    /**
     * @param decimalFormat how decimals are written
     * @param replaceNullWithDefault whether a null is written as the schema's default value, when it has one
     */
    JsonDataWriter(DecimalFormat decimalFormat, boolean replaceNullWithDefault) {
        this.decimalFormat = decimalFormat;
        this.replaceNullWithDefault = replaceNullWithDefault;
    }

    /**
     * Checks a value against its schema and writes it.
     *
     * @param generator where to write
     * @param schema the value's schema; null for schemaless data, which is written as its Java class suggests
     * @param value the value; may be null
     * @throws io.tributary.sdk.errors.DataException if the value does not fit the schema
     * @throws LocatedProblem if the value has no JSON form, naming where it is within the value
     */
    void write(JsonGenerator generator, Schema schema, Object value) throws IOException {
        if (schema == null) {
            writeSchemaless(generator, value);
        } else {
            schema.validateValue(value);
            writeValid(generator, schema, value);
        }
    }

    /**
     * Writes a value already known to fit its schema, such as a schema's default value.
     *
     * @param generator where to write
     * @param schema the value's schema; never null
     * @param value the value; may be null
     */
    void writeValid(JsonGenerator generator, Schema schema, Object value) throws IOException {
        Object present = value;
        if (present == null) {
            if (schema.defaultValue() != null && replaceNullWithDefault) {
                present = schema.defaultValue();
            } else if (schema.isOptional()) {
                generator.writeNull();
                return;
            } else {
                // Only reachable for a required field that relies on its default, which the setting leaves unused.
                throw new LocatedProblem("is " + LogicalType.describe(schema)
                        + " and required, and has no value; its default value is not used because "
                        + JsonConverter.REPLACE_NULL_WITH_DEFAULT + " is false");
            }
        }
        LogicalType logical = LogicalType.of(schema);
        if (logical != null) {
            writeLogical(generator, logical, schema, present);
            return;
        }
        switch (schema.type()) {
            case INT8 -> generator.writeNumber((Byte) present);
            case INT16 -> generator.writeNumber((Short) present);
            case INT32 -> generator.writeNumber((Integer) present);
            case INT64 -> generator.writeNumber((Long) present);
            case FLOAT32 -> generator.writeNumber((Float) present);
            case FLOAT64 -> generator.writeNumber((Double) present);
            case BOOLEAN -> generator.writeBoolean((Boolean) present);
            case STRING -> generator.writeString((String) present);
            case BYTES -> generator.writeBinary(BytesValues.toArray(present));
            case ARRAY -> writeArray(generator, schema.valueSchema(), (List<?>) present);
            case MAP -> writeMap(generator, schema, (Map<?, ?>) present);
            case STRUCT -> writeStruct(generator, (Struct) present);
        }
    }

    private void writeLogical(JsonGenerator generator, LogicalType logical, Schema schema, Object value)
            throws IOException {
        switch (logical) {
            case DECIMAL -> {
                BigDecimal decimal = (BigDecimal) value;
                if (decimalFormat == DecimalFormat.NUMERIC) {
                    generator.writeNumber(decimal);
                } else {
                    generator.writeBinary(Decimal.fromLogical(schema, decimal));
                }
            }
            case DATE -> generator.writeNumber(Date.fromLogical((LocalDate) value));
            case TIME -> generator.writeNumber(Time.fromLogical((LocalTime) value));
            case TIMESTAMP -> generator.writeNumber(Timestamp.fromLogical((Instant) value));
        }
    }

    private void writeArray(JsonGenerator generator, Schema elementSchema, List<?> list) throws IOException {
        generator.writeStartArray();
        int index = 0;
        for (Object element : list) {
            try {
                writeValid(generator, elementSchema, element);
            } catch (LocatedProblem problem) {
                throw problem.within("[" + index + "]");
            }
            index++;
        }
        generator.writeEndArray();
    }

    private void writeMap(JsonGenerator generator, Schema schema, Map<?, ?> map) throws IOException {
        Schema keySchema = schema.keySchema();
        Schema valueSchema = schema.valueSchema();
        if (keySchema.type() == Schema.Type.STRING) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getKey() == null) {
                    throw new LocatedProblem("has a null key, which a JSON object cannot hold; "
                            + "remove the entry or give the map non-null keys");
                }
                String key = (String) entry.getKey();
                generator.writeFieldName(key);
                try {
                    writeValid(generator, valueSchema, entry.getValue());
                } catch (LocatedProblem problem) {
                    throw problem.within("." + key);
                }
            }
            generator.writeEndObject();
            return;
        }
        generator.writeStartArray();
        int index = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            generator.writeStartArray();
            try {
                writeValid(generator, keySchema, entry.getKey());
            } catch (LocatedProblem problem) {
                throw problem.within("[" + index + "][0]");
            }
            try {
                writeValid(generator, valueSchema, entry.getValue());
            } catch (LocatedProblem problem) {
                throw problem.within("[" + index + "][1]");
            }
            generator.writeEndArray();
            index++;
        }
        generator.writeEndArray();
    }

    private void writeStruct(JsonGenerator generator, Struct struct) throws IOException {
        generator.writeStartObject();
        for (Field field : struct.schema().fields()) {
            generator.writeFieldName(field.name());
            try {
                // The field's default, if any, is applied by writeValid, which knows the setting.
                writeValid(generator, field.schema(), struct.getWithoutDefault(field.name()));
            } catch (LocatedProblem problem) {
                throw problem.within("." + field.name());
            }
        }
        generator.writeEndObject();
    }

    private void writeSchemaless(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Byte b) {
            generator.writeNumber(b);
        } else if (value instanceof Short s) {
            generator.writeNumber(s);
        } else if (value instanceof Integer i) {
            generator.writeNumber(i);
        } else if (value instanceof Long l) {
            generator.writeNumber(l);
        } else if (value instanceof Float f) {
            generator.writeNumber(f);
        } else if (value instanceof Double d) {
            generator.writeNumber(d);
        } else if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        } else if (value instanceof String s) {
            generator.writeString(s);
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            generator.writeBinary(BytesValues.toArray(value));
        } else if (value instanceof List<?> list) {
            writeSchemalessArray(generator, list);
        } else if (value instanceof Map<?, ?> map) {
            writeSchemalessMap(generator, map);
        } else if (value instanceof Struct) {
            throw new LocatedProblem("is a Struct without a schema; pass the struct's schema with it");
        } else if (value instanceof BigDecimal
                || value instanceof LocalDate
                || value instanceof LocalTime
                || value instanceof Instant) {
            throw new LocatedProblem("is a " + value.getClass().getSimpleName() + " without a schema; "
                    + "logical values need their Decimal, Date, Time or Timestamp schema to be encoded");
        } else {
            throw new LocatedProblem("is a " + value.getClass().getName() + ", which has no JSON form; "
                    + "use the SDK's data types (see io.tributary.sdk.data.Schema)");
        }
    }

    private void writeSchemalessArray(JsonGenerator generator, List<?> list) throws IOException {
        generator.writeStartArray();
        int index = 0;
        for (Object element : list) {
            try {
                writeSchemaless(generator, element);
            } catch (LocatedProblem problem) {
                throw problem.within("[" + index + "]");
            }
            index++;
        }
        generator.writeEndArray();
    }

    private void writeSchemalessMap(JsonGenerator generator, Map<?, ?> map) throws IOException {
        boolean stringKeys = map.keySet().stream().allMatch(key -> key instanceof String);
        if (stringKeys) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = (String) entry.getKey();
                generator.writeFieldName(key);
                try {
                    writeSchemaless(generator, entry.getValue());
                } catch (LocatedProblem problem) {
                    throw problem.within("." + key);
                }
            }
            generator.writeEndObject();
            return;
        }
        generator.writeStartArray();
        int index = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            generator.writeStartArray();
            try {
                writeSchemaless(generator, entry.getKey());
            } catch (LocatedProblem problem) {
                throw problem.within("[" + index + "][0]");
            }
            try {
                writeSchemaless(generator, entry.getValue());
            } catch (LocatedProblem problem) {
                throw problem.within("[" + index + "][1]");
            }
            generator.writeEndArray();
            index++;
        }
        generator.writeEndArray();
    }
}
