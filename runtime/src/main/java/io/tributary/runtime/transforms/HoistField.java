package io.tributary.runtime.transforms;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.config.Validator;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.transforms.Transformation;
import java.util.HashMap;
import java.util.Map;

/**
 * Wraps the key ({@link Key}) or value ({@link Value}) in a struct with one field (or, without a schema, a
 * map with one entry), so {@code 42} becomes {@code {"id": 42}}. A null is wrapped too, as a field without
 * value: a tombstone stops being one.
 *
 * @param <R> the record type
 */
public abstract class HoistField<R extends ConnectRecord<R>> implements Transformation<R> {
    static final String FIELD = "field";

    private static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(FIELD, ConfigDef.Type.STRING)
                    .validator(Validator.nonEmptyString())
                    .documentation("Name of the single field of the struct or map that wraps the data."))
            .build();

    private final RecordSide side;
    private final String name;
    private final SchemaCache<Schema> schemas = new SchemaCache<>();
    private String field;

    HoistField(RecordSide side) {
        this.side = side;
        this.name = side.nameOf("HoistField");
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        ParsedConfig config = TransformConfigs.parse(name, CONFIG, configs);
        field = config.getString(FIELD);
    }

    @Override
    public R apply(R record) {
        Object value = side.value(record);
        Schema schema = side.schema(record);
        if (schema == null) {
            Map<String, Object> wrapped = new HashMap<>(2);
            wrapped.put(field, value);
            return side.with(record, null, wrapped);
        }
        Schema wrapper =
                schemas.get(schema, s -> SchemaBuilder.struct().field(field, s).build());
        try {
            return side.with(
                    record, wrapper, Struct.builder(wrapper).put(field, value).build());
        } catch (DataException e) {
            throw new DataException(
                    name + ": cannot wrap the " + side.noun() + " in field '" + field + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Wraps the record key in a struct or map.
     *
     * @param <R> the record type
     */
    public static final class Key<R extends ConnectRecord<R>> extends HoistField<R> {
        /** Makes the transformation; {@link #configure} sets it up. */
        public Key() {
            super(RecordSide.KEY);
        }
    }

    /**
     * Wraps the record value in a struct or map.
     *
     * @param <R> the record type
     */
    public static final class Value<R extends ConnectRecord<R>> extends HoistField<R> {
        /** Makes the transformation; {@link #configure} sets it up. */
        public Value() {
            super(RecordSide.VALUE);
        }
    }
}
