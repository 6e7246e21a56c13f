package io.tributary.sdk.header;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.data.Schema;
import java.util.Objects;

/**
 * One header of a record: a key and a value with its schema. Headers are immutable.
 *
 * @param key the header's key; never null
 * @param schema the value's schema; null when the value is schemaless
 * @param value the value; may be null
 */
@Stable
public record Header(String key, Schema schema, Object value) {
    /** Checks that the key is given and the value fits its schema. */
    public Header {
        Objects.requireNonNull(key, "key");
        if (schema != null) {
            schema.validateValue(value);
        }
    }

    /**
     * @param newKey the key of the copy; never null
     * @return a copy of this header under another key
     */
    public Header withKey(String newKey) {
        return new Header(newKey, schema, value);
    }

    /**
     * @param newSchema the copy's schema; may be null
     * @param newValue the copy's value; may be null
     * @return a copy of this header with another value
     */
    public Header withValue(Schema newSchema, Object newValue) {
        return new Header(key, newSchema, newValue);
    }
}
