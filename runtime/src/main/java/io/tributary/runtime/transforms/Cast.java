package io.tributary.runtime.transforms;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.data.Field;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.transforms.Transformation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Casts fields of the key ({@link Key}) or value ({@link Value}), or the whole key or value, to another
 * primitive type: {@code spec=id:int64,price:float64} casts two fields, {@code spec=int32} the whole value.
 * The targets are int8, int16, int32, int64, float32, float64, boolean and string. Strings are parsed;
 * numbers cast to boolean as {@code true} unless 0; bytes cast to Base64 strings; decimals to numbers and
 * strings; dates, times and timestamps to ISO-8601 strings. A number that the target cannot hold fails
 * the record rather than wrapping around. Fields the spec names but a record lacks are ignored; null keys
 * and values pass through unchanged.
 *
 * @param <R> the record type
 */
public abstract class Cast<R extends ConnectRecord<R>> implements Transformation<R> {
    static final String SPEC = "spec";

    private static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(SPEC, ConfigDef.Type.LIST)
                    .validator(CastSpec::check)
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("Fields and the types to cast them to, as field1:type,field2:type, or a single "
                            + "type to cast the whole value. Types: int8, int16, int32, int64, float32, float64, "
                            + "boolean and string; bytes cast only to string."))
            .define(TransformConfigs.replaceNullWithDefault())
            .build();

    private final RecordSide side;
    private final String name;
    private final SchemaCache<Schema> schemas = new SchemaCache<>();
    private CastSpec spec;
    private boolean replaceNullWithDefault = true;

    Cast(RecordSide side) {
        this.side = side;
        this.name = side.nameOf("Cast");
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        ParsedConfig config = TransformConfigs.parse(name, CONFIG, configs);
        spec = CastSpec.parse(config.getList(SPEC));
        replaceNullWithDefault = config.getBoolean(TransformConfigs.REPLACE_NULL_WITH_DEFAULT);
    }

    @Override
    public R apply(R record) {
        Object value = side.value(record);
        if (value == null) {
            return record;
        }
        Schema schema = side.schema(record);
        if (spec.castsWholeValue()) {
            Schema castSchema = schema == null ? null : schemas.get(schema, this::wholeValueSchema);
            return side.with(record, castSchema, castOrFail("the " + side.noun(), value, schema, spec.wholeValue()));
        }
        if (schema == null) {
            Map<Object, Object> updated = new LinkedHashMap<Object, Object>(Require.map(name, side, value));
            spec.fields().forEach((field, type) -> {
                if (updated.containsKey(field)) {
                    updated.put(field, castOrFail("field '" + field + "'", updated.get(field), null, type));
                }
            });
            return side.with(record, null, updated);
        }
        Struct struct = Require.struct(name, side, schema, value);
        Schema castSchema = schemas.get(struct.schema(), this::fieldsSchema);
        Struct.Builder updated = Struct.builder(castSchema);
        for (Field field : struct.schema().fields()) {
            Object fieldValue = Schemas.fieldValue(struct, field, replaceNullWithDefault);
            Schema.Type type = spec.fields().get(field.name());
            updated.put(
                    field.name(),
                    type == null
                            ? fieldValue
                            : castOrFail("field '" + field.name() + "'", fieldValue, field.schema(), type));
        }
        return side.with(record, castSchema, updated.build());
    }

    private Object castOrFail(String what, Object value, Schema schema, Schema.Type type) {
        try {
            return Casts.cast(value, schema, type);
        } catch (DataException e) {
            throw new DataException(name + ": cannot cast " + what + " to " + type + ": " + e.getMessage(), e);
        }
    }

    private Schema wholeValueSchema(Schema schema) {
        try {
            return Casts.castSchema(schema, spec.wholeValue());
        } catch (DataException e) {
            throw new DataException(
                    name + ": cannot cast the " + side.noun() + " of schema " + Schemas.describe(schema) + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private Schema fieldsSchema(Schema schema) {
        SchemaBuilder builder = Schemas.structLike(schema);
        for (Field field : schema.fields()) {
            Schema.Type type = spec.fields().get(field.name());
            if (type == null) {
                builder.field(field.name(), field.schema());
                continue;
            }
            try {
                builder.field(field.name(), Casts.castSchema(field.schema(), type));
            } catch (DataException e) {
                throw new DataException(
                        name + ": cannot cast field '" + field.name() + "' of schema " + Schemas.describe(schema) + ": "
                                + e.getMessage(),
                        e);
            }
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Casts the record key or its fields.
     *
     * @param <R> the record type
     */
    public static final class Key<R extends ConnectRecord<R>> extends Cast<R> {
        /** Makes the transformation; {@link #configure} sets it up. */
        public Key() {
            super(RecordSide.KEY);
        }
    }

    /**
     * Casts the record value or its fields.
     *
     * @param <R> the record type
     */
    public static final class Value<R extends ConnectRecord<R>> extends Cast<R> {
        /** Makes the transformation; {@link #configure} sets it up. */
        public Value() {
            super(RecordSide.VALUE);
        }
    }
}
