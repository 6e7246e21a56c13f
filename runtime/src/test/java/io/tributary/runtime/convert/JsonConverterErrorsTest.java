package io.tributary.runtime.convert;

import static io.tributary.runtime.convert.JsonConverterWireFormatTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.data.Decimal;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.errors.DataException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the JSON converter refuses, and how it says so. */
class JsonConverterErrorsTest {
    private static final String READING = "Cannot read the message on topic 'orders': ";
    private static final String WRITING = "Cannot write the value for topic 'orders' as JSON: ";

    private static final JsonConverter ENVELOPE = JsonConverterWireFormatTest.converter(Map.of());
    private static final JsonConverter BARE =
            JsonConverterWireFormatTest.converter(Map.of(JsonConverter.SCHEMAS_ENABLE, false));

    private static SchemaAndValue read(JsonConverter converter, String json) {
        return converter.toData("orders", json.getBytes(StandardCharsets.UTF_8));
    }

    private static String envelope(String schemaJson, String payloadJson) {
        return "{\"schema\":" + schemaJson + ",\"payload\":" + payloadJson + "}";
    }

    @Nested
    class MalformedJson {
        @Test
        void namesTheLineAndColumnAndSaysWhatToCheck() {
            assertThatThrownBy(() -> read(ENVELOPE, "{\"schema\":"))
                    .isInstanceOf(DataException.class)
                    .hasMessage(READING + "it is not valid JSON at line 1, column 11 (Unexpected end-of-input "
                            + "within/between Object entries). Check what writes to the topic, or configure the "
                            + "converter for its format.");
        }

        @Test
        void failsWithoutSchemasToo() {
            assertThatThrownBy(() -> read(BARE, "{not json"))
                    .isInstanceOf(DataException.class)
                    .hasMessageStartingWith(READING + "it is not valid JSON at line 1, column 2 (");
        }

        @Test
        void refusesASecondValueAfterTheFirst() {
            assertThatThrownBy(() -> read(BARE, "{\"a\":1} {\"b\":2}"))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("it is not valid JSON at line 1, column 10 (content follows the end of the "
                            + "JSON value)");
        }

        @Test
        void allowsWhiteSpaceAfterTheValue() {
            assertThat(read(BARE, "{\"a\":1}\n").value()).isEqualTo(Map.of("a", 1L));
        }
    }

    @Nested
    class MissingEnvelope {
        @Test
        void saysToTurnSchemasOffForPlainJson() {
            assertThatThrownBy(() -> read(ENVELOPE, "{\"id\":42}"))
                    .isInstanceOf(DataException.class)
                    .hasMessage(READING + "with schemas.enable=true each message must be a JSON object with exactly the"
                            + " members \"schema\" and \"payload\", but this one has the members \"id\". If"
                            + " the topic holds plain JSON, set schemas.enable=false for this converter.");
        }

        static Stream<Arguments> notEnvelopes() {
            return Stream.of(
                    Arguments.of("42", "is a JSON number 42"),
                    Arguments.of("null", "is a JSON null"),
                    Arguments.of("", "is empty"),
                    Arguments.of("{}", "has no members"),
                    Arguments.of(json("{'schema':null}"), json("has the members 'schema'")),
                    Arguments.of(
                            json("{'schema':null,'payload':1,'x':2}"),
                            json("has the members 'schema', 'payload', 'x'")),
                    Arguments.of(
                            json("{'a':1,'b':1,'c':1,'d':1,'e':1,'f':1}"),
                            json("has the members 'a', 'b', 'c', 'd', 'e', ...")));
        }

        @ParameterizedTest
        @MethodSource("notEnvelopes")
        void describesWhatCameInstead(String message, String description) {
            assertThatThrownBy(() -> read(ENVELOPE, message))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("but this one " + description + ". If the topic holds plain JSON");
        }
    }

    @Nested
    class InvalidSchemas {
        private static final String TYPES =
                "give one of [array, boolean, bytes, double, float, int16, int32, int64, int8, map, string, struct]";

