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
import io.tributary.sdk.data.Timestamp;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.transforms.Transformation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Adds fields to the key ({@link Key}) or value ({@link Value}) from the record's metadata (topic, Kafka
 * partition, Kafka offset, timestamp) or a fixed string. Each field name may end in {@code !} to make the
 * field required in the new schema, or {@code ?} (the default) to keep it optional; a required field
 * whose metadata a record lacks fails the record. Null keys and values pass through unchanged.
 *
 * <p>The offset exists only on records read from Kafka: {@code offset.field} fails on source records. A
 * source record has a partition and timestamp only when its task set them; otherwise the field is left
 * null (with a schema) or out (without).
 *
 * @param <R> the record type
 */
public abstract class InsertField<R extends ConnectRecord<R>> implements Transformation<R> {
    static final String TOPIC_FIELD = "topic.field";
    static final String PARTITION_FIELD = "partition.field";
    static final String OFFSET_FIELD = "offset.field";
    static final String TIMESTAMP_FIELD = "timestamp.field";
    static final String STATIC_FIELD = "static.field";
    static final String STATIC_VALUE = "static.value";

    private static final String SUFFIX_DOC =
            " Suffix with ! to make it a required field, or ? to keep it optional" + " (the default).";
    private static final List<String> FIELD_SETTINGS =
            List.of(TOPIC_FIELD, PARTITION_FIELD, OFFSET_FIELD, TIMESTAMP_FIELD, STATIC_FIELD);

    private static final ConfigDef CONFIG = ConfigDef.builder()
            .define(fieldKey(TOPIC_FIELD, "Field name for the Kafka topic."))
            .define(fieldKey(PARTITION_FIELD, "Field name for the Kafka partition."))
            .define(fieldKey(
                    OFFSET_FIELD,
                    "Field name for the Kafka offset; only records read by sink connectors " + "have one."))
            .define(fieldKey(TIMESTAMP_FIELD, "Field name for the record timestamp."))
            .define(fieldKey(STATIC_FIELD, "Field name for a fixed value."))
            .define(ConfigKey.builder(STATIC_VALUE, ConfigDef.Type.STRING)
                    .defaultValue(null)
                    .documentation("The fixed value of the 'static.field' field."))
            .define(TransformConfigs.replaceNullWithDefault())
            .build();

    /** One field to insert: its name, whether it is required, its schema and where its value comes from. */
    private record Insertion(
            String name, boolean required, Schema schema, String source, Function<ConnectRecord<?>, Object> value) {}

    private final RecordSide side;
    private final String name;
    private final SchemaCache<Schema> schemas = new SchemaCache<>();
    private List<Insertion> insertions = List.of();
    private boolean replaceNullWithDefault = true;

    InsertField(RecordSide side) {
        this.side = side;
        this.name = side.nameOf("InsertField");
    }

    private static ConfigKey.Builder fieldKey(String setting, String doc) {
        return ConfigKey.builder(setting, ConfigDef.Type.STRING)
                .defaultValue(null)
                .documentation(doc + SUFFIX_DOC);
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        ParsedConfig config = TransformConfigs.parse(name, CONFIG, configs, InsertField::checkNames);
        String staticValue = config.getString(STATIC_VALUE);
        List<Insertion> chosen = new ArrayList<>();
        add(chosen, config, TOPIC_FIELD, SchemaBuilder.string(), "topic", ConnectRecord::topic);
        add(chosen, config, PARTITION_FIELD, SchemaBuilder.int32(), "Kafka partition", ConnectRecord::kafkaPartition);
        add(chosen, config, OFFSET_FIELD, SchemaBuilder.int64(), "Kafka offset", r -> kafkaOffset(r));
        add(chosen, config, TIMESTAMP_FIELD, Timestamp.builder(), "timestamp", r -> toInstant(r.timestamp()));
        add(chosen, config, STATIC_FIELD, SchemaBuilder.string(), "'" + STATIC_VALUE + "'", r -> staticValue);
        insertions = List.copyOf(chosen);
        replaceNullWithDefault = config.getBoolean(TransformConfigs.REPLACE_NULL_WITH_DEFAULT);
    }

