package io.tributary.runtime.transforms;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.data.Field;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.transforms.Transformation;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops, keeps and renames fields of the key ({@link Key}) or value ({@link Value}). {@code exclude} takes
 * precedence over {@code include}; an empty {@code include} keeps every field not excluded. Renames apply
 * to the original names. The older setting names {@code blacklist} and {@code whitelist} are accepted for
 * {@code exclude} and {@code include}. Null keys and values pass through unchanged.
 *
 * @param <R> the record type
 */
public abstract class ReplaceField<R extends ConnectRecord<R>> implements Transformation<R> {
    static final String EXCLUDE = "exclude";
    static final String INCLUDE = "include";
    static final String RENAMES = "renames";
    static final String BLACKLIST = "blacklist";
    static final String WHITELIST = "whitelist";

    private static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(EXCLUDE, ConfigDef.Type.LIST)
                    .defaultValue("")
                    .documentation("Fields to drop. Takes precedence over 'include'."))
            .define(ConfigKey.builder(INCLUDE, ConfigDef.Type.LIST)
                    .defaultValue("")
                    .documentation("Fields to keep; when set, every other field is dropped."))
            .define(ConfigKey.builder(RENAMES, ConfigDef.Type.LIST)
                    .defaultValue("")
                    .validator(ReplaceField::checkRenames)
                    .documentation("Field renames as old:new pairs, such as foo:bar,abc:xyz."))
            .define(ConfigKey.builder(BLACKLIST, ConfigDef.Type.LIST)
                    .defaultValue(null)
                    .importance(ConfigDef.Importance.LOW)
                    .documentation("Older name of 'exclude'."))
            .define(ConfigKey.builder(WHITELIST, ConfigDef.Type.LIST)
                    .defaultValue(null)
                    .importance(ConfigDef.Importance.LOW)
                    .documentation("Older name of 'include'."))
            .define(TransformConfigs.replaceNullWithDefault())
            .build();

    private final RecordSide side;
    private final String name;
    private final SchemaCache<Schema> schemas = new SchemaCache<>();
    private Set<String> exclude = Set.of();
    private Set<String> include = Set.of();
    private Map<String, String> renames = Map.of();
    private boolean replaceNullWithDefault = true;

    ReplaceField(RecordSide side) {
        this.side = side;
        this.name = side.nameOf("ReplaceField");
    }

    private static void checkRenames(String setting, Object value) {
        for (Object rename : (List<?>) value) {
            String[] parts = rename.toString().split(":", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new ConfigException(setting, value, "each rename must be old:new, got \"" + rename + "\"");
            }
        }
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        ParsedConfig config =
                TransformConfigs.parse(name, CONFIG, configs, validation -> checkOlderNames(validation, configs));
        List<String> excluded = config.getList(BLACKLIST) != null ? config.getList(BLACKLIST) : config.getList(EXCLUDE);
        List<String> included = config.getList(WHITELIST) != null ? config.getList(WHITELIST) : config.getList(INCLUDE);
        exclude = Set.copyOf(excluded);
        include = Set.copyOf(included);
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String rename : config.getList(RENAMES)) {
            String[] parts = rename.split(":");
            pairs.put(parts[0].trim(), parts[1].trim());
        }
        renames = Map.copyOf(pairs);
        replaceNullWithDefault = config.getBoolean(TransformConfigs.REPLACE_NULL_WITH_DEFAULT);
    }

    private static ConfigValidation checkOlderNames(ConfigValidation validation, Map<String, ?> configs) {
        ConfigValidation checked = validation;
        if (configs.get(EXCLUDE) != null && configs.get(BLACKLIST) != null) {
            checked = checked.withError(BLACKLIST, "Set 'exclude' or its older name 'blacklist', not both");
        }
        if (configs.get(INCLUDE) != null && configs.get(WHITELIST) != null) {
            checked = checked.withError(WHITELIST, "Set 'include' or its older name 'whitelist', not both");
        }
        return checked;
    }

    private boolean keeps(String field) {
        return !exclude.contains(field) && (include.isEmpty() || include.contains(field));
    }

    private String renamed(String field) {
        return renames.getOrDefault(field, field);
    }

    @Override
    public R apply(R record) {
        Object value = side.value(record);
        if (value == null) {
            return record;
        }
        Schema schema = side.schema(record);
        if (schema == null) {
            Map<Object, Object> updated = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : Require.map(name, side, value).entrySet()) {
                String field = String.valueOf(entry.getKey());
                if (keeps(field)) {
                    updated.put(renames.containsKey(field) ? renamed(field) : entry.getKey(), entry.getValue());
                }
            }
            return side.with(record, null, updated);
        }
        Struct struct = Require.struct(name, side, schema, value);
        Schema updatedSchema = schemas.get(struct.schema(), this::replaceIn);
        Struct.Builder updated = Struct.builder(updatedSchema);
        for (Field field : struct.schema().fields()) {
            if (keeps(field.name())) {
                updated.put(renamed(field.name()), Schemas.fieldValue(struct, field, replaceNullWithDefault));
            }
        }
        return side.with(record, updatedSchema, updated.build());
    }

    private Schema replaceIn(Schema schema) {
        SchemaBuilder builder = Schemas.structLike(schema);
        Set<String> names = new HashSet<>();
        for (Field field : schema.fields()) {
            if (keeps(field.name())) {
                String newName = renamed(field.name());
                if (!names.add(newName)) {
                    throw new DataException(name + ": two fields would be named '" + newName + "' in schema "
                            + Schemas.describe(schema) + "; check 'renames'");
                }
                builder.field(newName, field.schema());
            }
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Drops, keeps and renames fields of the record key.
     *
     * @param <R> the record type
     */
    public static final class Key<R extends ConnectRecord<R>> extends ReplaceField<R> {
        /** Makes the transformation; {@link #configure} sets it up. */
        public Key() {
            super(RecordSide.KEY);
        }
    }

    /**
     * Drops, keeps and renames fields of the record value.
     *
     * @param <R> the record type
     */
    public static final class Value<R extends ConnectRecord<R>> extends ReplaceField<R> {
        /** Makes the transformation; {@link #configure} sets it up. */
        public Value() {
            super(RecordSide.VALUE);
        }
    }
}