        static Stream<Arguments> invalidSchemas() {
            return Stream.of(
                    Arguments.of("{}", "schema has no 'type'; " + TYPES),
                    Arguments.of("5", "schema is JSON number 5, not a JSON object with a 'type'"),
                    Arguments.of(
                            "{'type':'int128'}",
                            "schema at 'type' is JSON string 'int128', which is not a type; " + TYPES),
                    Arguments.of("{'type':'struct','fields':{}}", "schema is a struct schema without a 'fields' array"),
                    Arguments.of(
                            "{'type':'struct','fields':[{'type':'int32'}]}",
                            "schema at 'fields[0]' has no 'field' naming the field"),
                    Arguments.of(
                            "{'type':'struct','fields':[{'type':'int8','field':'a'},{'type':'int8','field':'a'}]}",
                            "schema at 'fields[1]' repeats the field name 'a'"),
                    Arguments.of("{'type':'array'}", "schema is an array schema without 'items'"),
                    Arguments.of("{'type':'map','values':{'type':'int32'}}", "schema is a map schema without 'keys'"),
                    Arguments.of(
                            "{'type':'array','items':{'type':'x'}}",
                            "schema at 'items.type' is JSON string 'x', which is not a type; " + TYPES),
                    Arguments.of(
                            "{'type':'int32','optional':'yes'}",
                            "schema at 'optional' is JSON string 'yes', not true or false"),
                    Arguments.of(
                            "{'type':'int32','version':'1'}",
                            "schema at 'version' is JSON string '1', not a whole number"),
                    Arguments.of("{'type':'int32','name':5}", "schema at 'name' is JSON number 5, not a string"),
                    Arguments.of(
                            "{'type':'int32','parameters':[1]}",
                            "schema at 'parameters' is JSON array, not a JSON object of strings"),
                    Arguments.of(
                            "{'type':'int32','parameters':{'a':1}}",
                            "schema at 'parameters.a' is JSON number 1, not a string"),
                    Arguments.of(
                            "{'type':'bytes','name':'org.apache.kafka.connect.data.Decimal'}",
                            "schema is a Decimal schema without a whole-number 'scale' parameter"),
                    Arguments.of(
                            "{'type':'struct','fields':[{'type':'int32','field':'a','default':'x'}]}",
                            "schema at 'fields[0].default' is INT32, got JSON string 'x'"));
        }

        /** Messages quote JSON names with double quotes and paths with single ones; the table writes both as '. */
        @ParameterizedTest
        @MethodSource("invalidSchemas")
        void sayWhereAndWhatIsWrong(String schemaJson, String problem) {
            assertThatThrownBy(() -> read(ENVELOPE, envelope(json(schemaJson), "null")))
                    .isInstanceOf(DataException.class)
                    .satisfies(
                            e -> assertThat(e.getMessage().replace('"', '\'')).isEqualTo(READING + problem));
        }

        @Test
        void ignoreMembersTheyDoNotKnow() {
            SchemaAndValue read = read(ENVELOPE, envelope(json("{'type':'int32','connect.future':[1]}"), "1"));

            assertThat(read).isEqualTo(new SchemaAndValue(Schema.INT32_SCHEMA, 1));
        }
    }

    @Nested
    class PayloadsThatDoNotFitTheirSchema {
        private static final String DECIMAL =
                "{'type':'bytes','name':'org.apache.kafka.connect.data.Decimal','parameters':{'scale':'2'}}";
        private static final String INT_MAP = "{'type':'map','keys':{'type':'int32'},'values':{'type':'int32'}}";

