package io.tributary.runtime.convert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sdk.data.Decimal;
import io.tributary.sdk.data.Field;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.errors.DataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts schemas to and from the JSON form of Kafka Connect's envelope, keeping recent results in two caches.
 *
 * <p>A schema is a JSON object whose members come in a fixed order, so the bytes match Connect's: {@code type};
 * then {@code items} for an array, {@code keys} and {@code values} for a map, or {@code fields} for a struct;
 * then {@code optional}; then, when set, {@code name}, {@code version}, {@code doc}, {@code parameters} and
 * {@code default}. A struct's field is the field's schema with a last member {@code field} holding its name.
 * Members a reader does not know are ignored.
 */
final class JsonSchemaCodec {
    private static final Map<Schema.Type, String> TYPE_NAMES = new EnumMap<>(Schema.Type.class);
    private static final Map<String, Schema.Type> TYPES_BY_NAME = new HashMap<>();

    static {
        TYPE_NAMES.put(Schema.Type.INT8, "int8");
        TYPE_NAMES.put(Schema.Type.INT16, "int16");
        TYPE_NAMES.put(Schema.Type.INT32, "int32");
        TYPE_NAMES.put(Schema.Type.INT64, "int64");
        TYPE_NAMES.put(Schema.Type.FLOAT32, "float");
        TYPE_NAMES.put(Schema.Type.FLOAT64, "double");
        TYPE_NAMES.put(Schema.Type.BOOLEAN, "boolean");
        TYPE_NAMES.put(Schema.Type.STRING, "string");
        TYPE_NAMES.put(Schema.Type.BYTES, "bytes");
        TYPE_NAMES.put(Schema.Type.ARRAY, "array");
        TYPE_NAMES.put(Schema.Type.MAP, "map");
        TYPE_NAMES.put(Schema.Type.STRUCT, "struct");
        TYPE_NAMES.forEach((type, name) -> TYPES_BY_NAME.put(name, type));
    }

    private static final List<String> KNOWN_TYPES =
            TYPES_BY_NAME.keySet().stream().sorted().toList();

    private final JsonFactory factory;
    private final JsonDataWriter dataWriter;
    private final JsonDataReader dataReader;
    private final LruCache<Schema, byte[]> written;
    private final LruCache<JsonNode, Schema> read;
    private final LruCache<SchemaText, Schema> readText;

    /**
     * @param factory makes the generators schemas are written with
     * @param dataWriter writes default values
     * @param dataReader reads default values
     * @param cacheSize how many schemas each direction keeps; 0 keeps none
     */
    JsonSchemaCodec(JsonFactory factory, JsonDataWriter dataWriter, JsonDataReader dataReader, int cacheSize) {
        this.factory = factory;
        this.dataWriter = dataWriter;
        this.dataReader = dataReader;
        this.written = new LruCache<>(cacheSize);
        this.read = new LruCache<>(cacheSize);
        this.readText = new LruCache<>(cacheSize);
    }

    /**
     * @param schema a schema; never null
     * @return its JSON form, UTF-8 encoded; the caller must not change the array
     * @throws UncheckedIOException if the generator fails
     */
    byte[] toJson(Schema schema) {
        return written.computeIfAbsent(schema, this::serialize);
    }

    /**
     * @param node the JSON form of a schema; never null
     * @return the schema
     * @throws LocatedProblem if the JSON is not a valid schema, naming where within it
     */
    Schema fromJson(JsonNode node) {
        return read.computeIfAbsent(node, this::parse);
    }

    /**
     * The schema of an envelope, looked up by its text: a topic's messages carry the same schema text again and
     * again, and comparing bytes costs far less than building and hashing its tree.
     *
     * @param message a message's bytes
     * @param start where the schema's JSON object starts in them
     * @param end where it ends, exclusive
     * @return the schema
     * @throws LocatedProblem if the JSON is not a valid schema, naming where within it
     * @throws IOException if the text is not valid JSON
     */
    Schema fromJson(byte[] message, int start, int end) throws IOException {
        // Looked up over the message's own bytes; copied only to be kept, on a miss.
        Schema known = readText.get(new SchemaText(message, start, end));
        if (known != null) {
            return known;
        }
        SchemaText kept = new SchemaText(Arrays.copyOfRange(message, start, end), 0, end - start);
        JsonNode node = new JsonTreeReader(factory).read(kept.bytes);
        return readText.computeIfAbsent(kept, key -> parse(node));
    }

