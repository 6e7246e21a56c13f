package io.tributary.sdk.data;

import io.tributary.sdk.annotation.Stable;
import java.util.Objects;

/**
 * One field of a struct schema.
 *
 * @param name the field's name, unique within its struct; never null
 * @param index the field's position in the struct, counting from 0
 * @param schema the field's schema; never null
 */
@Stable
public record Field(String name, int index, Schema schema) {
    /** Checks that name and schema are given. */
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
    }
}