        static Stream<Arguments> misfits() {
            return Stream.of(
                    Arguments.of("{'type':'int32'}", "'5'", "value is INT32, got JSON string '5'"),
                    Arguments.of(
                            "{'type':'int8'}",
                            "300",
                            "value is INT8, got JSON number 300, which is out of its range (-128 to 127)"),
                    Arguments.of(
                            "{'type':'int32'}",
                            "5.7",
                            "value is INT32, got JSON number 5.7, which is not a whole number"),
                    Arguments.of("{'type':'string'}", "5", "value is STRING, got JSON number 5"),
                    Arguments.of("{'type':'boolean'}", "'true'", "value is BOOLEAN, got JSON string 'true'"),
                    Arguments.of(
                            "{'type':'float'}",
                            "1e39",
                            "value is FLOAT32, got JSON number 1E+39, which is out of its range"),
                    Arguments.of("{'type':'double'}", "'nan'", "value is FLOAT64, got JSON string 'nan'"),
                    Arguments.of(
                            "{'type':'bytes'}", "'!!!'", "value is BYTES, got JSON string '!!!', which is not Base64"),
                    Arguments.of("{'type':'struct','fields':[]}", "[1]", "value is STRUCT, got JSON array"),
                    Arguments.of(
                            "{'type':'int32','optional':false}", "null", "value is INT32 and required, got JSON null"),
                    Arguments.of(
                            INT_MAP,
                            "{'1':2}",
                            "value is a MAP with INT32 keys, written as a JSON array of [key, value] pairs, "
                                    + "got JSON object"),
                    Arguments.of(
                            INT_MAP, "[[1,2,3]]", "value at '[0]' is a [key, value] pair of a MAP, got JSON array"),
                    Arguments.of(
                            "{'type':'map','keys':{'type':'string'},'values':{'type':'int32'}}",
                            "[['a',2]]",
                            "value is a MAP with STRING keys, written as a JSON object, got JSON array"),
                    Arguments.of(
                            INT_MAP,
                            "[[1,3000000000]]",
                            "value at '[0][1]' is INT32, got JSON number 3000000000, which is out of its range "
                                    + "(-2147483648 to 2147483647)"),
                    Arguments.of(
                            DECIMAL,
                            "1.555",
                            "value is Decimal of scale 2, got JSON number 1.555, which has more fractional digits"),
                    Arguments.of(
                            DECIMAL,
                            "''",
                            "value is Decimal of scale 2, got an empty JSON string, which holds no unscaled value"),
                    Arguments.of(
                            "{'type':'int32','name':'org.apache.kafka.connect.data.Time'}",
                            "86400000",
                            "value is Time, got JSON number 86400000, which is not a millisecond of the day "
                                    + "(0 to 86399999)"),
                    Arguments.of(
                            "{'type':'int32','name':'org.apache.kafka.connect.data.Date'}",
                            "'2024-01-01'",
                            "value is Date, got JSON string '2024-01-01'"));
        }

        /** Messages quote JSON strings with double quotes and paths with single ones; the table writes both as '. */
        @ParameterizedTest
        @MethodSource("misfits")
        void failWithWhereAndWhat(String schemaJson, String payloadJson, String problem) {
            assertThatThrownBy(() -> read(ENVELOPE, envelope(json(schemaJson), json(payloadJson))))
                    .isInstanceOf(DataException.class)
                    .satisfies(
                            e -> assertThat(e.getMessage().replace('"', '\'')).isEqualTo(READING + problem));
        }

        @Test
        void nameThePathToANestedValue() {
            String schema = json("{'type':'struct','fields':[{'type':'array','items':{'type':'struct',"
                    + "'fields':[{'type':'string','field':'sku'}]},'field':'items'}]}");

            assertThatThrownBy(() -> read(ENVELOPE, envelope(schema, json("{'items':[{'sku':'a'},{'sku':5}]}"))))
                    .isInstanceOf(DataException.class)
                    .hasMessage(READING + "value at 'items[1].sku' is STRING, got JSON number 5");
        }

        @Test
        void acceptWholeNumbersWrittenWithAFractionOrExponent() {
            assertThat(read(ENVELOPE, envelope(json("{'type':'int32'}"), "5.0")).value())
                    .isEqualTo(5);
            assertThat(read(ENVELOPE, envelope(json("{'type':'int64'}"), "1e2")).value())
                    .isEqualTo(100L);
        }

        @Test
        void acceptAnyJsonNumberForAFloat() {
            assertThat(read(ENVELOPE, envelope(json("{'type':'float'}"), "3")).value())
                    .isEqualTo(3.0f);
            assertThat(read(ENVELOPE, envelope(json("{'type':'double'}"), json("'Infinity'")))
                            .value())
                    .isEqualTo(Double.POSITIVE_INFINITY);
        }

        @Test
        void ignoreStructMembersTheSchemaDoesNotHave() {
            String schema = json("{'type':'struct','fields':[{'type':'int32','optional':true,'field':'a'}]}");

            SchemaAndValue read = read(ENVELOPE, envelope(schema, json("{'b':1}")));

            assertThat(((Struct) read.value()).get("a")).isNull();
        }
    }

