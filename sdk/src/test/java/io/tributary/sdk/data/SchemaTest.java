package io.tributary.sdk.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.errors.DataException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaTest {

    private static final Schema ORDER = SchemaBuilder.struct()
            .name("com.example.Order")
            .version(2)
            .field("id", Schema.INT64_SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    @Test
    void aBuilderRefusesToSetAPropertyTwice() {
        assertThatThrownBy(() -> SchemaBuilder.int32().name("a").name("b"))
                .isInstanceOf(DataException.class)
                .hasMessage("The name of this INT32 schema builder was already set to String \"a\"");
        assertThatThrownBy(() -> SchemaBuilder.string().doc("x").doc("y"))
                .isInstanceOf(DataException.class)
                .hasMessage("The doc of this STRING schema builder was already set to String \"x\"");
        assertThatThrownBy(() -> SchemaBuilder.int64().version(1).version(2))
                .isInstanceOf(DataException.class)
                .hasMessage("The version of this INT64 schema builder was already set to Integer 1");
        assertThatThrownBy(() -> SchemaBuilder.int64().defaultValue(1L).defaultValue(2L))
                .isInstanceOf(DataException.class)
                .hasMessage("The default value of this INT64 schema builder was already set to Long 1");
        assertThatThrownBy(() -> SchemaBuilder.bool().optional().required())
                .isInstanceOf(DataException.class)
                .hasMessage("optional()/required() was already set on this BOOLEAN schema builder");
    }

    @Test
    void onlyAStructBuilderTakesFields() {
        assertThatThrownBy(() -> SchemaBuilder.int32().field("x", Schema.INT32_SCHEMA))
                .isInstanceOf(DataException.class)
                .hasMessage("Cannot add field 'x': only STRUCT schemas have fields, this is INT32");
    }

    @Test
    void aStructRefusesTheSameFieldNameTwice() {
        SchemaBuilder builder = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA);

        assertThatThrownBy(() -> builder.field("id", Schema.STRING_SCHEMA))
                .isInstanceOf(DataException.class)
                .hasMessage("Cannot add field 'id' twice to one struct schema");
    }

    @Test
    void aDefaultValueMustFitTheSchema() {
        assertThatThrownBy(() -> SchemaBuilder.int64().defaultValue("x").build())
                .isInstanceOf(DataException.class)
                .hasMessage("Default value is INT64, got String \"x\"");
        assertThatThrownBy(() -> SchemaBuilder.array(Schema.INT32_SCHEMA)
                        .defaultValue(List.of(1, "two"))
                        .build())
                .isInstanceOf(DataException.class)
                .hasMessage("Default value[1] is INT32, got String \"two\"");
        assertThatThrownBy(() -> Decimal.builder(2)
                        .defaultValue(new java.math.BigDecimal("1.5"))
                        .build())
                .isInstanceOf(DataException.class)
                .hasMessage("Default value is a Decimal of scale 2, got BigDecimal 1.5 of scale 1;"
                        + " use setScale(2, RoundingMode...) first");
    }

    @Test
    void aStructSchemaTakesAStructOfItsShapeAsDefault() {
        Schema point = SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).build();
        Struct origin = Struct.builder(point).put("x", 0).build();

        Schema pointWithDefault = SchemaBuilder.struct()
                .field("x", Schema.INT32_SCHEMA)
                .defaultValue(origin)
                .build();

        assertThat(pointWithDefault.defaultValue()).isEqualTo(origin);
        assertThat(pointWithDefault).isNotEqualTo(point);
        assertThatCode(() -> pointWithDefault.validateValue(origin)).doesNotThrowAnyException();
    }

    @Test
    void arraysAndMapsAreBuiltWithTheirElementSchemasOnly() {
        assertThatThrownBy(() -> SchemaBuilder.type(Schema.Type.ARRAY))
                .isInstanceOf(DataException.class)
                .hasMessage("Use SchemaBuilder.array(...) or SchemaBuilder.map(...) to build a ARRAY schema:"
                        + " they need element schemas");
        assertThat(SchemaBuilder.type(Schema.Type.INT16).build()).isEqualTo(Schema.INT16_SCHEMA);
    }

    @Test
    void schemasWithTheSamePropertiesAreEqual() {
        Schema a = SchemaBuilder.int32()
                .name("n")
                .version(1)
                .doc("d")
                .parameter("p", "v")
                .optional()
                .build();
        Schema b = SchemaBuilder.int32()
                .name("n")
                .version(1)
                .doc("d")
                .parameter("p", "v")
                .optional()
                .build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a)
                .isNotEqualTo(SchemaBuilder.int32()
                        .name("n")
                        .version(1)
                        .doc("d")
                        .parameter("p", "v")
                        .build());
        assertThat(a)
                .isNotEqualTo(SchemaBuilder.int32()
                        .name("m")
                        .version(1)
                        .doc("d")
                        .parameter("p", "v")
                        .optional()
                        .build());
        assertThat(a)
                .isNotEqualTo(SchemaBuilder.int32()
                        .name("n")
                        .version(2)
                        .doc("d")
                        .parameter("p", "v")
                        .optional()
                        .build());
        assertThat(a)
                .isNotEqualTo(SchemaBuilder.int32()
                        .name("n")
                        .version(1)
                        .doc("e")
                        .parameter("p", "v")
                        .optional()
                        .build());
        assertThat(a)
                .isNotEqualTo(SchemaBuilder.int32()
                        .name("n")
                        .version(1)
                        .doc("d")
                        .parameter("p", "w")
                        .optional()
                        .build());
        assertThat(a)
                .isNotEqualTo(SchemaBuilder.int64()
                        .name("n")
                        .version(1)
                        .doc("d")
                        .parameter("p", "v")
                        .optional()
                        .build());
    }

    @Test
    void defaultValuesTakePartInEqualityAndBytesCompareByContent() {
        Schema a = SchemaBuilder.bytes().defaultValue(new byte[] {1, 2}).build();
        Schema b = SchemaBuilder.bytes().defaultValue(new byte[] {1, 2}).build();
        Schema c = SchemaBuilder.bytes().defaultValue(new byte[] {1, 3}).build();

        assertThat(a).isEqualTo(b).isNotEqualTo(c).isNotEqualTo(Schema.BYTES_SCHEMA);
    }

    @Test
    void complexSchemasCompareTheirElementsAndFields() {
        assertThat(SchemaBuilder.array(Schema.INT32_SCHEMA).build())
                .isEqualTo(SchemaBuilder.array(Schema.INT32_SCHEMA).build())
                .isNotEqualTo(SchemaBuilder.array(Schema.INT64_SCHEMA).build());
        assertThat(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build())
                .isEqualTo(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA)
                        .build())
                .isNotEqualTo(SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.INT32_SCHEMA)
                        .build());
        assertThat(SchemaBuilder.struct()
                        .field("a", Schema.INT32_SCHEMA)
                        .field("b", Schema.INT32_SCHEMA)
                        .build())
                .isNotEqualTo(SchemaBuilder.struct()
                        .field("b", Schema.INT32_SCHEMA)
                        .field("a", Schema.INT32_SCHEMA)
                        .build());
    }

    @Test
    void fromCopiesEveryPropertySoTheCopyCanBeChanged() {
        Schema copy = SchemaBuilder.from(ORDER).build();
        Schema optionalCopy = SchemaBuilder.from(ORDER).optional().build();

        assertThat(copy).isEqualTo(ORDER);
        assertThat(optionalCopy.isOptional()).isTrue();
        assertThat(optionalCopy.fields()).isEqualTo(ORDER.fields());
        assertThat(optionalCopy.name()).isEqualTo("com.example.Order");
    }

    @Test
    void structFieldsKeepTheirOrderAndAreLookedUpByName() {
        assertThat(ORDER.fields()).extracting(Field::name).containsExactly("id", "note");
        assertThat(ORDER.field("note")).map(Field::index).contains(1);
        assertThat(ORDER.field("missing")).isEmpty();
        assertThatThrownBy(() -> ORDER.fields().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(ORDER).hasToString("Schema{com.example.Order:STRUCT{id:INT64,note:STRING?}}");
    }

    @Test
    void accessorsOfOtherTypesFailWithTheSchemasType() {
        assertThatThrownBy(Schema.INT32_SCHEMA::keySchema)
                .isInstanceOf(DataException.class)
                .hasMessage("Only MAP schemas have a key schema; this schema is INT32");
        assertThatThrownBy(Schema.INT32_SCHEMA::valueSchema)
                .isInstanceOf(DataException.class)
                .hasMessage("Only MAP and ARRAY schemas have a value schema; this schema is INT32");
        assertThatThrownBy(Schema.STRING_SCHEMA::fields)
                .isInstanceOf(DataException.class)
                .hasMessage("Only STRUCT schemas have fields; this schema is STRING");
    }

    @Test
    void validateValueNamesTheExpectedTypeAndTheValueFound() {
        assertThatThrownBy(() -> Schema.INT64_SCHEMA.validateValue("x"))
                .isInstanceOf(DataException.class)
                .hasMessage("Value is INT64, got String \"x\"");
        assertThatThrownBy(() -> Schema.INT64_SCHEMA.validateValue(5))
                .isInstanceOf(DataException.class)
                .hasMessage("Value is INT64, got Integer 5");
        assertThatThrownBy(() -> Schema.INT64_SCHEMA.validateValue(List.of(1)))
                .isInstanceOf(DataException.class)
                .hasMessage("Value is INT64, got List [1]");
        assertThatThrownBy(() -> Schema.STRING_SCHEMA.validateValue(new byte[3]))
                .isInstanceOf(DataException.class)
                .hasMessage("Value is STRING, got byte[] (3 bytes)");
    }

    @Test
    void validateValueShortensLongValuesInItsMessage() {
        String longText = "x".repeat(100);

        assertThatThrownBy(() -> Schema.INT32_SCHEMA.validateValue(longText))
                .isInstanceOf(DataException.class)
                .hasMessage("Value is INT32, got String \"" + "x".repeat(57) + "...\"");
    }

    @Test
    void nullFitsOnlyAnOptionalSchemaOrOneWithADefault() {
        assertThatThrownBy(() -> Schema.INT64_SCHEMA.validateValue(null))
                .isInstanceOf(DataException.class)
                .hasMessage("Value is INT64 and required, got null");
        assertThatCode(() -> Schema.OPTIONAL_INT64_SCHEMA.validateValue(null)).doesNotThrowAnyException();
        assertThatCode(() -> SchemaBuilder.int64().defaultValue(0L).build().validateValue(null))
                .doesNotThrowAnyException();
    }

    @Test
    void bytesAcceptArraysAndBuffers() {
        assertThatCode(() -> Schema.BYTES_SCHEMA.validateValue(new byte[] {1})).doesNotThrowAnyException();
        assertThatCode(() -> Schema.BYTES_SCHEMA.validateValue(ByteBuffer.wrap(new byte[] {1})))
                .doesNotThrowAnyException();
    }

    @Test
    void arrayValidationNamesTheIndexOfTheBadElement() {
        Schema numbers = SchemaBuilder.array(Schema.INT32_SCHEMA).build();

        assertThatThrownBy(() -> numbers.validateValue(List.of(1, 2, "three")))
                .isInstanceOf(DataException.class)
                .hasMessage("Value[2] is INT32, got String \"three\"");
        assertThatThrownBy(() -> numbers.validateValue(Arrays.asList(1, null)))
                .isInstanceOf(DataException.class)
                .hasMessage("Value[1] is INT32 and required, got null");
    }

    @Test
    void mapValidationNamesTheKeyOfTheBadValue() {
        Schema counts =
                SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build();

        assertThatThrownBy(() -> counts.validateValue(Map.of("a", "x")))
                .isInstanceOf(DataException.class)
                .hasMessage("Value[String \"a\"] is INT32, got String \"x\"");
        assertThatThrownBy(() -> counts.validateValue(Map.of(1, 1)))
                .isInstanceOf(DataException.class)
                .hasMessage("Value key is STRING, got Integer 1");
    }

    @Test
    void nestedValidationNamesThePathToTheBadValue() {
        Schema matrix = SchemaBuilder.map(
                        Schema.STRING_SCHEMA,
                        SchemaBuilder.array(Schema.INT32_SCHEMA).build())
                .build();
        Map<String, List<Object>> value = new LinkedHashMap<>();
        value.put("row", List.of(1, 2L));

        assertThatThrownBy(() -> matrix.validateValue(value))
                .isInstanceOf(DataException.class)
                .hasMessage("Value[String \"row\"][1] is INT32, got Long 2");
    }

    @Test
    void aStructValueMustHaveTheSchemasShape() {
        Schema other = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).build();
        Struct struct = Struct.builder(other).put("id", 1).build();

        assertThatThrownBy(() -> ORDER.validateValue(struct))
                .isInstanceOf(DataException.class)
                .hasMessage("Value is a struct of schema Schema{com.example.Order:STRUCT{id:INT64,note:STRING?}},"
                        + " got a struct of schema Schema{STRUCT{id:INT32}}");
    }

    @Test
    void logicalSchemasNameTheirLogicalTypeWhenAValueDoesNotFit() {
        assertThatThrownBy(() -> Date.SCHEMA.validateValue(5))
                .isInstanceOf(DataException.class)
                .hasMessage("Value is org.apache.kafka.connect.data.Date, got Integer 5");
    }

    @Test
    void equalSchemasHaveEqualHashCodesComputedOnce() {
        Schema first = SchemaBuilder.struct()
                .name("o")
                .field("id", Schema.INT64_SCHEMA)
                .build();
        Schema second = SchemaBuilder.struct()
                .name("o")
                .field("id", Schema.INT64_SCHEMA)
                .build();
        Schema other = SchemaBuilder.struct()
                .name("o")
                .field("id", Schema.INT32_SCHEMA)
                .build();

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first.hashCode()).isEqualTo(first.hashCode());
        assertThat(first.hashCode()).isNotEqualTo(other.hashCode());
    }
}
