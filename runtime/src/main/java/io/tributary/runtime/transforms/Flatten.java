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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Flattens nested structs (or, without a schema, nested maps) of the key ({@link Key}) or value ({@link
 * Value}) into one level, joining the field names of each level with {@code delimiter}: {@code {"a": {"b":
 * 1}}} becomes {@code {"a.b": 1}}. Fields nested in an optional struct become optional. Arrays and maps
 * with a schema are kept as they are. Two fields that flatten to one name fail the record. Null keys and
 * values pass through unchanged.
 *
 * @param <R> the record type
 */
public abstract class Flatten<R extends ConnectRecord<R>> implements Transformation<R> {
    static final String DELIMITER = "delimiter";

    private static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(DELIMITER, ConfigDef.Type.STRING)
                    .defaultValue(".")
                    .documentation("Joins the field names of each level into the flattened field name."))
            .build();

    private final RecordSide side;
    private final String name;
    private final SchemaCache<Schema> schemas = new SchemaCache<>();
    private String delimiter = ".";

    Flatten(RecordSide side) {
        this.side = side;
        this.name = side.nameOf("Flatten");
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        ParsedConfig config = TransformConfigs.parse(name, CONFIG, configs);
        // The parser trims strings; a delimiter of spaces alone is kept as given.
        Object raw = configs.get(DELIMITER);
        delimiter = raw instanceof String s && !s.isEmpty() && s.isBlank() ? s : config.getString(DELIMITER);
    }

    @Override
    public R apply(R record) {
        Object value = side.value(record);
        if (value == null) {
            return record;
        }
        Schema schema = side.schema(record);
        if (schema == null) {
            Map<String, Object> flat = new LinkedHashMap<>();
            flattenMap(Require.map(name, side, value), "", flat);
            return side.with(record, null, flat);
        }
        Struct struct = Require.struct(name, side, schema, value);
        Schema flatSchema = schemas.get(struct.schema(), this::flattenSchema);
        Struct.Builder flat = Struct.builder(flatSchema);
        flattenStruct(struct.schema(), struct, "", flat);
        return side.with(record, flatSchema, flat.build());
    }

    private String join(String prefix, String fieldName) {
        return prefix.isEmpty() ? fieldName : prefix + delimiter + fieldName;
    }

    private void flattenMap(Map<?, ?> map, String prefix, Map<String, Object> flat) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String flatName = join(prefix, String.valueOf(entry.getKey()));
            if (entry.getValue() instanceof Map<?, ?> nested) {
                flattenMap(nested, flatName, flat);
            } else if (flat.containsKey(flatName)) {
                throw collision(flatName);
            } else {
                flat.put(flatName, entry.getValue());
            }
        }
    }

    private Schema flattenSchema(Schema schema) {
        SchemaBuilder builder = Schemas.structLike(schema);
        addFlatFields(schema, "", false, builder, new HashSet<>());
        return builder.build();
    }

    private void addFlatFields(
            Schema schema, String prefix, boolean optional, SchemaBuilder builder, Set<String> names) {
        for (Field field : schema.fields()) {
            String flatName = join(prefix, field.name());
            boolean fieldOptional = optional || field.schema().isOptional();
            if (field.schema().type() == Schema.Type.STRUCT) {
                addFlatFields(field.schema(), flatName, fieldOptional, builder, names);
            } else if (!names.add(flatName)) {
                throw collision(flatName);
            } else {
                builder.field(flatName, fieldOptional ? Schemas.optional(field.schema()) : field.schema());
            }
        }
    }

    private void flattenStruct(Schema schema, Struct struct, String prefix, Struct.Builder flat) {
        for (Field field : schema.fields()) {
            String flatName = join(prefix, field.name());
            Object value = struct == null ? null : struct.get(field);
            if (field.schema().type() == Schema.Type.STRUCT) {
                flattenStruct(field.schema(), (Struct) value, flatName, flat);
            } else {
                flat.put(flatName, value);
            }
        }
    }

    private DataException collision(String flatName) {
        return new DataException(name + ": two fields flatten to '" + flatName + "'; rename one of them first, or "
                + "choose another 'delimiter'");
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Flattens the record key.
     *
     * @param <R> the record type
     */
    public static final class Key<R extends ConnectRecord<R>> extends Flatten<R> {
        /** Makes the transformation; {@link #configure} sets it up. */
        public Key() {
            super(RecordSide.KEY);
        }
    }

    /**
     * Flattens the record value.
     *
     * @param <R> the record type
     */
    public static final class Value<R extends ConnectRecord<R>> extends Flatten<R> {
        /** Makes the transformation; {@link #configure} sets it up. */
        public Value() {
            super(RecordSide.VALUE);
        }
    }
}
