package io.tributary.sdk.data;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.errors.DataException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link Schema}. Start with the factory for the type, set what applies, then call {@link
 * #build()}:
 *
 * <pre>{@code
 * Schema order = SchemaBuilder.struct()
 *         .name("com.example.Order")
 *         .version(2)
 *         .field("id", Schema.INT64_SCHEMA)
 *         .field("note", Schema.OPTIONAL_STRING_SCHEMA)
 *         .field("amount", Decimal.schema(2))
 *         .build();
 * }</pre>
 *
 * <p>Each property may be set once; setting it twice, adding a field to a non-struct, or giving a
 * default value that does not fit the schema fails at once with a {@link DataException}. A builder is
 * not thread-safe; the schema it builds is immutable.
 */
@Stable
public final class SchemaBuilder {
    final Schema.Type type;
    boolean optional;
    Object defaultValue;
    String name;
    Integer version;
    String doc;
    final Map<String, String> parameters = new LinkedHashMap<>();
    Schema keySchema;
    Schema valueSchema;
    final Map<String, Field> fields = new LinkedHashMap<>();
    private boolean optionalSet;

    private SchemaBuilder(Schema.Type type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * Starts a schema of any type; for arrays and maps prefer {@link #array(Schema)} and {@link
     * #map(Schema, Schema)}, which take the element schemas.
     *
     * @param type the schema's type; never null
     * @return a new builder
     */
    public static SchemaBuilder type(Schema.Type type) {
        if (type == Schema.Type.ARRAY || type == Schema.Type.MAP) {
            throw new DataException("Use SchemaBuilder.array(...) or SchemaBuilder.map(...) to build a " + type
                    + " schema: they need element schemas");
        }
        return new SchemaBuilder(type);
    }

    /** @return a builder for an 8-bit integer schema */
    public static SchemaBuilder int8() {
        return new SchemaBuilder(Schema.Type.INT8);
    }

    /** @return a builder for a 16-bit integer schema */
    public static SchemaBuilder int16() {
        return new SchemaBuilder(Schema.Type.INT16);
    }

    /** @return a builder for a 32-bit integer schema */
    public static SchemaBuilder int32() {
        return new SchemaBuilder(Schema.Type.INT32);
    }

    /** @return a builder for a 64-bit integer schema */
    public static SchemaBuilder int64() {
        return new SchemaBuilder(Schema.Type.INT64);
    }

    /** @return a builder for a 32-bit float schema */
    public static SchemaBuilder float32() {
        return new SchemaBuilder(Schema.Type.FLOAT32);
    }

    /** @return a builder for a 64-bit float schema */
    public static SchemaBuilder float64() {
        return new SchemaBuilder(Schema.Type.FLOAT64);
    }

    /** @return a builder for a boolean schema */
    public static SchemaBuilder bool() {
        return new SchemaBuilder(Schema.Type.BOOLEAN);
    }

    /** @return a builder for a string schema */
    public static SchemaBuilder string() {
        return new SchemaBuilder(Schema.Type.STRING);
    }

    /** @return a builder for a byte sequence schema */
    public static SchemaBuilder bytes() {
        return new SchemaBuilder(Schema.Type.BYTES);
    }

    /** @return a builder for a struct schema; add fields with {@link #field(String, Schema)} */
    public static SchemaBuilder struct() {
        return new SchemaBuilder(Schema.Type.STRUCT);
    }

    /**
     * @param elementSchema the schema of every element; never null
     * @return a builder for an array schema
     */
    public static SchemaBuilder array(Schema elementSchema) {
        SchemaBuilder builder = new SchemaBuilder(Schema.Type.ARRAY);
        builder.valueSchema = Objects.requireNonNull(elementSchema, "elementSchema");
        return builder;
    }

    /**
     * @param keySchema the schema of every key; never null
     * @param valueSchema the schema of every value; never null
     * @return a builder for a map schema
     */
    public static SchemaBuilder map(Schema keySchema, Schema valueSchema) {
        SchemaBuilder builder = new SchemaBuilder(Schema.Type.MAP);
        builder.keySchema = Objects.requireNonNull(keySchema, "keySchema");
        builder.valueSchema = Objects.requireNonNull(valueSchema, "valueSchema");
        return builder;
    }

    /**
     * Starts a builder that copies every property of a schema, so a changed copy can be made.
     *
     * @param schema the schema to copy; never null
     * @return a new builder
     */
    public static SchemaBuilder from(Schema schema) {
        SchemaBuilder builder = new SchemaBuilder(schema.type());
        builder.optional = schema.isOptional();
        builder.name = schema.name();
        builder.version = schema.version();
        builder.doc = schema.doc();
        builder.parameters.putAll(schema.parameters());
        builder.defaultValue = schema.defaultValue();
        switch (schema.type()) {
            case ARRAY -> builder.valueSchema = schema.valueSchema();
            case MAP -> {
                builder.keySchema = schema.keySchema();
                builder.valueSchema = schema.valueSchema();
            }
            case STRUCT -> schema.fields().forEach(f -> builder.field(f.name(), f.schema()));
            default -> {}
        }
        return builder;
    }

    /** @return this builder, now allowing null values */
    public SchemaBuilder optional() {
        return setOptional(true);
    }

    /** @return this builder, now refusing null values (the default) */
    public SchemaBuilder required() {
        return setOptional(false);
    }

    private SchemaBuilder setOptional(boolean value) {
        if (optionalSet) {
            throw new DataException("optional()/required() was already set on this " + type + " schema builder");
        }
        optionalSet = true;
        optional = value;
        return this;
    }

    /**
     * @param value the value used where none is given; must fit the schema
     * @return this builder
     */
    public SchemaBuilder defaultValue(Object value) {
        checkUnset("default value", defaultValue);
        defaultValue = value;
        return this;
    }

    /**
     * @param schemaName a fully qualified name, such as {@code com.example.Order}; never null
     * @return this builder
     */
    public SchemaBuilder name(String schemaName) {
        checkUnset("name", name);
        name = Objects.requireNonNull(schemaName, "schemaName");
        return this;
    }

    /**
     * @param schemaVersion the version of a named schema, counting from 1
     * @return this builder
     */
    public SchemaBuilder version(int schemaVersion) {
        checkUnset("version", version);
        version = schemaVersion;
        return this;
    }

    /**
     * @param documentation documentation for people reading the schema; never null
     * @return this builder
     */
    public SchemaBuilder doc(String documentation) {
        checkUnset("doc", doc);
        doc = Objects.requireNonNull(documentation, "documentation");
        return this;
    }

    /**
     * @param key the parameter's name; never null
     * @param value the parameter's value; never null
     * @return this builder
     */
    public SchemaBuilder parameter(String key, String value) {
        parameters.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * @param params parameters to add; never null
     * @return this builder
     */
    public SchemaBuilder parameters(Map<String, String> params) {
        params.forEach(this::parameter);
        return this;
    }

    /**
     * Adds a field to a struct schema, after those added before.
     *
     * @param fieldName the field's name, unique within the struct; never null
     * @param fieldSchema the field's schema; never null
     * @return this builder
     * @throws DataException if this is not a struct builder or the name is taken
     */
    public SchemaBuilder field(String fieldName, Schema fieldSchema) {
        if (type != Schema.Type.STRUCT) {
            throw new DataException(
                    "Cannot add field '" + fieldName + "': only STRUCT schemas have fields, this is " + type);
        }
        Objects.requireNonNull(fieldName, "fieldName");
        Objects.requireNonNull(fieldSchema, "fieldSchema");
        if (fields.containsKey(fieldName)) {
            throw new DataException("Cannot add field '" + fieldName + "' twice to one struct schema");
        }
        fields.put(fieldName, new Field(fieldName, fields.size(), fieldSchema));
        return this;
    }

    /**
     * Builds the schema, checking that the default value fits it.
     *
     * @return a new immutable schema
     * @throws DataException if the default value does not fit
     */
    public Schema build() {
        return new Schema(this);
    }

    private void checkUnset(String property, Object current) {
        if (current != null) {
            throw new DataException("The " + property + " of this " + type + " schema builder was already set to "
                    + Schema.describeValue(current));
        }
    }
}
