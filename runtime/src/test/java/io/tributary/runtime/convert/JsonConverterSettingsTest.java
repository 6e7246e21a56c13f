package io.tributary.runtime.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.converter.ConverterType;
import io.tributary.sdk.data.Decimal;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.errors.DataException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON converter's settings: Connect's names and defaults, validation, and what each changes. */
class JsonConverterSettingsTest {

    @Test
    void declaresConnectsSettingsWithConnectsDefaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (ConfigKey key : new JsonConverter().config().keys()) {
            defaults.put(key.name(), key.defaultValue());
        }

        assertThat(defaults)
                .containsExactlyEntriesOf(ordered(
                        "schemas.enable",
                        true,
                        "schemas.cache.size",
                        1000,
                        "decimal.format",
                        "BASE64",
                        "replace.null.with.default",
                        true,
                        "schema.content",
                        null));
    }

    @Test
    void worksWithItsDefaultsBeforeConfigure() {
        assertThat(new String(new JsonConverter().fromData("orders", Schema.INT32_SCHEMA, 1), StandardCharsets.UTF_8))
                .isEqualTo("{\"schema\":{\"type\":\"int32\",\"optional\":false},\"payload\":1}");
    }

    @Test
    void takesTheDecimalFormatInAnyCase() {
        JsonConverter converter = converter(Map.of(JsonConverter.DECIMAL_FORMAT, "numeric"));

        byte[] written = converter.fromData("orders", Decimal.schema(1), new BigDecimal("2.5"));

        assertThat(new String(written, StandardCharsets.UTF_8)).endsWith("\"payload\":2.5}");
    }

    @Test
    void readsBothDecimalFormatsWhateverItWrites() {
        JsonConverter converter = converter(Map.of(JsonConverter.DECIMAL_FORMAT, "BASE64"));
        String schema = "{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\","
                + "\"parameters\":{\"scale\":\"2\"}}";

        Object fromNumber =
                read(converter, "{\"schema\":" + schema + ",\"payload\":1.5}").value();
        Object fromBase64 = read(converter, "{\"schema\":" + schema + ",\"payload\":\"AJY=\"}")
                .value();

        assertThat(fromNumber).isEqualTo(new BigDecimal("1.50"));
        assertThat(fromBase64).isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void refusesAnUnknownDecimalFormatNamingTheSetting() {
        assertThatThrownBy(() -> converter(Map.of(JsonConverter.DECIMAL_FORMAT, "HEX")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("decimal.format")
                .hasMessageContaining("HEX");
    }

    @Test
    void refusesANegativeCacheSize() {
        assertThatThrownBy(() -> converter(Map.of(JsonConverter.SCHEMAS_CACHE_SIZE, "-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schemas.cache.size");
    }

    @Test
    void takesBooleansAsStrings() {
        JsonConverter converter = converter(Map.of(JsonConverter.SCHEMAS_ENABLE, "false"));

        assertThat(converter.fromData("orders", Schema.STRING_SCHEMA, "x")).isEqualTo("\"x\"".getBytes());
    }

    @Test
    void aNullReadsAsTheDefaultOnlyWhenReplacing() {
        String json = "{\"schema\":{\"type\":\"int32\",\"optional\":true,\"default\":7},\"payload\":null}";

        assertThat(read(converter(Map.of()), json).value()).isEqualTo(7);
        assertThat(read(converter(Map.of(JsonConverter.REPLACE_NULL_WITH_DEFAULT, false)), json)
                        .value())
                .isNull();
    }

    @Test
    void aMissingStructMemberReadsAsTheFieldsDefaultOnlyWhenReplacing() {
        String json = "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"optional\":true,"
                + "\"default\":7,\"field\":\"a\"}]},\"payload\":{}}";

        Struct replaced = (Struct) read(converter(Map.of()), json).value();
        Struct kept = (Struct) read(converter(Map.of(JsonConverter.REPLACE_NULL_WITH_DEFAULT, false)), json)
                .value();

        assertThat(replaced.getWithoutDefault("a")).isEqualTo(7);
        assertThat(kept.getWithoutDefault("a")).isNull();
    }

    @Test
    void schemaContentReadsBarePayloadsWithTheGivenSchema() {
        JsonConverter converter =
                converter(Map.of(JsonConverter.SCHEMA_CONTENT, "{\"type\":\"int16\",\"optional\":true}"));
        Schema schema = SchemaBuilder.int16().optional().build();

        assertThat(read(converter, "42")).isEqualTo(new SchemaAndValue(schema, (short) 42));
        assertThat(read(converter, "null")).isEqualTo(new SchemaAndValue(schema, null));
        assertThat(converter.toData("orders", null)).isEqualTo(SchemaAndValue.NULL);
    }

    @Test
    void schemaContentTreatsAnEnvelopeAsAPayload() {
        JsonConverter converter = converter(Map.of(JsonConverter.SCHEMA_CONTENT, "{\"type\":\"int16\"}"));

        assertThatThrownBy(() -> read(converter, "{\"schema\":null,\"payload\":1}"))
                .isInstanceOf(DataException.class)
                .hasMessage("Cannot read the message on topic 'orders': value is INT16, got JSON object");
    }

    @Test
    void schemaContentDoesNotChangeWriting() {
        JsonConverter converter = converter(Map.of(JsonConverter.SCHEMA_CONTENT, "{\"type\":\"int16\"}"));

        assertThat(new String(converter.fromData("orders", Schema.INT64_SCHEMA, 1L), StandardCharsets.UTF_8))
                .isEqualTo("{\"schema\":{\"type\":\"int64\",\"optional\":false},\"payload\":1}");
    }

    @Test
    void schemaContentIsIgnoredWithoutSchemas() {
        JsonConverter converter = converter(
                Map.of(JsonConverter.SCHEMA_CONTENT, "{\"type\":\"int16\"}", JsonConverter.SCHEMAS_ENABLE, false));

        assertThat(read(converter, "42")).isEqualTo(new SchemaAndValue(null, 42L));
    }

    @Test
    void schemaContentMustBeASchema() {
        assertThatThrownBy(() -> converter(Map.of(JsonConverter.SCHEMA_CONTENT, "{\"type\":")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value \"{\"type\":\" for 'schema.content': not valid JSON: ");
        assertThatThrownBy(() -> converter(Map.of(JsonConverter.SCHEMA_CONTENT, "{\"type\":\"array\"}")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value \"{\"type\":\"array\"}\" for 'schema.content': not a valid schema: schema "
                        + "is an array schema without \"items\"");
    }

    @Test
    void cachesSchemasUpToTheCacheSize() throws IOException {
        JsonSchemaCodec codec = codec(2);
        JsonNode first = tree("{\"type\":\"int8\"}");

        Schema read = codec.fromJson(first);

        assertThat(codec.fromJson(tree("{\"type\":\"int8\"}"))).isSameAs(read);
        codec.fromJson(tree("{\"type\":\"int16\"}"));
        codec.fromJson(tree("{\"type\":\"int32\"}"));
        assertThat(codec.fromJson(first)).isNotSameAs(read).isEqualTo(read);
    }

    @Test
    void keepsNoSchemasWithACacheSizeOfZero() throws IOException {
        JsonSchemaCodec codec = codec(0);

        Schema read = codec.fromJson(tree("{\"type\":\"int8\"}"));

        assertThat(codec.fromJson(tree("{\"type\":\"int8\"}")))
                .isNotSameAs(read)
                .isEqualTo(read);
        assertThat(codec.toJson(Schema.INT8_SCHEMA)).isNotSameAs(codec.toJson(Schema.INT8_SCHEMA));
    }

    private static JsonSchemaCodec codec(int cacheSize) {
        return new JsonSchemaCodec(
                new JsonFactory(), new JsonDataWriter(DecimalFormat.BASE64, true), new JsonDataReader(true), cacheSize);
    }

    private static JsonNode tree(String json) throws IOException {
        return new JsonTreeReader(new JsonFactory()).read(json);
    }

    private static JsonConverter converter(Map<String, ?> settings) {
        JsonConverter converter = new JsonConverter();
        converter.configure(settings, ConverterType.KEY);
        return converter;
    }

    private static SchemaAndValue read(JsonConverter converter, String json) {
        return converter.toData("orders", json.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
