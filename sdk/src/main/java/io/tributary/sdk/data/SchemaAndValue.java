package io.tributary.sdk.data;

import io.tributary.sdk.annotation.Stable;

/**
 * A value together with its schema, as converters and {@link Values} return them.
 *
 * @param schema the value's schema; null for schemaless data
 * @param value the value; may be null
 */
@Stable
public record SchemaAndValue(Schema schema, Object value) {
    /** No schema and no value: what a converter returns for a null (tombstone) message. */
    public static final SchemaAndValue NULL = new SchemaAndValue(null, null);

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaAndValue other
                && java.util.Objects.equals(schema, other.schema)
                && DataEquality.deepEquals(value, other.value);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(schema) * 31 + DataEquality.deepHashCode(value);
    }
}
