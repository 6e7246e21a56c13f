package io.tributary.sdk.data;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.errors.DataException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The shape of a key, value or header: a type, whether it may be absent, and for complex types the
 * schemas of their elements or fields. Schemas are immutable and safe to share between threads.
 *
 * <p>Make one with {@link SchemaBuilder}, or use the constants here for the plain primitive types.
 * A schema's {@link #name()} marks a <em>logical type</em> when it is one of {@link Decimal}, {@link
 * Date}, {@link Time} or {@link Timestamp}; converters and transformations recognise them by name.
 *
 * <p>Values in Java are mapped as follows (see {@link #validateValue(Object)}):
 *
 * <pre>
 * INT8 → Byte       INT16 → Short     INT32 → Integer   INT64 → Long
 * FLOAT32 → Float   FLOAT64 → Double  BOOLEAN → Boolean STRING → String
 * BYTES → byte[] or ByteBuffer        ARRAY → List      MAP → Map       STRUCT → Struct
 * Decimal → BigDecimal   Date → LocalDate   Time → LocalTime   Timestamp → Instant
 * </pre>
 */
@Stable
public final class Schema {

    /** The types a schema can have. */
    public enum Type {
        /** 8-bit signed integer. */
        INT8(Byte.class),
        /** 16-bit signed integer. */
        INT16(Short.class),
        /** 32-bit signed integer. */
        INT32(Integer.class),
        /** 64-bit signed integer. */
        INT64(Long.class),
        /** 32-bit IEEE 754 floating point number. */
        FLOAT32(Float.class),
        /** 64-bit IEEE 754 floating point number. */
        FLOAT64(Double.class),
        /** A boolean. */
        BOOLEAN(Boolean.class),
        /** A character string. */
        STRING(String.class),
        /** A sequence of bytes. */
        BYTES(byte[].class),
        /** A list of values that share one schema. */
        ARRAY(List.class),
        /** A map whose keys share one schema and whose values share another. */
        MAP(Map.class),
        /** An ordered set of named fields, each with its own schema. */
        STRUCT(Struct.class);

        private final Class<?> javaType;

        Type(Class<?> javaType) {
            this.javaType = javaType;
        }

        /**
         * Returns whether this type holds a single value rather than other values.
         *
         * @return {@code false} for {@link #ARRAY}, {@link #MAP} and {@link #STRUCT}
         */
        public boolean isPrimitive() {
            return this != ARRAY && this != MAP && this != STRUCT;
        }

        /**
         * Returns the Java class that holds values of this type when no logical type applies.
         *
         * @return the class; never null
         */
        public Class<?> javaType() {
            return javaType;
        }
    }

    /** A required 8-bit integer. */
    public static final Schema INT8_SCHEMA = SchemaBuilder.int8().build();
    /** A required 16-bit integer. */
    public static final Schema INT16_SCHEMA = SchemaBuilder.int16().build();
    /** A required 32-bit integer. */
    public static final Schema INT32_SCHEMA = SchemaBuilder.int32().build();
    /** A required 64-bit integer. */
    public static final Schema INT64_SCHEMA = SchemaBuilder.int64().build();
    /** A required 32-bit float. */
    public static final Schema FLOAT32_SCHEMA = SchemaBuilder.float32().build();
    /** A required 64-bit float. */
    public static final Schema FLOAT64_SCHEMA = SchemaBuilder.float64().build();
    /** A required boolean. */
    public static final Schema BOOLEAN_SCHEMA = SchemaBuilder.bool().build();
    /** A required string. */
    public static final Schema STRING_SCHEMA = SchemaBuilder.string().build();
    /** A required byte sequence. */
    public static final Schema BYTES_SCHEMA = SchemaBuilder.bytes().build();
    /** An optional 8-bit integer. */
    public static final Schema OPTIONAL_INT8_SCHEMA =
            SchemaBuilder.int8().optional().build();
    /** An optional 16-bit integer. */
    public static final Schema OPTIONAL_INT16_SCHEMA =
            SchemaBuilder.int16().optional().build();
    /** An optional 32-bit integer. */
    public static final Schema OPTIONAL_INT32_SCHEMA =
            SchemaBuilder.int32().optional().build();
    /** An optional 64-bit integer. */
    public static final Schema OPTIONAL_INT64_SCHEMA =
            SchemaBuilder.int64().optional().build();
    /** An optional 32-bit float. */
    public static final Schema OPTIONAL_FLOAT32_SCHEMA =
            SchemaBuilder.float32().optional().build();
    /** An optional 64-bit float. */
    public static final Schema OPTIONAL_FLOAT64_SCHEMA =
            SchemaBuilder.float64().optional().build();
    /** An optional boolean. */
    public static final Schema OPTIONAL_BOOLEAN_SCHEMA =
            SchemaBuilder.bool().optional().build();
    /** An optional string. */
    public static final Schema OPTIONAL_STRING_SCHEMA =
            SchemaBuilder.string().optional().build();
    /** An optional byte sequence. */
    public static final Schema OPTIONAL_BYTES_SCHEMA =
            SchemaBuilder.bytes().optional().build();

    private final Type type;
    private final boolean optional;
    private final Object defaultValue;
    private final String name;
    private final Integer version;
    private final String doc;
    private final Map<String, String> parameters;
    private final Schema keySchema;
    private final Schema valueSchema;
    private final List<Field> fields;
    private final Map<String, Field> fieldsByName;
    /** The hash code, computed once: a schema never changes, and caches look schemas up per record. */
    private int hash;
    /** The Java type of its values, logical types included, found once: structs check it on every put. */
    private Class<?> javaType;

    Schema(SchemaBuilder builder) {
        this.type = builder.type;
        this.optional = builder.optional;
        this.name = builder.name;
        this.version = builder.version;
        this.doc = builder.doc;
        this.parameters = builder.parameters.isEmpty() ? Map.of() : unmodifiableCopy(builder.parameters);
        this.keySchema = builder.keySchema;
        this.valueSchema = builder.valueSchema;
        this.fields = List.copyOf(builder.fields.values());
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field field : fields) {
            byName.put(field.name(), field);
        }
        this.fieldsByName = java.util.Collections.unmodifiableMap(byName);
        this.defaultValue = builder.defaultValue;
        if (defaultValue != null) {
            validate(this, defaultValue, "Default value");
        }
    }

    private static Map<String, String> unmodifiableCopy(Map<String, String> map) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * @return the type; never null
     */
    public Type type() {
        return type;
    }

    /**
     * @return whether a null value is allowed
     */
    public boolean isOptional() {
        return optional;
    }

    /**
     * @return the value used where none is given; null when there is none
     */
    public Object defaultValue() {
        return defaultValue;
    }

    /**
     * @return the fully qualified name, which marks logical types; null when unnamed
     */
    public String name() {
        return name;
    }

    /**
     * @return the version of a named schema; null when unversioned
     */
    public Integer version() {
        return version;
    }

    /**
     * @return documentation for people reading the schema; null when there is none
     */
    public String doc() {
        return doc;
    }

    /**
     * @return extra properties, such as a decimal's scale; unmodifiable, never null
     */
    public Map<String, String> parameters() {
        return parameters;
    }

    /**
     * Returns the schema of a map's keys.
     *
     * @return the key schema
     * @throws DataException if this is not a {@link Type#MAP} schema
     */
    public Schema keySchema() {
        if (type != Type.MAP) {
            throw new DataException("Only MAP schemas have a key schema; this schema is " + type);
        }
        return keySchema;
    }

    /**
     * Returns the schema of a map's values or of an array's elements.
     *
     * @return the value schema
     * @throws DataException if this is not a {@link Type#MAP} or {@link Type#ARRAY} schema
     */
    public Schema valueSchema() {
        if (type != Type.MAP && type != Type.ARRAY) {
            throw new DataException("Only MAP and ARRAY schemas have a value schema; this schema is " + type);
        }
        return valueSchema;
    }

    /**
     * Returns a struct's fields in order.
     *
     * @return the fields; unmodifiable, never null
     * @throws DataException if this is not a {@link Type#STRUCT} schema
     */
    public List<Field> fields() {
        requireStruct();
        return fields;
    }

    /**
     * Looks up a struct's field by name.
     *
     * @param fieldName the field's name
     * @return the field, or empty if the struct has no field of that name
     * @throws DataException if this is not a {@link Type#STRUCT} schema
     */
    public Optional<Field> field(String fieldName) {
        requireStruct();
        return Optional.ofNullable(fieldsByName.get(fieldName));
    }

    private void requireStruct() {
        if (type != Type.STRUCT) {
            throw new DataException("Only STRUCT schemas have fields; this schema is " + type);
        }
    }

    /**
     * Checks that a value fits this schema, including the elements of arrays and maps and the fields
     * of structs.
     *
     * @param value the value to check; may be null
     * @throws DataException naming the offending field, the expected type and the value found
     */
    public void validateValue(Object value) {
        validate(this, value, "Value");
    }

    /**
     * Whether a value fits a schema, as {@link #validate(Schema, Object, String)} decides, without building the
     * messages that say where it does not: validation runs it first, for every field, header and record, and a
     * struct runs it before it builds the location a message would name.
     */
    static boolean fits(Schema schema, Object value) {
        if (value == null) {
            return schema.optional || schema.defaultValue != null;
        }
        Class<?> expected = schema.javaType;
        if (expected == null) {
            expected = LogicalTypes.javaType(schema);
            schema.javaType = expected;
        }
        boolean fits = expected == byte[].class
                ? value instanceof byte[] || value instanceof ByteBuffer
                : expected.isInstance(value);
        if (!fits || !LogicalTypes.fits(schema, value)) {
            return false;
        }
        return switch (schema.type) {
            case ARRAY -> {
                for (Object element : (List<?>) value) {
                    if (!fits(schema.valueSchema, element)) {
                        yield false;
                    }
                }
                yield true;
            }
            case MAP -> {
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    if (!fits(schema.keySchema, entry.getKey()) || !fits(schema.valueSchema, entry.getValue())) {
                        yield false;
                    }
                }
                yield true;
            }
            case STRUCT -> ((Struct) value).schema().equalsIgnoringDefault(schema);
            default -> true;
        };
    }

    static void validate(Schema schema, Object value, String where) {
        if (fits(schema, value)) {
            return;
        }
        // It does not fit: find where, and say so.
        if (value == null) {
            if (!schema.optional && schema.defaultValue == null) {
                throw new DataException(where + " is " + describeType(schema) + " and required, got null");
            }
            return;
        }
        Class<?> expected = LogicalTypes.javaType(schema);
        boolean fits = expected == byte[].class
                ? value instanceof byte[] || value instanceof ByteBuffer
                : expected.isInstance(value);
        if (!fits) {
            throw new DataException(where + " is " + describeType(schema) + ", got " + describeValue(value));
        }
        LogicalTypes.validate(schema, value, where);
        switch (schema.type) {
            case ARRAY -> {
                int index = 0;
                for (Object element : (List<?>) value) {
                    validate(schema.valueSchema, element, where + "[" + index++ + "]");
                }
            }
            case MAP -> {
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    validate(schema.keySchema, entry.getKey(), where + " key");
                    validate(schema.valueSchema, entry.getValue(), where + "[" + describeValue(entry.getKey()) + "]");
                }
            }
            case STRUCT -> {
                Struct struct = (Struct) value;
                if (!struct.schema().equalsIgnoringDefault(schema)) {
                    throw new DataException(
                            where + " is a struct of schema " + schema + ", got a struct of schema " + struct.schema());
                }
            }
            default -> {}
        }
    }

    static String describeType(Schema schema) {
        return schema.name != null && LogicalTypes.isLogical(schema) ? schema.name : schema.type.name();
    }

    static String describeValue(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "String \"" + abbreviate(s) + "\"";
        } else if (value instanceof byte[] bytes) {
            return "byte[] (" + bytes.length + " bytes)";
        } else if (value instanceof ByteBuffer buffer) {
            return "ByteBuffer (" + buffer.remaining() + " bytes)";
        }
        // Name collections by interface: their JDK classes (List12, ListN, ...) mean nothing to a reader.
        String type = value instanceof List
                ? "List"
                : value instanceof Map ? "Map" : value.getClass().getSimpleName();
        return type + " " + abbreviate(String.valueOf(value));
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Schema other
                && equalsIgnoringDefault(other)
                && DataEquality.deepEquals(defaultValue, other.defaultValue);
    }

    /**
     * Compares everything but the default values, which do not change which values fit. A struct schema's
     * default is a struct of the same schema without that default, so validation must not compare them.
     */
    private boolean equalsIgnoringDefault(Schema other) {
        if (this == other) {
            return true;
        }
        return type == other.type
                && optional == other.optional
                && Objects.equals(name, other.name)
                && Objects.equals(version, other.version)
                && Objects.equals(doc, other.doc)
                && Objects.equals(parameters, other.parameters)
                && Objects.equals(keySchema, other.keySchema)
                && Objects.equals(valueSchema, other.valueSchema)
                && Objects.equals(fields, other.fields);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(type, optional, name, version, parameters, keySchema, valueSchema, fields);
            hash = h == 0 ? 1 : h;
        }
        return h == 0 ? 1 : h;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Schema{");
        s.append(name != null ? name + ":" : "").append(type);
        if (type == Type.ARRAY) {
            s.append('<').append(valueSchema).append('>');
        } else if (type == Type.MAP) {
            s.append('<').append(keySchema).append(',').append(valueSchema).append('>');
        } else if (type == Type.STRUCT) {
            s.append('{');
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                s.append(i == 0 ? "" : ",")
                        .append(f.name())
                        .append(':')
                        .append(f.schema().shortType());
            }
            s.append('}');
        }
        if (optional) {
            s.append(",optional");
        }
        return s.append('}').toString();
    }

    private String shortType() {
        return (name != null ? name : type.name()) + (optional ? "?" : "");
    }

    static boolean bytesEqual(Object a, Object b) {
        return Arrays.equals(toArray(a), toArray(b));
    }

    static byte[] toArray(Object bytes) {
        if (bytes instanceof byte[] array) {
            return array;
        }
        ByteBuffer buffer = ((ByteBuffer) bytes).duplicate();
        byte[] array = new byte[buffer.remaining()];
        buffer.get(array);
        return array;
    }
}
