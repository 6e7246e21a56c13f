package io.tributary.connectors.datagen;

import io.tributary.sdk.data.Date;
import io.tributary.sdk.data.Decimal;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.data.Timestamp;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Records of the fields a user gives in {@code schema.fields}. */
final class FieldsGenerator implements Generator {
    private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d{1,2})\\)");

    private record FieldSpec(String name, String type, Schema schema) {}

    private final List<FieldSpec> fields;
    private final Schema value;
    /** The id field's schema, the key's; null when there is no id field and so no key. */
    private final Schema key;

    private FieldsGenerator(List<FieldSpec> fields) {
        this.fields = fields;
        SchemaBuilder builder = SchemaBuilder.struct().name("io.tributary.datagen.Record");
        for (FieldSpec field : fields) {
            builder.field(field.name(), field.schema());
        }
        this.value = builder.build();
        this.key = value.field("id").map(field -> field.schema()).orElse(null);
    }

    /**
     * @param specs fields as {@code name:type}, comma-separated
     * @return the generator
     * @throws IllegalArgumentException saying which field cannot be read and why
     */
    static FieldsGenerator parse(String specs) {
        List<FieldSpec> fields = new ArrayList<>();
        for (String spec : specs.split(",")) {
            String trimmed = spec.strip();
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalArgumentException(
                        "Field '" + trimmed + "' is not name:type; write it like amount:decimal(2)");
            }
            String name = trimmed.substring(0, colon).strip();
            String type = trimmed.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            if (fields.stream().anyMatch(f -> f.name().equals(name))) {
                throw new IllegalArgumentException("Field '" + name + "' is given twice");
            }
            fields.add(new FieldSpec(name, type, schemaOf(name, type)));
        }
        return new FieldsGenerator(List.copyOf(fields));
    }

    private static Schema schemaOf(String name, String type) {
        Matcher decimal = DECIMAL.matcher(type);
        if (decimal.matches()) {
            return Decimal.schema(Integer.parseInt(decimal.group(1)));
        }
        return switch (type) {
            case "int32" -> Schema.INT32_SCHEMA;
            case "int64" -> Schema.INT64_SCHEMA;
            case "float64" -> Schema.FLOAT64_SCHEMA;
            case "boolean" -> Schema.BOOLEAN_SCHEMA;
            case "string", "uuid" -> Schema.STRING_SCHEMA;
            case "date" -> Date.SCHEMA;
            case "timestamp" -> Timestamp.SCHEMA;
            default ->
                throw new IllegalArgumentException("Field '" + name + "' has the type '" + type + "', which is"
                        + " none of int32, int64, float64, boolean, string, uuid, date, timestamp, decimal(scale)");
        };
    }

    @Override
    public Schema keySchema() {
        return fields.stream().anyMatch(f -> f.name().equals("id"))
                ? value.field("id").orElseThrow().schema()
                : null;
    }

    @Override
    public Schema valueSchema() {
        return value;
    }

    @Override
    public Object key(long number, Struct record) {
        return key == null ? null : record.get("id");
    }

    @Override
    public Struct value(long number, SplittableRandom random) {
        Struct.Builder record = Struct.builder(value);
        for (FieldSpec field : fields) {
            record.put(
                    field.name(),
                    field.name().equals("id") ? idValue(field.type(), number) : random(field, random, number));
        }
        return record.build();
    }

    private static Object idValue(String type, long number) {
        return switch (type) {
            case "int32" -> (int) number;
            case "int64" -> number;
            case "string", "uuid" -> Long.toString(number);
            default -> throw new IllegalArgumentException("A field named id counts, so it is int32, int64 or string");
        };
    }

    private static Object random(FieldSpec field, SplittableRandom random, long number) {
        return switch (field.type()) {
            case "int32" -> random.nextInt(1_000_000);
            case "int64" -> random.nextLong(1_000_000_000L);
            case "float64" -> Math.round(random.nextDouble() * 1_000_000) / 1000.0;
            case "boolean" -> random.nextBoolean();
            case "string" -> field.name() + "_" + random.nextInt(1000);
            case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
            case "date" ->
                Generator.time(number).atZone(java.time.ZoneOffset.UTC).toLocalDate();
            case "timestamp" -> Generator.time(number);
            default -> {
                int scale = Decimal.scale(field.schema());
                yield BigDecimal.valueOf(random.nextLong(10_000_000L), scale);
            }
        };
    }
}