    private static ConfigValidation checkNames(ConfigValidation validation) {
        Map<String, String> settingByField = new HashMap<>();
        ConfigValidation checked = validation;
        for (String setting : FIELD_SETTINGS) {
            Object raw = TransformConfigs.validValue(validation, setting).orElse(null);
            if (raw == null) {
                continue;
            }
            String field = parseName((String) raw);
            if (field.isEmpty()) {
                checked = checked.withError(
                        setting,
                        "Invalid value \"" + raw + "\" for '" + setting
                                + "': the field name is empty; give a name, optionally followed by ! or ?");
            } else if (settingByField.containsKey(field)) {
                checked = checked.withError(
                        setting,
                        "'" + setting + "' and '" + settingByField.get(field) + "' both name field '" + field
                                + "'; each inserted field needs its own name");
            } else {
                settingByField.put(field, setting);
            }
        }
        return checked;
    }

    private static void add(
            List<Insertion> chosen,
            ParsedConfig config,
            String setting,
            SchemaBuilder schema,
            String source,
            Function<ConnectRecord<?>, Object> value) {
        String raw = config.getString(setting);
        if (raw == null) {
            return;
        }
        boolean required = raw.endsWith("!");
        Schema fieldSchema = required ? schema.build() : schema.optional().build();
        chosen.add(new Insertion(parseName(raw), required, fieldSchema, source, value));
    }

    private static String parseName(String raw) {
        return raw.endsWith("!") || raw.endsWith("?")
                ? raw.substring(0, raw.length() - 1).trim()
                : raw;
    }

    private long kafkaOffset(ConnectRecord<?> record) {
        return Require.kafkaOffset(name, OFFSET_FIELD, record);
    }

    private static Instant toInstant(Long epochMillis) {
        return epochMillis == null ? null : Timestamp.toLogical(epochMillis);
    }

    @Override
    public R apply(R record) {
        Object value = side.value(record);
        if (value == null || insertions.isEmpty()) {
            return record;
        }
        Schema schema = side.schema(record);
        if (schema == null) {
            Map<Object, Object> updated = new LinkedHashMap<Object, Object>(Require.map(name, side, value));
            for (Insertion insertion : insertions) {
                Object inserted = insertion.value().apply(record);
                if (inserted != null) {
                    updated.put(
                            insertion.name(), inserted instanceof Instant instant ? instant.toEpochMilli() : inserted);
                }
            }
            return side.with(record, null, updated);
        }
        Struct struct = Require.struct(name, side, schema, value);
        Schema updatedSchema = schemas.get(struct.schema(), this::insertInto);
        Struct.Builder updated = Struct.builder(updatedSchema);
        for (Field field : struct.schema().fields()) {
            updated.put(field.name(), Schemas.fieldValue(struct, field, replaceNullWithDefault));
        }
        for (Insertion insertion : insertions) {
            Object inserted = insertion.value().apply(record);
            if (inserted == null && insertion.required()) {
                throw new DataException(name + ": field '" + insertion.name() + "' is required (it ends in !), but "
                        + "the record has no " + insertion.source() + "; remove the ! to insert null instead");
            }
            updated.put(insertion.name(), inserted);
        }
        return side.with(record, updatedSchema, updated.build());
    }

    private Schema insertInto(Schema schema) {
        SchemaBuilder builder = Schemas.structLike(schema);
        schema.fields().forEach(field -> builder.field(field.name(), field.schema()));
        for (Insertion insertion : insertions) {
            if (schema.field(insertion.name()).isPresent()) {
                throw new DataException(name + ": field '" + insertion.name() + "' already exists in schema "
                        + Schemas.describe(schema) + "; choose another name for it");
            }
            builder.field(insertion.name(), insertion.schema());
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Inserts fields into the record key.
     *
     * @param <R> the record type
     */
    public static final class Key<R extends ConnectRecord<R>> extends InsertField<R> {
        /** Makes the transformation; {@link #configure} sets it up. */
        public Key() {
            super(RecordSide.KEY);
        }
    }

    /**
     * Inserts fields into the record value.
     *
     * @param <R> the record type
     */
    public static final class Value<R extends ConnectRecord<R>> extends InsertField<R> {
        /** Makes the transformation; {@link #configure} sets it up. */
        public Value() {
            super(RecordSide.VALUE);
        }
    }
}
