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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Replaces the values of fields of the key ({@link Key}) or value ({@link Value}) with the empty value of
 * their type (0, false, "", an empty list or map, the epoch for dates and times) or with {@code
 * replacement} converted to their type. Fields without a value stay null; fields a record does not have
 * are ignored; struct fields cannot be masked. Null keys and values pass through unchanged.
 *
 * @param <R> the record type
 */
public abstract class MaskField<R extends ConnectRecord<R>> implements Transformation<R> {
    static final String FIELDS = "fields";
    static final String REPLACEMENT = "replacement";

    private static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(FIELDS, ConfigDef.Type.LIST)
                    .validator(Validator.nonEmptyList())
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("Names of the fields to mask."))
            .define(ConfigKey.builder(REPLACEMENT, ConfigDef.Type.STRING)
                    .defaultValue(null)
                    .validator(Validator.nonEmptyString())
                    .importance(ConfigDef.Importance.LOW)
                    .documentation("The value to put in place of masked values, converted to each field's type; "
                            + "unset for the empty value of the type."))
            .build();

    private final RecordSide side;
    private final String name;
    private final SchemaCache<Map<String, Object>> masksBySchema = new SchemaCache<>();
    private Set<String> fields = Set.of();
    private String replacement;

    MaskField(RecordSide side) {
        this.side = side;
        this.name = side.nameOf("MaskField");
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        ParsedConfig config = TransformConfigs.parse(name, CONFIG, configs);
        fields = Set.copyOf(config.getList(FIELDS));
        replacement = config.getString(REPLACEMENT);
    }

    @Override
    public R apply(R record) {
        Object value = side.value(record);
        if (value == null) {
            return record;
        }
        Schema schema = side.schema(record);
        if (schema == null) {
            Map<Object, Object> updated = new LinkedHashMap<Object, Object>(Require.map(name, side, value));
            for (String field : fields) {
                Object original = updated.get(field);
                if (original != null) {
                    updated.put(field, maskOrFail(field, original));
                }
            }
            return side.with(record, null, updated);
        }
        Struct struct = Require.struct(name, side, schema, value);
        Map<String, Object> masks = masksBySchema.get(struct.schema(), this::masksFor);
        Struct.Builder updated = struct.toBuilder();
        masks.forEach((field, mask) -> {
            if (struct.getWithoutDefault(field) != null) {
                updated.put(field, mask);
            }
        });
        return side.with(record, schema, updated.build());
    }

    private Object maskOrFail(String field, Object original) {
        try {
            return Masks.forValue(original, replacement);
        } catch (DataException e) {
            throw new DataException(name + ": cannot mask field '" + field + "': " + e.getMessage(), e);
        }
    }

    private Map<String, Object> masksFor(Schema schema) {
        Map<String, Object> masks = new HashMap<>();
        for (Field field : schema.fields()) {
            if (fields.contains(field.name())) {
                try {
                    masks.put(field.name(), Masks.forSchema(field.schema(), replacement));
                } catch (DataException e) {
                    throw new DataException(
                            name + ": cannot mask field '" + field.name() + "' of schema " + Schemas.describe(schema)
                                    + ": " + e.getMessage(),
                            e);
                }
            }
        }
        return Map.copyOf(masks);
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Masks fields of the record key.
     *
     * @param <R> the record type
     */
    public static final class Key<R extends ConnectRecord<R>> extends MaskField<R> {
        /** Makes the transformation; {@link #configure} sets it up. */
        public Key() {
            super(RecordSide.KEY);
        }
    }

    /**
     * Masks fields of the record value.
     *
     * @param <R> the record type
     */
    public static final class Value<R extends ConnectRecord<R>> extends MaskField<R> {
        /** Makes the transformation; {@link #configure} sets it up. */
        public Value() {
            super(RecordSide.VALUE);
        }
    }
}
