package io.tributary.runtime.transforms;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.config.Validator;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.data.Field;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.transforms.Transformation;
import java.util.Map;

/**
 * Sets the name, the version or both of the key ({@link Key}) or value ({@link Value}) schema, keeping
 * the other when only one is configured. A struct is rebuilt on the renamed schema. The key or value must
 * have a schema. The default value of a struct schema is not carried over.
 *
 * @param <R> the record type
 */
public abstract class SetSchemaMetadata<R extends ConnectRecord<R>> implements Transformation<R> {
    static final String SCHEMA_NAME = "schema.name";
    static final String SCHEMA_VERSION = "schema.version";

    private static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(SCHEMA_NAME, ConfigDef.Type.STRING)
                    .defaultValue(null)
                    .validator(Validator.nonEmptyString())
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The schema name to set."))
            .define(ConfigKey.builder(SCHEMA_VERSION, ConfigDef.Type.INT)
                    .defaultValue(null)
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The schema version to set."))
            .define(TransformConfigs.replaceNullWithDefault())
            .build();

    private final RecordSide side;
    private final String name;
    private final SchemaCache<Schema> schemas = new SchemaCache<>();
    private String schemaName;
    private Integer schemaVersion;
    private boolean replaceNullWithDefault = true;

    SetSchemaMetadata(RecordSide side) {
        this.side = side;
        this.name = side.nameOf("SetSchemaMetadata");
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        ParsedConfig config = TransformConfigs.parse(name, CONFIG, configs, SetSchemaMetadata::checkEitherSet);
        schemaName = config.getString(SCHEMA_NAME);
        schemaVersion = config.getInt(SCHEMA_VERSION);
        replaceNullWithDefault = config.getBoolean(TransformConfigs.REPLACE_NULL_WITH_DEFAULT);
    }

    private static ConfigValidation checkEitherSet(ConfigValidation validation) {
        boolean nameSet =
                validation.value(SCHEMA_NAME).map(v -> v.value() != null).orElse(false);
        boolean versionSet =
                validation.value(SCHEMA_VERSION).map(v -> v.value() != null).orElse(false);
        return nameSet || versionSet
                ? validation
                : validation.withError(SCHEMA_NAME, "Set 'schema.name', 'schema.version' or both; neither is set");
    }

    @Override
    public R apply(R record) {
        Schema schema = side.schema(record);
        if (schema == null) {
            throw new DataException(name + ": the " + side.noun() + " of the record for topic '" + record.topic()
                    + "' has no schema to set the metadata of; use a converter that gives schemas");
        }
        Schema updatedSchema = schemas.get(schema, this::withMetadata);
        Object value = side.value(record);
        if (value instanceof Struct struct) {
            Struct.Builder updated = Struct.builder(updatedSchema);
            for (Field field : struct.schema().fields()) {
                updated.put(field.name(), Schemas.fieldValue(struct, field, replaceNullWithDefault));
            }
            value = updated.build();
        }
        return side.with(record, updatedSchema, value);
    }

    private Schema withMetadata(Schema schema) {
        boolean keepDefault = schema.type() != Schema.Type.STRUCT;
        SchemaBuilder builder = Schemas.copy(schema, schemaName == null, schemaVersion == null, keepDefault);
        if (schemaName != null) {
            builder.name(schemaName);
        }
        if (schemaVersion != null) {
            builder.version(schemaVersion);
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Sets the name or version of the key schema.
     *
     * @param <R> the record type
     */
    public static final class Key<R extends ConnectRecord<R>> extends SetSchemaMetadata<R> {
        /** Makes the transformation; {@link #configure} sets it up. */
        public Key() {
            super(RecordSide.KEY);
        }
    }

    /**
     * Sets the name or version of the value schema.
     *
     * @param <R> the record type
     */
    public static final class Value<R extends ConnectRecord<R>> extends SetSchemaMetadata<R> {
        /** Makes the transformation; {@link #configure} sets it up. */
        public Value() {
            super(RecordSide.VALUE);
        }
    }
}