    @Nested
    class ValuesThatCannotBeWritten {
        @Test
        void aValueThatDoesNotFitItsSchema() {
            assertThatThrownBy(() -> ENVELOPE.fromData("orders", Schema.INT32_SCHEMA, 5L))
                    .isInstanceOf(DataException.class)
                    .hasMessage(WRITING + "Value is INT32, got Long 5");
        }

        @Test
        void nullForARequiredSchema() {
            assertThatThrownBy(() -> ENVELOPE.fromData("orders", Schema.INT32_SCHEMA, null))
                    .isInstanceOf(DataException.class)
                    .hasMessage(WRITING + "Value is INT32 and required, got null");
        }

        @Test
        void aDecimalOfAnotherScale() {
            assertThatThrownBy(() -> ENVELOPE.fromData("orders", Decimal.schema(2), new BigDecimal("1.5")))
                    .isInstanceOf(DataException.class)
                    .hasMessage(WRITING + "Value is a Decimal of scale 2, got BigDecimal 1.5 of scale 1; use "
                            + "setScale(2, RoundingMode...) first");
        }

        @Test
        void aLogicalValueWithoutItsSchema() {
            assertThatThrownBy(() -> BARE.fromData("orders", null, Map.of("day", LocalDate.of(2024, 1, 31))))
                    .isInstanceOf(DataException.class)
                    .hasMessage(WRITING + "value at 'day' is a LocalDate without a schema; logical values need their "
                            + "Decimal, Date, Time or Timestamp schema to be encoded");
        }

        @Test
        void aStructWithoutItsSchema() {
            Schema schema =
                    SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).build();

            assertThatThrownBy(() -> BARE.fromData(
                            "orders", null, Struct.builder(schema).put("id", 1L).build()))
                    .isInstanceOf(DataException.class)
                    .hasMessage(WRITING + "value is a Struct without a schema; pass the struct's schema with it");
        }

        @Test
        void anObjectOfAClassWithoutJsonForm() {
            assertThatThrownBy(() -> BARE.fromData("orders", null, List.of(1, new StringBuilder("x"))))
                    .isInstanceOf(DataException.class)
                    .hasMessage(WRITING + "value at '[1]' is a java.lang.StringBuilder, which has no JSON form; use "
                            + "the SDK's data types (see io.tributary.sdk.data.Schema)");
        }

        @Test
        void aNullKeyInAMapWrittenAsAnObject() {
            Map<String, Integer> map = new HashMap<>();
            map.put(null, 1);
            Schema schema = SchemaBuilder.map(Schema.OPTIONAL_STRING_SCHEMA, Schema.INT32_SCHEMA)
                    .build();

            assertThatThrownBy(() -> ENVELOPE.fromData("orders", schema, map))
                    .isInstanceOf(DataException.class)
                    .hasMessage(WRITING + "value has a null key, which a JSON object cannot hold; remove the entry or "
                            + "give the map non-null keys");
        }

        @Test
        void aRequiredFieldLeftToADefaultThatTheSettingDoesNotUse() {
            Schema schema = SchemaBuilder.struct()
                    .field(
                            "b",
                            SchemaBuilder.bytes().defaultValue(new byte[] {1}).build())
                    .build();
            JsonConverter converter =
                    JsonConverterWireFormatTest.converter(Map.of(JsonConverter.REPLACE_NULL_WITH_DEFAULT, "false"));

            assertThatThrownBy(() -> converter.fromData(
                            "orders", schema, Struct.builder(schema).build()))
                    .isInstanceOf(DataException.class)
                    .hasMessage(WRITING + "value at 'b' is BYTES and required, and has no value; its default value is "
                            + "not used because replace.null.with.default is false");
        }

        @Test
        void aHeaderNamesItsKey() {
            assertThatThrownBy(() -> ENVELOPE.fromData("orders", "trace", Schema.INT32_SCHEMA, "x"))
                    .isInstanceOf(DataException.class)
                    .hasMessage("Cannot write header 'trace' for topic 'orders' as JSON: Value is INT32, got String "
                            + "\"x\"");
        }
    }
}
