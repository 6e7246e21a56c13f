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
import io.tributary.sdk.header.Headers;
import io.tributary.sdk.transforms.Transformation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies or moves fields of the key ({@link Key}) or value ({@link Value}) into headers: the n-th name in
 * {@code fields} goes to the n-th name in {@code headers}, with the field's schema. {@code
 * operation=move} also removes the fields. Headers are added after the existing ones. With a schema, a
 * field the record lacks fails it; without, the header gets a null value. Null keys and values pass
 * through unchanged.
 *
 * @param <R> the record type
 */
public abstract class HeaderFrom<R extends ConnectRecord<R>> implements Transformation<R> {
    static final String FIELDS = "fields";
    static final String HEADERS = "headers";
    static final String OPERATION = "operation";

    private static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(FIELDS, ConfigDef.Type.LIST)
                    .validator(Validator.nonEmptyList())
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("Field names whose values go to headers, in the order of 'headers'."))
            .define(ConfigKey.builder(HEADERS, ConfigDef.Type.LIST)
                    .validator(Validator.nonEmptyList())
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("Header names, one per field in 'fields'."))
            .define(ConfigKey.builder(OPERATION, ConfigDef.Type.STRING)
                    .validator(Validator.oneOf("move", "copy"))
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("copy to keep the fields, move to remove them from the data."))
            .define(TransformConfigs.replaceNullWithDefault())
            .build();

    private final RecordSide side;
    private final String name;
    private final SchemaCache<Schema> schemasWithoutFields = new SchemaCache<>();
    private List<String> fields = List.of();
    private List<String> headers = List.of();
    private boolean move;
    private boolean replaceNullWithDefault = true;

    HeaderFrom(RecordSide side) {
        this.side = side;
        this.name = side.nameOf("HeaderFrom");
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        ParsedConfig config = TransformConfigs.parse(name, CONFIG, configs, HeaderFrom::checkSameLength);
        fields = config.getList(FIELDS);
        headers = config.getList(HEADERS);
        move = config.getString(OPERATION).equals("move");
        replaceNullWithDefault = config.getBoolean(TransformConfigs.REPLACE_NULL_WITH_DEFAULT);
    }

    private static ConfigValidation checkSameLength(ConfigValidation validation) {
        List<?> fieldNames =
                (List<?>) TransformConfigs.validValue(validation, FIELDS).orElse(null);
        List<?> headerNames =
                (List<?>) TransformConfigs.validValue(validation, HEADERS).orElse(null);
        if (fieldNames == null || headerNames == null || fieldNames.size() == headerNames.size()) {
            return validation;
        }
        return validation.withError(
                HEADERS,
                "'fields' names " + fieldNames.size() + " fields but 'headers' names " + headerNames.size()
                        + " headers; give one header per field");
    }

    @Override
    public R apply(R record) {
        Object value = side.value(record);
        if (value == null) {
            return record;
        }
        Headers updatedHeaders = record.headers();
        Schema schema = side.schema(record);
        if (schema == null) {
            Map<?, ?> map = Require.map(name, side, value);
            for (int i = 0; i < fields.size(); i++) {
                updatedHeaders = updatedHeaders.with(headers.get(i), null, map.get(fields.get(i)));
            }
            Object updatedValue = value;
            if (move) {
                Map<Object, Object> remaining = new LinkedHashMap<Object, Object>(map);
                fields.forEach(remaining::remove);
                updatedValue = remaining;
            }
            return side.with(record, null, updatedValue).withHeaders(updatedHeaders);
        }
        Struct struct = Require.struct(name, side, schema, value);
        for (int i = 0; i < fields.size(); i++) {
            Field field = fieldOf(struct.schema(), fields.get(i));
            Object fieldValue = Schemas.fieldValue(struct, field, replaceNullWithDefault);
            updatedHeaders = updatedHeaders.with(headers.get(i), field.schema(), fieldValue);
        }
        if (!move) {
            return record.withHeaders(updatedHeaders);
        }
        Schema remainingSchema = schemasWithoutFields.get(struct.schema(), this::withoutFields);
        Struct.Builder remaining = Struct.builder(remainingSchema);
        for (Field field : remainingSchema.fields()) {
            Field original = struct.schema().field(field.name()).orElseThrow();
            remaining.put(field.name(), Schemas.fieldValue(struct, original, replaceNullWithDefault));
        }
        return side.with(record, remainingSchema, remaining.build()).withHeaders(updatedHeaders);
    }

    private Field fieldOf(Schema schema, String field) {
        return schema.field(field)
                .orElseThrow(() -> new DataException(name + ": field '" + field + "' is not in schema "
                        + Schemas.describe(schema) + "; check 'fields'"));
    }

    private Schema withoutFields(Schema schema) {
        Set<String> moved = Set.copyOf(fields);
        SchemaBuilder builder = Schemas.structLike(schema);
        schema.fields().stream()
                .filter(field -> !moved.contains(field.name()))
                .forEach(field -> builder.field(field.name(), field.schema()));
        return builder.build();
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Copies or moves fields of the record key into headers.
     *
     * @param <R> the record type
     */
    public static final class Key<R extends ConnectRecord<R>> extends HeaderFrom<R> {
        /** Makes the transformation; {@link #configure} sets it up. */
        public Key() {
            super(RecordSide.KEY);
        }
    }

    /**
     * Copies or moves fields of the record value into headers.
     *
     * @param <R> the record type
     */
    public static final class Value<R extends ConnectRecord<R>> extends HeaderFrom<R> {
        /** Makes the transformation; {@link #configure} sets it up. */
        public Value() {
            super(RecordSide.VALUE);
        }
    }
}