    /** A schema's JSON text as a cache key: a range of bytes, compared and hashed as a whole. */
    private static final class SchemaText {
        final byte[] bytes;
        private final int start;
        private final int end;
        private final int hash;

        SchemaText(byte[] bytes, int start, int end) {
            this.bytes = bytes;
            this.start = start;
            this.end = end;
            int h = 1;
            for (int i = start; i < end; i++) {
                h = 31 * h + bytes[i];
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SchemaText other
                    && other.hash == hash
                    && Arrays.equals(other.bytes, other.start, other.end, bytes, start, end);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private byte[] serialize(Schema schema) {
        ByteArrayBuilder out = new ByteArrayBuilder();
        try (JsonGenerator generator = factory.createGenerator(out)) {
            write(generator, schema, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void write(JsonGenerator generator, Schema schema, String fieldName) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("type", TYPE_NAMES.get(schema.type()));
        switch (schema.type()) {
            case ARRAY -> {
                generator.writeFieldName("items");
                write(generator, schema.valueSchema(), null);
            }
            case MAP -> {
                generator.writeFieldName("keys");
                write(generator, schema.keySchema(), null);
                generator.writeFieldName("values");
                write(generator, schema.valueSchema(), null);
            }
            case STRUCT -> {
                generator.writeArrayFieldStart("fields");
                for (Field field : schema.fields()) {
                    write(generator, field.schema(), field.name());
                }
                generator.writeEndArray();
            }
            default -> {}
        }
        generator.writeBooleanField("optional", schema.isOptional());
        if (schema.name() != null) {
            generator.writeStringField("name", schema.name());
        }
        if (schema.version() != null) {
            generator.writeNumberField("version", schema.version());
        }
        if (schema.doc() != null) {
            generator.writeStringField("doc", schema.doc());
        }
        if (!schema.parameters().isEmpty()) {
            generator.writeObjectFieldStart("parameters");
            for (Map.Entry<String, String> parameter : schema.parameters().entrySet()) {
                generator.writeStringField(parameter.getKey(), parameter.getValue());
            }
            generator.writeEndObject();
        }
        if (schema.defaultValue() != null) {
            generator.writeFieldName("default");
            try {
                dataWriter.writeValid(generator, schema, schema.defaultValue());
            } catch (LocatedProblem problem) {
                throw problem.within(".default");
            }
        }
        if (fieldName != null) {
            generator.writeStringField("field", fieldName);
        }
        generator.writeEndObject();
    }

    private Schema parse(JsonNode node) {
        if (!node.isObject()) {
            throw new LocatedProblem("is " + JsonDataReader.describe(node) + ", not a JSON object with a \"type\"");
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new LocatedProblem("has no \"type\"; give one of " + KNOWN_TYPES);
        }
        String typeName = typeNode.textValue();
        SchemaBuilder builder = switch (typeName) {
            case "array" -> SchemaBuilder.array(child(node, "items", "an array"));
            case "map" -> SchemaBuilder.map(child(node, "keys", "a map"), child(node, "values", "a map"));
            case "struct" -> struct(node);
            default -> {
                Schema.Type type = TYPES_BY_NAME.get(typeName);
                if (type == null) {
                    throw new LocatedProblem("is JSON string \"" + typeName + "\", which is not a type; give one of "
                                    + KNOWN_TYPES)
                            .within(".type");
                }
                yield SchemaBuilder.type(type);
            }
        };
        JsonNode optional = node.get("optional");
        if (isPresent(optional)) {
            if (!optional.isBoolean()) {
                throw new LocatedProblem("is " + JsonDataReader.describe(optional) + ", not true or false")
                        .within(".optional");
            }
            if (optional.booleanValue()) {
                builder.optional();
            }
        }
        String name = text(node, "name");
        if (name != null) {
            builder.name(name);
        }
        JsonNode version = node.get("version");
        if (isPresent(version)) {
            if (!version.isIntegralNumber() || !version.canConvertToInt()) {
                throw new LocatedProblem("is " + JsonDataReader.describe(version) + ", not a whole number")
                        .within(".version");
            }
            builder.version(version.intValue());
        }
        String doc = text(node, "doc");
        if (doc != null) {
            builder.doc(doc);
        }
        parameters(node, builder);
        Schema withoutDefault = builder.build();
        checkDecimalScale(withoutDefault);
        JsonNode defaultNode = node.get("default");
        if (!isPresent(defaultNode)) {
            return withoutDefault;
        }
        Object defaultValue;
        try {
            defaultValue = dataReader.read(withoutDefault, defaultNode);
        } catch (LocatedProblem problem) {
            throw problem.within(".default");
        }
        // A struct default is built with the schema that has no default; the SDK accepts it for this one.
        return SchemaBuilder.from(withoutDefault).defaultValue(defaultValue).build();
    }

    private Schema child(JsonNode node, String member, String kind) {
        JsonNode child = node.get(member);
        if (!isPresent(child)) {
            throw new LocatedProblem("is " + kind + " schema without \"" + member + "\"");
        }
        try {
            return parse(child);
        } catch (LocatedProblem problem) {
            throw problem.within("." + member);
        }
    }

    private SchemaBuilder struct(JsonNode node) {
        JsonNode fields = node.get("fields");
        if (fields == null || !fields.isArray()) {
            throw new LocatedProblem("is a struct schema without a \"fields\" array");
        }
        SchemaBuilder builder = SchemaBuilder.struct();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            String where = ".fields[" + i + "]";
            JsonNode field = fields.get(i);
            JsonNode name = field.get("field");
            if (name == null || !name.isTextual()) {
                throw new LocatedProblem("has no \"field\" naming the field").within(where);
            }
            if (!names.add(name.textValue())) {
                throw new LocatedProblem("repeats the field name \"" + name.textValue() + "\"").within(where);
            }
            try {
                builder.field(name.textValue(), parse(field));
            } catch (LocatedProblem problem) {
                throw problem.within(where);
            }
        }
        return builder;
    }

    private static void parameters(JsonNode node, SchemaBuilder builder) {
        JsonNode parameters = node.get("parameters");
        if (!isPresent(parameters)) {
            return;
        }
        if (!parameters.isObject()) {
            throw new LocatedProblem("is " + JsonDataReader.describe(parameters) + ", not a JSON object of strings")
                    .within(".parameters");
        }
        for (Map.Entry<String, JsonNode> parameter : parameters.properties()) {
            if (!parameter.getValue().isTextual()) {
                throw new LocatedProblem("is " + JsonDataReader.describe(parameter.getValue()) + ", not a string")
                        .within("." + parameter.getKey())
                        .within(".parameters");
            }
            builder.parameter(parameter.getKey(), parameter.getValue().textValue());
        }
    }

    private static void checkDecimalScale(Schema schema) {
        if (LogicalType.of(schema) == LogicalType.DECIMAL) {
            try {
                Decimal.scale(schema);
            } catch (DataException e) {
                throw new LocatedProblem(
                        "is a Decimal schema without a whole-number \"" + Decimal.SCALE_PARAMETER + "\" parameter", e);
            }
        }
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (!isPresent(value)) {
            return null;
        }
        if (!value.isTextual()) {
            throw new LocatedProblem("is " + JsonDataReader.describe(value) + ", not a string").within("." + member);
        }
        return value.textValue();
    }

    private static boolean isPresent(JsonNode node) {
        return node != null && !node.isNull();
    }
}
