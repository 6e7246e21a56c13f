package io.tributary.runtime.transforms;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.config.Validator;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.data.Field;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.transforms.Transformation;
import java.util.Map;

/**
 * Replaces the key ({@link Key}) or value ({@link Value}) with one of its fields, and its schema with the
 * field's schema. Null keys and values pass through unchanged. Without a schema, a missing field gives a
 * null key or value; with a schema it fails the record. Only top-level fields can be extracted: {@code
 * field.syntax.version} accepts {@code V1} alone.
 *
 * @param <R> the record type
 */
public abstract class ExtractField<R extends ConnectRecord<R>> implements Transformation<R> {
    static final String FIELD = "field";
    static final String FIELD_SYNTAX_VERSION = "field.syntax.version";

    private static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(FIELD, ConfigDef.Type.STRING)
                    .validator(Validator.nonEmptyString())
                    .documentation("Name of the field to extract."))
            .define(TransformConfigs.replaceNullWithDefault())
            .define(ConfigKey.builder(FIELD_SYNTAX_VERSION, ConfigDef.Type.STRING)
                    .defaultValue("V1")
                    .validator(Validator.oneOfIgnoreCase("V1"))
                    .importance(ConfigDef.Importance.LOW)
                    .documentation("How 'field' is read. V1, the only syntax supported, names a top-level field."))
            .build();

    private final RecordSide side;
    private final String name;
    private String field;
    private boolean replaceNullWithDefault = true;

    ExtractField(RecordSide side) {
        this.side = side;
        this.name = side.nameOf("ExtractField");
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        ParsedConfig config = TransformConfigs.parse(name, CONFIG, configs);
        field = config.getString(FIELD);
        replaceNullWithDefault = config.getBoolean(TransformConfigs.REPLACE_NULL_WITH_DEFAULT);
    }

    @Override
    public R apply(R record) {
        Object value = side.value(record);
        if (value == null) {
            return record;
        }
        Schema schema = side.schema(record);
        if (schema == null) {
            return side.with(record, null, Require.map(name, side, value).get(field));
        }
        Struct struct = Require.struct(name, side, schema, value);
        Field extracted = struct.schema()
                .field(field)
                .orElseThrow(() -> new DataException(name + ": field '" + field + "' is not in schema "
                        + Schemas.describe(struct.schema()) + "; check 'field'"));
        return side.with(record, extracted.schema(), Schemas.fieldValue(struct, extracted, replaceNullWithDefault));
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Replaces the record key with one of its fields.
     *
     * @param <R> the record type
     */
    public static final class Key<R extends ConnectRecord<R>> extends ExtractField<R> {
        /** Makes the transformation; {@link #configure} sets it up. */
        public Key() {
            super(RecordSide.KEY);
        }
    }

    /**
     * Replaces the record value with one of its fields.
     *
     * @param <R> the record type
     */
    public static final class Value<R extends ConnectRecord<R>> extends ExtractField<R> {
        /** Makes the transformation; {@link #configure} sets it up. */
        public Value() {
            super(RecordSide.VALUE);
        }
    }
}
