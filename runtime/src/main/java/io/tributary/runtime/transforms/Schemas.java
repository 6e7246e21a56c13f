package io.tributary.runtime.transforms;

import io.tributary.sdk.data.Field;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import java.util.List;
import java.util.Map;

/** Schema and struct helpers the transformations share. */
final class Schemas {
    private Schemas() {}

    /**
     * Starts a struct schema with the name, version, doc, parameters and optionality of another, and no
     * fields: the shape of a struct that a transformation changes field by field.
     */
    static SchemaBuilder structLike(Schema schema) {
        SchemaBuilder builder = SchemaBuilder.struct();
        copyBasics(schema, builder, true, true);
        return schema.isOptional() ? builder.optional() : builder;
    }

    /**
     * Starts a builder of the same type, element schemas and fields as a schema, copying its doc,
     * parameters and optionality, and its name, version and default value only when asked to.
     */
    static SchemaBuilder copy(Schema schema, boolean withName, boolean withVersion, boolean withDefault) {
        SchemaBuilder builder = switch (schema.type()) {
            case ARRAY -> SchemaBuilder.array(schema.valueSchema());
            case MAP -> SchemaBuilder.map(schema.keySchema(), schema.valueSchema());
            default -> SchemaBuilder.type(schema.type());
        };
        if (schema.type() == Schema.Type.STRUCT) {
            schema.fields().forEach(f -> builder.field(f.name(), f.schema()));
        }
        copyBasics(schema, builder, withName, withVersion);
        if (withDefault && schema.defaultValue() != null) {
            builder.defaultValue(schema.defaultValue());
        }
        return schema.isOptional() ? builder.optional() : builder;
    }

    /** @return the schema itself when it is optional, else an optional copy of it */
    static Schema optional(Schema schema) {
        return schema.isOptional()
                ? schema
                : copy(schema, true, true, true).optional().build();
    }

    private static void copyBasics(Schema schema, SchemaBuilder builder, boolean withName, boolean withVersion) {
        if (withName && schema.name() != null) {
            builder.name(schema.name());
        }
        if (withVersion && schema.version() != null) {
            builder.version(schema.version());
        }
        if (schema.doc() != null) {
            builder.doc(schema.doc());
        }
        builder.parameters(schema.parameters());
    }

    /**
     * Reads a field, honouring {@code replace.null.with.default}.
     *
     * @param replaceNullWithDefault true to read a field without value as its default, false to read it as null
     */
    static Object fieldValue(Struct struct, Field field, boolean replaceNullWithDefault) {
        return replaceNullWithDefault ? struct.get(field) : struct.getWithoutDefault(field.name());
    }

    /** @return the schema's name, or its description when it has none, for messages */
    static String describe(Schema schema) {
        return schema.name() != null ? schema.name() : schema.toString();
    }

    /** @return the simple type of a value, for messages */
    static String typeOf(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "Map";
        }
        if (value instanceof List) {
            return "List";
        }
        return value.getClass().getSimpleName();
    }
}
