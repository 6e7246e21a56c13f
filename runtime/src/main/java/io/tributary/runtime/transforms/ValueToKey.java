package io.tributary.runtime.transforms;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.config.Validator;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.data.Field;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.transforms.Transformation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces the record key with a struct (or, without a schema, a map) of some fields of the value, in the
 * order listed. The value must be a struct or map: a record with a null value fails, so pair this
 * transformation with the {@link RecordIsTombstone} predicate, negated, where tombstones occur.
 *
 * @param <R> the record type
 */
public final class ValueToKey<R extends ConnectRecord<R>> implements Transformation<R> {
    static final String FIELDS = "fields";
    private static final String NAME = "ValueToKey";

    private static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(FIELDS, ConfigDef.Type.LIST)
                    .validator(Validator.nonEmptyList())
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("Fields of the value to copy into the key, in order."))
            .define(TransformConfigs.replaceNullWithDefault())
            .build();

    private final SchemaCache<Schema> keySchemas = new SchemaCache<>();
    private List<String> fields = List.of();
    private boolean replaceNullWithDefault = true;

    /** Makes the transformation; {@link #configure} sets it up. */
    public ValueToKey() {}

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        ParsedConfig config = TransformConfigs.parse(NAME, CONFIG, configs);
        fields = config.getList(FIELDS);
        replaceNullWithDefault = config.getBoolean(TransformConfigs.REPLACE_NULL_WITH_DEFAULT);
    }

    @Override
    public R apply(R record) {
        Object value = record.value();
        if (value == null) {
            throw new DataException(NAME + ": the record has a null value (a tombstone), so there are no fields to "
                    + "copy to the key; skip tombstones with the RecordIsTombstone predicate and negate=true");
        }
        Schema schema = record.valueSchema();
        if (schema == null) {
            Map<?, ?> map = Require.map(NAME, RecordSide.VALUE, value);
            Map<String, Object> key = new LinkedHashMap<>();
            fields.forEach(field -> key.put(field, map.get(field)));
            return record.withKey(null, key);
        }
        Struct struct = Require.struct(NAME, RecordSide.VALUE, schema, value);
        Schema keySchema = keySchemas.get(struct.schema(), this::keySchemaFor);
        Struct.Builder key = Struct.builder(keySchema);
        for (String field : fields) {
            Field source = struct.schema().field(field).orElseThrow();
            key.put(field, Schemas.fieldValue(struct, source, replaceNullWithDefault));
        }
        return record.withKey(keySchema, key.build());
    }

    private Schema keySchemaFor(Schema valueSchema) {
        SchemaBuilder builder = SchemaBuilder.struct();
        for (String field : fields) {
            Field source = valueSchema
                    .field(field)
                    .orElseThrow(() -> new DataException(NAME + ": field '" + field + "' is not in the value schema "
                            + Schemas.describe(valueSchema) + "; check 'fields'"));
            builder.field(field, source.schema());
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return NAME;
    }
}
