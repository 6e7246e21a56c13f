package io.tributary.runtime.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.converter.ConverterType;
import io.tributary.sdk.data.Date;
import io.tributary.sdk.data.Decimal;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.data.Time;
import io.tributary.sdk.data.Timestamp;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Byte-for-byte vectors of Kafka Connect's JSON format. Each expected string is the exact output of Kafka Connect
 * 4.3.1's {@code org.apache.kafka.connect.json.JsonConverter} for the same schema, value and settings, produced once
 * outside this project and pasted here. Writing must match it exactly and reading it must give the data back.
 *
 * <p>To keep the vectors readable they are written with single quotes, which {@link #json} turns into the double
 * quotes of the real bytes; none of the vectors has a single quote of its own.
 */
class JsonConverterWireFormatTest {
    private static final Map<String, Object> ENVELOPE = Map.of();
    private static final Map<String, Object> NUMERIC = Map.of(JsonConverter.DECIMAL_FORMAT, "NUMERIC");
    private static final Map<String, Object> NO_REPLACE = Map.of(JsonConverter.REPLACE_NULL_WITH_DEFAULT, false);
    private static final Map<String, Object> BARE = Map.of(JsonConverter.SCHEMAS_ENABLE, false);
    private static final Map<String, Object> BARE_NUMERIC =
            Map.of(JsonConverter.SCHEMAS_ENABLE, false, JsonConverter.DECIMAL_FORMAT, "NUMERIC");

    private static final Schema INNER = SchemaBuilder.struct()
            .name("com.example.Inner")
            .field("x", Schema.FLOAT64_SCHEMA)
            .build();
    private static final Schema ORDER = SchemaBuilder.struct()
            .name("com.example.Order")
            .version(1)
            .doc("An order")
            .field("id", Schema.INT64_SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .field("inner", INNER)
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
            .field(
                    "attrs",
                    SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build())
            .build();
    private static final Struct ORDER_VALUE = Struct.builder(ORDER)
            .put("id", 42L)
            .put("inner", Struct.builder(INNER).put("x", 1.5).build())
            .put("tags", List.of("a", "b"))
            .put("attrs", Map.of("q", 1))
            .build();

    /** A schema and value, the settings, Connect's bytes for them, and what reading those bytes gives. */
    record Vector(
            String name, Map<String, Object> settings, Schema schema, Object value, String json, SchemaAndValue read) {
        Vector readsAs(Schema readSchema, Object readValue) {
            return new Vector(name, settings, schema, value, json, new SchemaAndValue(readSchema, readValue));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Vector vector(String name, Map<String, Object> settings, Schema schema, Object value, String json) {
        return new Vector(name, settings, schema, value, json, new SchemaAndValue(schema, value));
    }

    /** Turns a vector written with single quotes into the JSON it stands for. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static Stream<Vector> vectors() {
        Schema named = SchemaBuilder.string()
                .name("com.example.Name")
                .version(3)
                .doc("the doc")
                .parameter("b", "2")
                .parameter("a", "1")
                .defaultValue("dflt")
                .build();
        Schema fieldDefaults = SchemaBuilder.struct()
                .field("a", SchemaBuilder.int32().optional().defaultValue(5).build())
                .field(
                        "b",
                        SchemaBuilder.bytes().defaultValue(new byte[] {1, 2}).build())
                .optional()
                .build();
        Schema keyStruct =
                SchemaBuilder.struct().field("k", Schema.STRING_SCHEMA).build();
        Schema decimalWithDefault = Decimal.builder(2)
                .optional()
                .defaultValue(new BigDecimal("1.00"))
                .build();
        byte[] testString = "test-string".getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                vector(
                        "int8",
                        ENVELOPE,
                        Schema.INT8_SCHEMA,
                        (byte) 12,
                        json("{'schema':{'type':'int8','optional':false},'payload':12}")),
                vector(
                        "int16",
                        ENVELOPE,
                        Schema.INT16_SCHEMA,
                        (short) -1234,
                        json("{'schema':{'type':'int16','optional':false},'payload':-1234}")),
                vector(
                        "int32",
                        ENVELOPE,
                        Schema.INT32_SCHEMA,
                        12,
                        json("{'schema':{'type':'int32','optional':false},'payload':12}")),
                vector(
                        "int64",
                        ENVELOPE,
                        Schema.INT64_SCHEMA,
                        4398046511104L,
                        json("{'schema':{'type':'int64','optional':false},'payload':4398046511104}")),
                vector(
                        "float32",
                        ENVELOPE,
                        Schema.FLOAT32_SCHEMA,
                        12.34f,
                        json("{'schema':{'type':'float','optional':false},'payload':12.34}")),
                vector(
                        "float64",
                        ENVELOPE,
                        Schema.FLOAT64_SCHEMA,
                        12.34,
                        json("{'schema':{'type':'double','optional':false},'payload':12.34}")),
                vector(
                        "float64 with exponent",
                        ENVELOPE,
                        Schema.FLOAT64_SCHEMA,
                        1.0e20,
                        json("{'schema':{'type':'double','optional':false},'payload':1.0E20}")),
                vector(
                        "float64 small",
                        ENVELOPE,
                        Schema.FLOAT64_SCHEMA,
                        1.0e-5,
                        json("{'schema':{'type':'double','optional':false},'payload':1.0E-5}")),
                vector(
                        "float32 NaN as a string",
                        ENVELOPE,
                        Schema.FLOAT32_SCHEMA,
                        Float.NaN,
                        json("{'schema':{'type':'float','optional':false},'payload':'NaN'}")),
                vector(
                        "float64 -Infinity as a string",
                        ENVELOPE,
                        Schema.FLOAT64_SCHEMA,
                        Double.NEGATIVE_INFINITY,
                        json("{'schema':{'type':'double','optional':false},'payload':'-Infinity'}")),
                vector(
                        "float64 negative zero",
                        ENVELOPE,
                        Schema.FLOAT64_SCHEMA,
                        -0.0,
                        json("{'schema':{'type':'double','optional':false},'payload':-0.0}")),
                vector(
                        "boolean",
                        ENVELOPE,
                        Schema.BOOLEAN_SCHEMA,
                        true,
                        json("{'schema':{'type':'boolean','optional':false},'payload':true}")),
                vector(
                        "string escapes",
                        ENVELOPE,
                        Schema.STRING_SCHEMA,
                        "foo \"bar\"\n\t\\ \u00e9\u2028\u0001/</ \uD83D\uDE00",
                        "{\"schema\":{\"type\":\"string\",\"optional\":false},"
                                + "\"payload\":\"foo \\\"bar\\\"\\n\\t\\\\ \u00e9\u2028\\u0001/</ \\uD83D\\uDE00\"}"),
                vector(
                        "bytes as Base64",
                        ENVELOPE,
                        Schema.BYTES_SCHEMA,
                        testString,
                        json("{'schema':{'type':'bytes','optional':false},'payload':'dGVzdC1zdHJpbmc='}")),
                vector(
                        "bytes from a ByteBuffer",
                        ENVELOPE,
                        Schema.BYTES_SCHEMA,
                        ByteBuffer.wrap(testString),
                        json("{'schema':{'type':'bytes','optional':false},'payload':'dGVzdC1zdHJpbmc='}")),
                vector(
                        "empty bytes",
                        ENVELOPE,
                        Schema.BYTES_SCHEMA,
                        new byte[0],
                        json("{'schema':{'type':'bytes','optional':false},'payload':''}")),
                vector(
                        "optional null",
                        ENVELOPE,
                        Schema.OPTIONAL_STRING_SCHEMA,
                        null,
                        json("{'schema':{'type':'string','optional':true},'payload':null}")),
                vector(
                        "optional int32",
                        ENVELOPE,
                        Schema.OPTIONAL_INT32_SCHEMA,
                        5,
                        json("{'schema':{'type':'int32','optional':true},'payload':5}")),
                vector(
                        "optional Timestamp null",
                        ENVELOPE,
                        Timestamp.builder().optional().build(),
                        null,
                        json("{'schema':{'type':'int64','optional':true,"
                                + "'name':'org.apache.kafka.connect.data.Timestamp','version':1},'payload':null}")),
                vector(
                                "null replaced by the default",
                                ENVELOPE,
                                SchemaBuilder.int32().defaultValue(7).build(),
                                null,
                                json("{'schema':{'type':'int32','optional':false,'default':7},'payload':7}"))
                        .readsAs(SchemaBuilder.int32().defaultValue(7).build(), 7),
                vector(
                        "null kept without replace.null.with.default",
                        NO_REPLACE,
                        SchemaBuilder.int32().optional().defaultValue(7).build(),
                        null,
                        json("{'schema':{'type':'int32','optional':true,'default':7},'payload':null}")),
                vector(
                        "name, version, doc, parameters and default",
                        ENVELOPE,
                        named,
                        "x",
                        json("{'schema':{'type':'string','optional':false,'name':'com.example.Name',"
                                + "'version':3,'doc':'the doc','parameters':{'b':'2','a':'1'},'default':'dflt'},"
                                + "'payload':'x'}")),
                vector(
                        "array",
                        ENVELOPE,
                        SchemaBuilder.array(Schema.INT32_SCHEMA).build(),
                        List.of(1, 2, 3),
                        json("{'schema':{'type':'array','items':{'type':'int32','optional':false},"
                                + "'optional':false},'payload':[1,2,3]}")),
                vector(
                        "array with a null element",
                        ENVELOPE,
                        SchemaBuilder.array(Schema.OPTIONAL_INT32_SCHEMA).build(),
                        Arrays.asList(1, null),
                        json("{'schema':{'type':'array','items':{'type':'int32','optional':true},"
                                + "'optional':false},'payload':[1,null]}")),
                vector(
                        "map with string keys as an object",
                        ENVELOPE,
                        SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA)
                                .build(),
                        ordered("k1", 12, "k2", 13),
                        json("{'schema':{'type':'map','keys':{'type':'string','optional':false},"
                                + "'values':{'type':'int32','optional':false},'optional':false},'payload':{'k1':12,"
                                + "'k2':13}}")),
                vector(
                        "map with int32 keys as pairs",
                        ENVELOPE,
                        SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.INT32_SCHEMA)
                                .build(),
                        ordered(1, 12, 2, 13),
                        json("{'schema':{'type':'map','keys':{'type':'int32','optional':false},"
                                + "'values':{'type':'int32','optional':false},'optional':false},'payload':[[1,12],"
                                + "[2,13]]}")),
                vector(
                        "map with struct keys as pairs",
                        ENVELOPE,
                        SchemaBuilder.map(keyStruct, Schema.OPTIONAL_BOOLEAN_SCHEMA)
                                .build(),
                        ordered(Struct.builder(keyStruct).put("k", "a").build(), null),
                        json("{'schema':{'type':'map','keys':{'type':'struct','fields':[{'type':'string',"
                                + "'optional':false,'field':'k'}],'optional':false},'values':{'type':'boolean',"
                                + "'optional':true},'optional':false},'payload':[[{'k':'a'},null]]}")),
                vector(
                        "optional map",
                        ENVELOPE,
                        SchemaBuilder.map(Schema.OPTIONAL_STRING_SCHEMA, Schema.OPTIONAL_INT32_SCHEMA)
                                .optional()
                                .build(),
                        ordered("a", 1, "b", null),
                        json("{'schema':{'type':'map','keys':{'type':'string','optional':true},"
                                + "'values':{'type':'int32','optional':true},'optional':true},'payload':{'a':1,"
                                + "'b':null}}")),
                vector(
                        "struct with a nested struct, array and map",
                        ENVELOPE,
                        ORDER,
                        ORDER_VALUE,
                        json("{'schema':{'type':'struct','fields':[{'type':'int64','optional':false,"
                                + "'field':'id'},{'type':'string','optional':true,'field':'note'},{'type':'struct',"
                                + "'fields':[{'type':'double','optional':false,'field':'x'}],'optional':false,"
                                + "'name':'com.example.Inner','field':'inner'},{'type':'array',"
                                + "'items':{'type':'string','optional':false},'optional':true,'field':'tags'},"
                                + "{'type':'map','keys':{'type':'string','optional':false},"
                                + "'values':{'type':'int32','optional':false},'optional':false,'field':'attrs'}],"
                                + "'optional':false,'name':'com.example.Order','version':1,'doc':'An order'},"
                                + "'payload':{'id':42,'note':null,'inner':{'x':1.5},'tags':['a','b'],"
                                + "'attrs':{'q':1}}}")),
                vector(
                                "struct fields with defaults",
                                ENVELOPE,
                                fieldDefaults,
                                Struct.builder(fieldDefaults).build(),
                                json("{'schema':{'type':'struct','fields':[{'type':'int32','optional':true,"
                                        + "'default':5,'field':'a'},{'type':'bytes','optional':false,'default':'AQI=',"
                                        + "'field':'b'}],'optional':true},'payload':{'a':5,'b':'AQI='}}"))
                        .readsAs(
                                fieldDefaults,
                                Struct.builder(fieldDefaults)
                                        .put("a", 5)
                                        .put("b", new byte[] {1, 2})
                                        .build()),
                vector(
                        "empty struct",
                        ENVELOPE,
                        SchemaBuilder.struct().build(),
                        Struct.builder(SchemaBuilder.struct().build()).build(),
                        json("{'schema':{'type':'struct','fields':[],'optional':false},'payload':{}}")),
                vector(
                        "Decimal as Base64",
                        ENVELOPE,
                        Decimal.schema(2),
                        new BigDecimal("156.78"),
                        json("{'schema':{'type':'bytes','optional':false,"
                                + "'name':'org.apache.kafka.connect.data.Decimal','version':1,"
                                + "'parameters':{'scale':'2'}},'payload':'PT4='}")),
                vector(
                        "negative Decimal as Base64",
                        ENVELOPE,
                        Decimal.schema(2),
                        new BigDecimal("-0.01"),
                        json("{'schema':{'type':'bytes','optional':false,"
                                + "'name':'org.apache.kafka.connect.data.Decimal','version':1,"
                                + "'parameters':{'scale':'2'}},'payload':'/w=='}")),
                vector(
                        "Decimal as a number",
                        NUMERIC,
                        Decimal.schema(2),
                        new BigDecimal("156.78"),
                        json("{'schema':{'type':'bytes','optional':false,"
                                + "'name':'org.apache.kafka.connect.data.Decimal','version':1,"
                                + "'parameters':{'scale':'2'}},'payload':156.78}")),
                vector(
                        "Decimal as a number keeps trailing zeros",
                        NUMERIC,
                        Decimal.schema(2),
                        new BigDecimal("100.00"),
                        json("{'schema':{'type':'bytes','optional':false,"
                                + "'name':'org.apache.kafka.connect.data.Decimal','version':1,"
                                + "'parameters':{'scale':'2'}},'payload':100.00}")),
                vector(
                        "Decimal of negative scale as a number",
                        NUMERIC,
                        Decimal.schema(-3),
                        new BigDecimal("1E+3"),
                        json("{'schema':{'type':'bytes','optional':false,"
                                + "'name':'org.apache.kafka.connect.data.Decimal','version':1,"
                                + "'parameters':{'scale':'-3'}},'payload':1E+3}")),
                vector(
                        "Decimal default as Base64",
                        ENVELOPE,
                        decimalWithDefault,
                        new BigDecimal("2.00"),
                        json("{'schema':{'type':'bytes','optional':true,"
                                + "'name':'org.apache.kafka.connect.data.Decimal','version':1,"
                                + "'parameters':{'scale':'2'},'default':'ZA=='},'payload':'AMg='}")),
                vector(
                        "Decimal default as a number",
                        NUMERIC,
                        decimalWithDefault,
                        new BigDecimal("2.00"),
                        json("{'schema':{'type':'bytes','optional':true,"
                                + "'name':'org.apache.kafka.connect.data.Decimal','version':1,"
                                + "'parameters':{'scale':'2'},'default':1.00},'payload':2.00}")),
                vector(
                        "Date as days",
                        ENVELOPE,
                        Date.SCHEMA,
                        LocalDate.ofEpochDay(10000),
                        json("{'schema':{'type':'int32','optional':false,"
                                + "'name':'org.apache.kafka.connect.data.Date','version':1},'payload':10000}")),
                vector(
                        "Date before 1970",
                        ENVELOPE,
                        Date.SCHEMA,
                        LocalDate.of(1969, 12, 31),
                        json("{'schema':{'type':'int32','optional':false,"
                                + "'name':'org.apache.kafka.connect.data.Date','version':1},'payload':-1}")),
                vector(
                        "Time as milliseconds",
                        ENVELOPE,
                        Time.SCHEMA,
                        LocalTime.of(4, 0, 0, 123_000_000),
                        json("{'schema':{'type':'int32','optional':false,"
                                + "'name':'org.apache.kafka.connect.data.Time','version':1},'payload':14400123}")),
                vector(
                        "Timestamp as milliseconds",
                        ENVELOPE,
                        Timestamp.SCHEMA,
                        Instant.ofEpochMilli(1700000000123L),
                        json("{'schema':{'type':'int64','optional':false,"
                                + "'name':'org.apache.kafka.connect.data.Timestamp','version':1},"
                                + "'payload':1700000000123}")),
                vector(
                        "array default",
                        ENVELOPE,
                        SchemaBuilder.array(Schema.INT8_SCHEMA)
                                .defaultValue(List.of((byte) 1))
                                .build(),
                        List.of((byte) 2),
                        json("{'schema':{'type':'array','items':{'type':'int8','optional':false},"
                                + "'optional':false,'default':[1]},'payload':[2]}")),
                vector(
                        "map default with non-string keys",
                        ENVELOPE,
                        SchemaBuilder.map(Schema.INT64_SCHEMA, Schema.BOOLEAN_SCHEMA)
                                .defaultValue(Map.of(1L, true))
                                .build(),
                        Map.of(2L, false),
                        json("{'schema':{'type':'map','keys':{'type':'int64','optional':false},"
                                + "'values':{'type':'boolean','optional':false},'optional':false,'default':[[1,"
                                + "true]]},'payload':[[2,false]]}")),
                vector("schemaless value in an envelope", ENVELOPE, null, 5, json("{'schema':null,'payload':5}"))
                        .readsAs(null, 5L),
                vector(
                                "schemaless map with mixed keys as pairs",
                                ENVELOPE,
                                null,
                                ordered("a", 1, 2, "b"),
                                json("{'schema':null,'payload':[['a',1],[2,'b']]}"))
                        .readsAs(null, List.of(List.of("a", 1L), List.of(2L, "b"))),
                vector(
                                "schemaless nested values",
                                ENVELOPE,
                                null,
                                ordered("a", List.of(1L, 2.5, "x", true), "b", ordered("c", new byte[] {1, 2, 3})),
                                json("{'schema':null,'payload':{'a':[1,2.5,'x',true],'b':{'c':'AQID'}}}"))
                        .readsAs(null, Map.of("a", List.of(1L, 2.5, "x", true), "b", Map.of("c", "AQID"))));
    }

    static Stream<Vector> bareVectors() {
        return Stream.of(
                vector("int32", BARE, Schema.INT32_SCHEMA, 12, json("12")).readsAs(null, 12L),
                vector("optional null", BARE, Schema.OPTIONAL_STRING_SCHEMA, null, json("null"))
                        .readsAs(null, null),
                vector(
                                "struct",
                                BARE,
                                ORDER,
                                ORDER_VALUE,
                                json("{'id':42,'note':null,'inner':{'x':1.5},'tags':['a','b'],'attrs':{'q':1}}"))
                        .readsAs(
                                null,
                                ordered(
                                        "id",
                                        42L,
                                        "note",
                                        null,
                                        "inner",
                                        Map.of("x", 1.5),
                                        "tags",
                                        List.of("a", "b"),
                                        "attrs",
                                        Map.of("q", 1L))),
                vector("Decimal as a number", BARE_NUMERIC, Decimal.schema(2), new BigDecimal("156.78"), json("156.78"))
                        .readsAs(null, 156.78),
                vector("bytes", BARE, Schema.BYTES_SCHEMA, new byte[] {1, 2, 3}, json("'AQID'"))
                        .readsAs(null, "AQID"),
                vector(
                                "map with int32 keys",
                                BARE,
                                SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.STRING_SCHEMA)
                                        .build(),
                                ordered(1, "a"),
                                json("[[1,'a']]"))
                        .readsAs(null, List.of(List.of(1L, "a"))),
                vector(
                                "schemaless map",
                                BARE,
                                null,
                                ordered("a", 1, "b", List.of(1L, "x")),
                                json("{'a':1,'b':[1,'x']}"))
                        .readsAs(null, Map.of("a", 1L, "b", List.of(1L, "x"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"vectors", "bareVectors"})
    void writesConnectsBytes(Vector vector) {
        byte[] written = converter(vector.settings()).fromData("orders", vector.schema(), vector.value());

        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(vector.json());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"vectors", "bareVectors"})
    void readsConnectsBytesBack(Vector vector) {
        SchemaAndValue read =
                converter(vector.settings()).toData("orders", vector.json().getBytes(StandardCharsets.UTF_8));

        assertThat(read).isEqualTo(vector.read());
    }

    @Test
    void writesAStructDefaultThatConnectWritesAndReadsItBack() {
        Schema inner = SchemaBuilder.struct()
                .field("a", Schema.INT32_SCHEMA)
                .optional()
                .build();
        Schema withDefault = SchemaBuilder.from(inner)
                .defaultValue(Struct.builder(inner).put("a", 3).build())
                .build();
        Schema outer = SchemaBuilder.struct().field("s", withDefault).build();
        Struct value = Struct.builder(outer)
                .put("s", Struct.builder(withDefault).put("a", 4).build())
                .build();
        String connects = json("{'schema':{'type':'struct','fields':[{'type':'struct','fields':[{'type':'int32',"
                + "'optional':false,'field':'a'}],'optional':true,'default':{'a':3},'field':'s'}],'optional':false},"
                + "'payload':{'s':{'a':4}}}");
        JsonConverter converter = converter(ENVELOPE);

        assertThat(new String(converter.fromData("orders", outer, value), StandardCharsets.UTF_8))
                .isEqualTo(connects);
        assertThat(converter.toData("orders", connects.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new SchemaAndValue(outer, value));
    }

    @Test
    void aNullWithoutSchemaIsATombstoneEitherWay() {
        assertThat(converter(ENVELOPE).fromData("orders", null, null)).isNull();
        assertThat(converter(BARE).fromData("orders", null, null)).isNull();
        assertThat(converter(ENVELOPE).toData("orders", null)).isSameAs(SchemaAndValue.NULL);
        assertThat(converter(BARE).toData("orders", null)).isSameAs(SchemaAndValue.NULL);
    }

    @Test
    void anEnvelopeWithNullSchemaAndPayloadReadsAsNull() {
        byte[] json = json("{'schema':null,'payload':null}").getBytes(StandardCharsets.UTF_8);

        assertThat(converter(ENVELOPE).toData("orders", json)).isEqualTo(SchemaAndValue.NULL);
    }

    @Test
    void readsEnvelopeMembersInEitherOrderAndWithWhiteSpace() {
        byte[] json = json(" {\n  'payload' : [ 1 , 2 ],\n  'schema' : { 'optional' : false, "
                        + "'items' : { 'type' : 'int16' }, 'type' : 'array' }\n}\n")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(converter(ENVELOPE).toData("orders", json))
                .isEqualTo(new SchemaAndValue(
                        SchemaBuilder.array(Schema.INT16_SCHEMA).build(), List.of((short) 1, (short) 2)));
    }

    @Test
    void isAlsoAHeaderConverterWithTheSameFormat() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of(JsonConverter.SCHEMAS_ENABLE, "false"));

        byte[] written = converter.fromData("orders", "trace", Schema.INT64_SCHEMA, 7L);

        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo("7");
        assertThat(converter.toData("orders", "trace", written)).isEqualTo(new SchemaAndValue(null, 7L));
    }

    static JsonConverter converter(Map<String, ?> settings) {
        JsonConverter converter = new JsonConverter();
        converter.configure(settings, ConverterType.VALUE);
        return converter;
    }

    static Map<Object, Object> ordered(Object... keysAndValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
