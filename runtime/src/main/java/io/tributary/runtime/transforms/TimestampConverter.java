package io.tributary.runtime.transforms;

import io.tributary.runtime.transforms.TimestampConversion.Kind;
import io.tributary.runtime.transforms.TimestampConversion.Precision;
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
import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts a timestamp, the whole key ({@link Key}) or value ({@link Value}) or one field of it, between
 * a formatted string ({@code string}, with a {@link java.text.SimpleDateFormat} pattern in {@code format},
 * read and written in UTC), a number since the epoch ({@code unix}, in {@code unix.precision} units), and
 * the {@code Date}, {@code Time} and {@code Timestamp} logical types. The form of the input follows its
 * schema, or without one its Java type ({@code String}, {@code Long}, {@code LocalDate}, {@code LocalTime},
 * {@code Instant}). Conversions keep millisecond precision, as the Timestamp type does. Null keys and
 * values, and fields without a value, pass through.
 *
 * @param <R> the record type
 */
public abstract class TimestampConverter<R extends ConnectRecord<R>> implements Transformation<R> {
    static final String FIELD = "field";
    static final String TARGET_TYPE = "target.type";
    static final String FORMAT = "format";
    static final String UNIX_PRECISION = "unix.precision";

    private static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(FIELD, ConfigDef.Type.STRING)
                    .defaultValue("")
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The field holding the timestamp; empty when the whole value is the timestamp."))
            .define(ConfigKey.builder(TARGET_TYPE, ConfigDef.Type.STRING)
                    .validator(Validator.oneOf("string", "unix", "Date", "Time", "Timestamp"))
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The form to convert to: string, unix, Date, Time or Timestamp."))
            .define(ConfigKey.builder(FORMAT, ConfigDef.Type.STRING)
                    .defaultValue("")
                    .importance(ConfigDef.Importance.MEDIUM)
                    .documentation("A java.text.SimpleDateFormat pattern, used in UTC, to read or write string "
                            + "timestamps; required when the target or the input is a string."))
            .define(ConfigKey.builder(UNIX_PRECISION, ConfigDef.Type.STRING)
                    .defaultValue("milliseconds")
                    .validator(Validator.oneOf("seconds", "milliseconds", "microseconds", "nanoseconds"))
                    .importance(ConfigDef.Importance.LOW)
                    .documentation("The units of unix timestamps: seconds, milliseconds, microseconds or "
                            + "nanoseconds. Finer units than milliseconds lose their extra digits."))
            .define(TransformConfigs.replaceNullWithDefault())
            .build();

    private final RecordSide side;
    private final String name;
    private final SchemaCache<Schema> schemas = new SchemaCache<>();
    private String field;
    private Kind target;
    private TimestampConversion conversion;
    private boolean replaceNullWithDefault = true;

    TimestampConverter(RecordSide side) {
        this.side = side;
        this.name = side.nameOf("TimestampConverter");
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        ParsedConfig config = TransformConfigs.parse(name, CONFIG, configs, TimestampConverter::checkFormat);
        field = config.getString(FIELD);
        target = Kind.of(config.getString(TARGET_TYPE));
        conversion = new TimestampConversion(config.getString(FORMAT), Precision.of(config.getString(UNIX_PRECISION)));
        replaceNullWithDefault = config.getBoolean(TransformConfigs.REPLACE_NULL_WITH_DEFAULT);
    }

    private static ConfigValidation checkFormat(ConfigValidation validation) {
        String format = (String) TransformConfigs.validValue(validation, FORMAT).orElse("");
        Object target = TransformConfigs.validValue(validation, TARGET_TYPE).orElse(null);
        if (format.isEmpty()) {
            return Kind.STRING.settingValue().equals(target)
                    ? validation.withError(FORMAT, "'format' must be set when 'target.type' is string")
                    : validation;
        }
        try {
            new TimestampConversion(format, Precision.MILLISECONDS);
            return validation;
        } catch (IllegalArgumentException e) {
            return validation.withError(
                    FORMAT,
                    "Invalid value \"" + format + "\" for 'format': not a " + "SimpleDateFormat pattern ("
                            + e.getMessage() + ")");
        }
    }

    @Override
    public R apply(R record) {
        Object value = side.value(record);
        if (value == null) {
            return record;
        }
        Schema schema = side.schema(record);
        if (field.isEmpty()) {
            if (schema == null) {
                String what = "the " + side.noun();
                return side.with(record, null, convert(what, value, kindOrFail(what, value)));
            }
            Kind from = kindOrFail("the " + side.noun(), schema);
            Schema converted = schemas.get(schema, s -> TimestampConversion.schemaOf(target, s.isOptional()));
            return side.with(record, converted, convert("the " + side.noun(), value, from));
        }
        if (schema == null) {
            Map<Object, Object> updated = new LinkedHashMap<Object, Object>(Require.map(name, side, value));
            Object timestamp = updated.get(field);
            if (timestamp != null) {
                updated.put(field, convert(describeField(), timestamp, kindOrFail(describeField(), timestamp)));
            }
            return side.with(record, null, updated);
        }
        Struct struct = Require.struct(name, side, schema, value);
        Schema converted = schemas.get(struct.schema(), this::convertFieldSchema);
        Struct.Builder updated = Struct.builder(converted);
        for (Field each : struct.schema().fields()) {
            Object fieldValue = Schemas.fieldValue(struct, each, replaceNullWithDefault);
            if (each.name().equals(field) && fieldValue != null) {
                fieldValue = convert(describeField(), fieldValue, TimestampConversion.kindOf(each.schema()));
            }
            updated.put(each.name(), fieldValue);
        }
        return side.with(record, converted, updated.build());
    }

    private Schema convertFieldSchema(Schema schema) {
        Field timestamp = schema.field(field)
                .orElseThrow(() -> new DataException(name + ": field '" + field + "' is not in schema "
                        + Schemas.describe(schema) + "; check 'field'"));
        Kind from = kindOrFail(describeField(), timestamp.schema());
        Schema convertedField =
                TimestampConversion.schemaOf(target, timestamp.schema().isOptional());
        Object defaultValue = timestamp.schema().defaultValue();
        if (defaultValue != null) {
            convertedField = SchemaBuilder.from(convertedField)
                    .defaultValue(convert(describeField(), defaultValue, from))
                    .build();
        }
        SchemaBuilder builder = Schemas.structLike(schema);
        for (Field each : schema.fields()) {
            builder.field(each.name(), each.name().equals(field) ? convertedField : each.schema());
        }
        return builder.build();
    }

    private String describeField() {
        return "field '" + field + "'";
    }

    private Kind kindOrFail(String what, Schema schema) {
        try {
            return TimestampConversion.kindOf(schema);
        } catch (DataException e) {
            throw new DataException(name + ": cannot convert " + what + ": " + e.getMessage(), e);
        }
    }

    private Kind kindOrFail(String what, Object value) {
        try {
            return TimestampConversion.kindOf(value);
        } catch (DataException e) {
            throw new DataException(name + ": cannot convert " + what + ": " + e.getMessage(), e);
        }
    }

    private Object convert(String what, Object value, Kind from) {
        try {
            return conversion.convert(value, from, target);
        } catch (DataException | ArithmeticException | DateTimeException e) {
            throw new DataException(
                    name + ": cannot convert " + what + " to " + target.settingValue() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Converts a timestamp in the record key.
     *
     * @param <R> the record type
     */
    public static final class Key<R extends ConnectRecord<R>> extends TimestampConverter<R> {
        /** Makes the transformation; {@link #configure} sets it up. */
        public Key() {
            super(RecordSide.KEY);
        }
    }

    /**
     * Converts a timestamp in the record value.
     *
     * @param <R> the record type
     */
    public static final class Value<R extends ConnectRecord<R>> extends TimestampConverter<R> {
        /** Makes the transformation; {@link #configure} sets it up. */
        public Value() {
            super(RecordSide.VALUE);
        }
    }
}
