package io.tributary.sdk.data;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.errors.DataException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value of a {@link Schema.Type#STRUCT} schema: one value per field, checked against the field's
 * schema. Structs are immutable; build one with {@link #builder(Schema)}:
 *
 * <pre>{@code
 * Struct order = Struct.builder(orderSchema)
 *         .put("id", 42L)
 *         .put("amount", new BigDecimal("9.99"))
 *         .build();
 * long id = order.getInt64("id");
 * }</pre>
 *
 * <p>{@link Builder#put} checks each value as it is set and {@link Builder#build()} checks that every
 * required field without a default has a value, so an invalid struct never exists. Getters return a
 * field's default value when it has no value of its own.
 */
@Stable
public final class Struct {
    private final Schema schema;
    private final Object[] values;

    private Struct(Schema schema, Object[] values) {
        this.schema = schema;
        this.values = values;
    }

    /**
     * Starts a struct of the given schema.
     *
     * @param schema a {@link Schema.Type#STRUCT} schema; never null
     * @return a new builder
     * @throws DataException if the schema is not a struct schema
     */
    public static Builder builder(Schema schema) {
        return new Builder(schema, null);
    }

    /**
     * Starts a builder holding this struct's values, so a changed copy can be made.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(schema, values.clone());
    }

    /** @return the struct's schema; never null */
    public Schema schema() {
        return schema;
    }

    /**
     * Returns a field's value, or its default value when it has none.
     *
     * @param fieldName the field's name
     * @return the value (a byte array as a copy); null only for an optional field without value or default
     * @throws DataException if the schema has no such field
     */
    public Object get(String fieldName) {
        return get(lookup(schema, fieldName));
    }

    /**
     * Returns a field's value, or its default value when it has none.
     *
     * @param field a field of this struct's schema
     * @return the value (a byte array as a copy); null only for an optional field without value or default
     * @throws DataException if the field does not belong to this struct's schema
     */
    public Object get(Field field) {
        Field own = lookup(schema, field);
        if (own != field && !own.equals(field)) {
            throw new DataException("Field '" + field.name() + "' of schema " + field.schema()
                    + " does not belong to this struct's schema " + schema);
        }
        Object value = values[own.index()];
        return copyIfArray(value != null ? value : own.schema().defaultValue());
    }

    /**
     * Returns a field's value without falling back to its default.
     *
     * @param fieldName the field's name
     * @return the value that was set (a byte array as a copy); null if none was
     */
    public Object getWithoutDefault(String fieldName) {
        return copyIfArray(values[lookup(schema, fieldName).index()]);
    }

    /** A byte array is mutable, so callers get a copy and the struct stays as it was built. */
    private static Object copyIfArray(Object value) {
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }

    /** @param fieldName an INT8 field @return its value */
    public Byte getInt8(String fieldName) {
        return typed(fieldName, Byte.class);
    }

    /** @param fieldName an INT16 field @return its value */
    public Short getInt16(String fieldName) {
        return typed(fieldName, Short.class);
    }

    /** @param fieldName an INT32 field @return its value */
    public Integer getInt32(String fieldName) {
        return typed(fieldName, Integer.class);
    }

    /** @param fieldName an INT64 field @return its value */
    public Long getInt64(String fieldName) {
        return typed(fieldName, Long.class);
    }

    /** @param fieldName a FLOAT32 field @return its value */
    public Float getFloat32(String fieldName) {
        return typed(fieldName, Float.class);
    }

    /** @param fieldName a FLOAT64 field @return its value */
    public Double getFloat64(String fieldName) {
        return typed(fieldName, Double.class);
    }

    /** @param fieldName a BOOLEAN field @return its value */
    public Boolean getBoolean(String fieldName) {
        return typed(fieldName, Boolean.class);
    }

    /** @param fieldName a STRING field @return its value */
    public String getString(String fieldName) {
        return typed(fieldName, String.class);
    }

    /**
     * @param fieldName a BYTES field
     * @return a copy of its value as an array, which the caller may change
     * @throws DataException if the field is not a BYTES field
     */
    public byte[] getBytes(String fieldName) {
        Field field = lookup(schema, fieldName);
        Object value = get(field);
        if (value != null && !(value instanceof byte[]) && !(value instanceof ByteBuffer)) {
            throw notReadableAs(field, "byte[]");
        }
        return value == null ? null : Schema.toArray(value);
    }

    /** @param fieldName a {@link Decimal} field @return its value */
    public BigDecimal getDecimal(String fieldName) {
        return typed(fieldName, BigDecimal.class);
    }

    /** @param fieldName a {@link Date} field @return its value */
    public LocalDate getDate(String fieldName) {
        return typed(fieldName, LocalDate.class);
    }

    /** @param fieldName a {@link Time} field @return its value */
    public LocalTime getTime(String fieldName) {
        return typed(fieldName, LocalTime.class);
    }

    /** @param fieldName a {@link Timestamp} field @return its value */
    public Instant getTimestamp(String fieldName) {
        return typed(fieldName, Instant.class);
    }

    /**
     * @param fieldName an ARRAY field
     * @param <T> the element type
     * @return its value; unmodifiable
     */
    @SuppressWarnings("unchecked")
    public <T> List<T> getArray(String fieldName) {
        return (List<T>) typed(fieldName, List.class);
    }

    /**
     * @param fieldName a MAP field
     * @param <K> the key type
     * @param <V> the value type
     * @return its value; unmodifiable
     */
    @SuppressWarnings("unchecked")
    public <K, V> Map<K, V> getMap(String fieldName) {
        return (Map<K, V>) typed(fieldName, Map.class);
    }

    /** @param fieldName a STRUCT field @return its value */
    public Struct getStruct(String fieldName) {
        return typed(fieldName, Struct.class);
    }

    private <T> T typed(String fieldName, Class<T> type) {
        Field field = lookup(schema, fieldName);
        Object value = get(field);
        if (value != null && !type.isInstance(value)) {
            throw notReadableAs(field, type.getSimpleName());
        }
        return type.cast(value);
    }

    private static DataException notReadableAs(Field field, String javaType) {
        return new DataException("Field '" + field.name() + "' is " + Schema.describeType(field.schema())
                + ", which is not read as " + javaType + "; use the getter for its type");
    }

    /** @return the schema's field of the given one's name: the given one itself when it is the schema's own */
    private static Field lookup(Schema schema, Field field) {
        int index = field.index();
        if (index >= 0 && index < schema.fields().size() && schema.fields().get(index) == field) {
            return field;
        }
        return lookup(schema, field.name());
    }

    private static Field lookup(Schema schema, String fieldName) {
        return schema.field(fieldName)
                .orElseThrow(() -> new DataException("Struct schema " + schema + " has no field '" + fieldName + "'"));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Struct other) || !schema.equals(other.schema)) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (!DataEquality.deepEquals(values[i], other.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = schema.hashCode();
        for (Object value : values) {
            hash = 31 * hash + DataEquality.deepHashCode(value);
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Struct{");
        List<Field> fields = schema.fields();
        boolean first = true;
        for (Field field : fields) {
            Object value = values[field.index()];
            if (value == null) {
                continue;
            }
            s.append(first ? "" : ",").append(field.name()).append('=');
            s.append(value instanceof byte[] bytes ? Arrays.toString(bytes) : value);
            first = false;
        }
        return s.append('}').toString();
    }

    /** Collects a struct's field values, checking each as it is set. Not thread-safe. */
    public static final class Builder {
        private final Schema schema;
        private final Object[] values;

        private Builder(Schema schema, Object[] values) {
            Objects.requireNonNull(schema, "schema");
            if (schema.type() != Schema.Type.STRUCT) {
                throw new DataException("A Struct needs a STRUCT schema, got " + schema);
            }
            this.schema = schema;
            this.values = values != null ? values : new Object[schema.fields().size()];
        }

        /**
         * Sets a field's value, replacing any value set before.
         *
         * @param fieldName the field's name
         * @param value the value; null clears it
         * @return this builder
         * @throws DataException if there is no such field or the value does not fit its schema
         */
        public Builder put(String fieldName, Object value) {
            return put(lookup(schema, fieldName), value);
        }

        /**
         * Sets a field's value, replacing any value set before.
         *
         * @param field a field of the builder's schema
         * @param value the value; null clears it
         * @return this builder
         * @throws DataException if the value does not fit the field's schema
         */
        public Builder put(Field field, Object value) {
            Field own = lookup(schema, field);
            // The message is built only for a value that does not fit: this runs for every field of every record.
            if (value != null && !Schema.fits(own.schema(), value)) {
                Schema.validate(own.schema(), value, "Field '" + own.name() + "'");
            }
            values[own.index()] = freeze(value);
            return this;
        }

        /**
         * Builds the struct.
         *
         * @return a new immutable struct
         * @throws DataException naming the first required field that has no value and no default
         */
        public Struct build() {
            for (Field field : schema.fields()) {
                Object value = values[field.index()];
                if (value == null
                        && !field.schema().isOptional()
                        && field.schema().defaultValue() == null) {
                    throw new DataException("Field '" + field.name() + "' is " + Schema.describeType(field.schema())
                            + " and required, got null");
                }
            }
            return new Struct(schema, values.clone());
        }

        private static Object freeze(Object value) {
            if (value instanceof FrozenList<?>) {
                // Already a struct's own copy, as a struct's getter gives it: nothing can change it.
                return value;
            }
            if (value instanceof List<?> list) {
                return new FrozenList<>(list.toArray());
            }
            if (value instanceof Map<?, ?> map) {
                return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
            }
            if (value instanceof byte[] bytes) {
                return bytes.clone();
            }
            return value;
        }
    }

    /** A struct's copy of a list: unmodifiable, holding its own array, so a struct can share it with a copy. */
    private static final class FrozenList<E> extends java.util.AbstractList<E>
            implements java.util.RandomAccess, java.io.Serializable {
        private static final long serialVersionUID = 1L;

        private final Object[] elements;

        FrozenList(Object[] elements) {
            this.elements = elements;
        }

        @Override
        @SuppressWarnings("unchecked")
        public E get(int index) {
            return (E) elements[index];
        }

        @Override
        public int size() {
            return elements.length;
        }
    }
}
