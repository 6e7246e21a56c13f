package io.tributary.runtime.convert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.config.Validator;
import io.tributary.sdk.converter.Converter;
import io.tributary.sdk.converter.ConverterType;
import io.tributary.sdk.converter.HeaderConverter;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.errors.DataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts data to and from JSON in the format of Kafka Connect's {@code org.apache.kafka.connect.json.JsonConverter},
 * byte for byte, so a topic written by either is read by the other.
 *
 * <p>With {@value #SCHEMAS_ENABLE}{@code =true} (the default) every message is an envelope {@code
 * {"schema":{...},"payload":...}} that carries the value's schema, such as {@code
 * {"type":"struct","fields":[{"type":"int64","optional":false,"field":"id"}],"optional":false,"name":"Order"}}. A
 * schema's members come in Connect's order: {@code type}; {@code items}, {@code keys} and {@code values}, or {@code
 * fields}; {@code optional}; then those that are set of {@code name}, {@code version}, {@code doc}, {@code
 * parameters} and {@code default}; and last, for a struct's field, {@code field}. With {@code false} a message is
 * the bare payload, and values read back without a schema: JSON objects as maps, arrays as lists, integers as
 * {@code Long} and other numbers as {@code Double}. Output is compact, without spaces. A null value without a
 * schema becomes a null message (a tombstone), and a null message reads as {@link SchemaAndValue#NULL}.
 *
 * <p>Settings, with Connect's names and defaults:
 *
 * <ul>
 *   <li>{@value #SCHEMAS_ENABLE} ({@code true}): whether messages carry their schema;
 *   <li>{@value #SCHEMAS_CACHE_SIZE} ({@code 1000}): how many schemas to keep converted, in each direction;
 *   <li>{@value #DECIMAL_FORMAT} ({@code BASE64}): how to write decimals, as Base64 of the unscaled value or, with
 *       {@code NUMERIC}, as JSON numbers; both forms are read either way;
 *   <li>{@value #REPLACE_NULL_WITH_DEFAULT} ({@code true}): whether a null value of a schema with a default is
 *       written, and read, as the default;
 *   <li>{@value #SCHEMA_CONTENT} (unset): a schema, in its JSON form, for every message read; the messages are
 *       then bare payloads. Only used when {@value #SCHEMAS_ENABLE} is true, and only for reading.
 * </ul>
 *
 * <p>Reading is strict where Connect's converter is lenient: a JSON value that does not fit its schema, such as a
 * string where an integer belongs, fails with a {@link DataException} naming where it is, rather than reading as 0.
 * Also a header converter, configured with the same settings. Instances are safe to use from several threads.
 */
public final class JsonConverter implements Converter, HeaderConverter {
    /** Whether each message carries its schema in an envelope. */
    public static final String SCHEMAS_ENABLE = "schemas.enable";
    /** How many schemas to keep converted. */
    public static final String SCHEMAS_CACHE_SIZE = "schemas.cache.size";
    /** {@code BASE64} or {@code NUMERIC}: how decimals are written. */
    public static final String DECIMAL_FORMAT = "decimal.format";
    /** Whether nulls of schemas with a default become the default. */
    public static final String REPLACE_NULL_WITH_DEFAULT = "replace.null.with.default";
    /** A schema for every message read, in its JSON form. */
    public static final String SCHEMA_CONTENT = "schema.content";

    private static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(SCHEMAS_ENABLE, ConfigDef.Type.BOOLEAN)
                    .defaultValue(true)
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("Whether each message is an envelope with the fields \"schema\" and \"payload\", "
                            + "or the bare payload without a schema."))
            .define(ConfigKey.builder(SCHEMAS_CACHE_SIZE, ConfigDef.Type.INT)
                    .defaultValue(1000)
                    .validator(Validator.atLeast(0))
                    .importance(ConfigDef.Importance.LOW)
                    .documentation("How many schemas this converter keeps converted, in each direction."))
            .define(ConfigKey.builder(DECIMAL_FORMAT, ConfigDef.Type.STRING)
                    .defaultValue(DecimalFormat.BASE64.name())
                    .validator(Validator.oneOfIgnoreCase(DecimalFormat.BASE64.name(), DecimalFormat.NUMERIC.name()))
                    .importance(ConfigDef.Importance.LOW)
                    .documentation("How decimals are written: BASE64, the Base64 of the unscaled value's bytes, or "
                            + "NUMERIC, a JSON number. Either form is read."))
            .define(ConfigKey.builder(REPLACE_NULL_WITH_DEFAULT, ConfigDef.Type.BOOLEAN)
                    .defaultValue(true)
                    .importance(ConfigDef.Importance.LOW)
                    .documentation("Whether a null value whose schema has a default value is written and read as "
                            + "that default; otherwise it stays null."))
            .define(ConfigKey.builder(SCHEMA_CONTENT, ConfigDef.Type.STRING)
                    .defaultValue(null)
                    .importance(ConfigDef.Importance.LOW)
                    .documentation("A schema in its JSON form, such as {\"type\":\"int64\",\"optional\":false}, to "
                            + "read every message with; the messages are then bare payloads. Used only when "
                            + SCHEMAS_ENABLE + " is true, and only for reading."))
            .build();

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonTreeReader TREES = new JsonTreeReader(FACTORY);
    private static final byte[] ENVELOPE_START = "{\"schema\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ENVELOPE_PAYLOAD = ",\"payload\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_NAMES_SHOWN = 5;

    private volatile Settings settings = new Settings(CONFIG.parse(Map.of()));

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void configure(Map<String, ?> configs, ConverterType type) {
        settings = new Settings(CONFIG.parse(configs));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        configure(configs, ConverterType.HEADER);
    }

    @Override
    public byte[] fromData(String topic, Schema schema, Object value) {
        return write(schema, value, () -> "Cannot write the value for topic '" + topic + "' as JSON");
    }

    @Override
    public byte[] fromData(String topic, String headerKey, Schema schema, Object value) {
        return write(schema, value, () -> "Cannot write header '" + headerKey + "' for topic '" + topic + "' as JSON");
    }

    @Override
    public SchemaAndValue toData(String topic, byte[] bytes) {
        return read(bytes, () -> "Cannot read the message on topic '" + topic + "'");
    }

    @Override
    public SchemaAndValue toData(String topic, String headerKey, byte[] bytes) {
        return read(bytes, () -> "Cannot read header '" + headerKey + "' on topic '" + topic + "'");
    }

    @Override
    public void close() {}

    private byte[] write(Schema schema, Object value, Context context) {
        if (schema == null && value == null) {
            return null;
        }
        Settings current = settings;
        ByteArrayBuilder out = new ByteArrayBuilder();
        try {
            if (current.schemasEnabled) {
                out.write(ENVELOPE_START);
                out.write(schema == null ? JSON_NULL : current.schemas.toJson(schema));
                out.write(ENVELOPE_PAYLOAD);
            }
            try (JsonGenerator generator = FACTORY.createGenerator(out)) {
                current.dataWriter.write(generator, schema, value);
            }
            if (current.schemasEnabled) {
                out.write('}');
            }
            return out.toByteArray();
        } catch (LocatedProblem problem) {
            throw problem.toDataException(context.describe(), "value");
        } catch (DataException e) {
            throw new DataException(context.describe() + ": " + e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new DataException(context.describe() + ": the JSON generator failed; " + e.getMessage(), e);
        }
    }

    private SchemaAndValue read(byte[] bytes, Context context) {
        if (bytes == null) {
            return SchemaAndValue.NULL;
        }
        Settings current = settings;
        if (current.schemasEnabled && current.fixedSchema == null) {
            JsonNode[] payload = new JsonNode[1];
            Schema[] schema = new Schema[1];
            if (readEnvelope(bytes, current, schema, payload)) {
                return data(current, schema[0], payload[0], context);
            }
            // Not a well-formed envelope: read it whole below, which says exactly what is wrong with it.
        }
        JsonNode root = parse(bytes, context);
        Schema schema = null;
        JsonNode payload = root;
        if (current.schemasEnabled && current.fixedSchema != null) {
            schema = current.fixedSchema;
        } else if (current.schemasEnabled) {
            if (root == null || !root.isObject() || root.size() != 2 || !root.has("schema") || !root.has("payload")) {
                throw new DataException(context.describe() + ": with " + SCHEMAS_ENABLE + "=true each message must "
                        + "be a JSON object with exactly the members \"schema\" and \"payload\", but this one "
                        + describeNonEnvelope(root) + ". If the topic holds plain JSON, set " + SCHEMAS_ENABLE
                        + "=false for this converter.");
            }
            JsonNode schemaNode = root.get("schema");
            try {
                schema = schemaNode.isNull() ? null : current.schemas.fromJson(schemaNode);
            } catch (LocatedProblem problem) {
                throw problem.toDataException(context.describe(), "schema");
            }
            payload = root.get("payload");
        }
        return data(current, schema, payload, context);
    }

    private static SchemaAndValue data(Settings current, Schema schema, JsonNode payload, Context context) {
        try {
            Object value = current.dataReader.read(schema, payload);
            return schema == null && value == null ? SchemaAndValue.NULL : new SchemaAndValue(schema, value);
        } catch (LocatedProblem problem) {
            throw problem.toDataException(context.describe(), "value");
        } catch (DataException e) {
            throw new DataException(context.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an envelope as a stream: the schema is found by its text in the cache, without building its tree,
     * and only the payload becomes a tree. Gives up, returning false, on anything but exactly the members
     * {@code schema} and {@code payload} of a valid document and a valid schema, for the whole read to report.
     */
    private static boolean readEnvelope(byte[] bytes, Settings current, Schema[] schema, JsonNode[] payload) {
        boolean sawSchema = false;
        boolean sawPayload = false;
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                JsonToken token = parser.nextToken();
                if (name.equals("schema") && !sawSchema) {
                    sawSchema = true;
                    if (token == JsonToken.START_OBJECT) {
                        int start = (int) parser.currentTokenLocation().getByteOffset();
                        parser.skipChildren();
                        int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
                        schema[0] = current.schemas.fromJson(bytes, start, end);
                    } else if (token != JsonToken.VALUE_NULL) {
                        return false;
                    }
                } else if (name.equals("payload") && !sawPayload) {
                    sawPayload = true;
                    payload[0] = JsonTreeReader.value(parser, token);
                } else {
                    return false;
                }
            }
            return sawSchema && sawPayload && parser.nextToken() == null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String describeNonEnvelope(JsonNode root) {
        if (root == null) {
            return "is empty";
        }
        if (root.isObject()) {
            List<String> names = new ArrayList<>();
            root.fieldNames().forEachRemaining(name -> names.add("\"" + name + "\""));
            if (names.size() > MAX_NAMES_SHOWN) {
                names.subList(MAX_NAMES_SHOWN, names.size()).clear();
                names.add("...");
            }
            return names.isEmpty() ? "has no members" : "has the members " + String.join(", ", names);
        }
        return "is a " + JsonDataReader.describe(root);
    }

    /** Returns the JSON value of a message, or null when the message holds only white space. */
    private static JsonNode parse(byte[] bytes, Context context) {
        try {
            return TREES.read(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where =
                    location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new DataException(
                    context.describe() + ": it is not valid JSON" + where + " (" + e.getOriginalMessage() + "). "
                            + "Check what writes to the topic, or configure the converter for its format.",
                    e);
        } catch (IOException e) {
            throw new DataException(context.describe() + ": reading its bytes failed", e);
        }
    }

    /** Says what the converter was doing, built only when a message needs it. */
    @FunctionalInterface
    private interface Context {
        String describe();
    }

    /** One configuration's collaborators, swapped as a whole so a converter never mixes two configurations. */
    private static final class Settings {
        final boolean schemasEnabled;
        final Schema fixedSchema;
        final JsonDataWriter dataWriter;
        final JsonDataReader dataReader;
        final JsonSchemaCodec schemas;

        Settings(ParsedConfig config) {
            boolean replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT);
            DecimalFormat decimalFormat =
                    DecimalFormat.valueOf(config.getString(DECIMAL_FORMAT).toUpperCase(Locale.ROOT));
            this.schemasEnabled = config.getBoolean(SCHEMAS_ENABLE);
            this.dataWriter = new JsonDataWriter(decimalFormat, replaceNullWithDefault);
            this.dataReader = new JsonDataReader(replaceNullWithDefault);
            this.schemas = new JsonSchemaCodec(FACTORY, dataWriter, dataReader, config.getInt(SCHEMAS_CACHE_SIZE));
            this.fixedSchema = parseSchemaContent(config.getString(SCHEMA_CONTENT), schemas);
        }

        private static Schema parseSchemaContent(String content, JsonSchemaCodec schemas) {
            if (content == null || content.isBlank()) {
                return null;
            }
            JsonNode node;
            try {
                node = TREES.read(content);
            } catch (JsonProcessingException e) {
                throw new ConfigException(SCHEMA_CONTENT, content, "not valid JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new ConfigException(SCHEMA_CONTENT, content, "unreadable: " + e.getMessage());
            }
            if (node == null) {
                return null;
            }
            try {
                return schemas.fromJson(node);
            } catch (LocatedProblem problem) {
                throw new ConfigException(SCHEMA_CONTENT, content, "not a valid schema: " + problem.describe("schema"));
            }
        }
    }
}
