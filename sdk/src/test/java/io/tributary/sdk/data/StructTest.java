package io.tributary.sdk.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.errors.DataException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructTest {

    private static final Schema ORDER = SchemaBuilder.struct()
            .field("id", Schema.INT64_SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .field("priority", SchemaBuilder.int32().defaultValue(3).build())
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
            .field(
                    "attributes",
                    SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA)
                            .optional()
                            .build())
            .field("payload", Schema.OPTIONAL_BYTES_SCHEMA)
            .field("amount", Decimal.builder(2).optional().build())
            .build();

    @Test
    void putChecksTheValueAgainstTheFieldsSchema() {
        Struct.Builder builder = Struct.builder(ORDER);

        assertThatThrownBy(() -> builder.put("id", "x"))
                .isInstanceOf(DataException.class)
                .hasMessage("Field 'id' is INT64, got String \"x\"");
        assertThatThrownBy(() -> builder.put("tags", List.of("a", 1)))
                .isInstanceOf(DataException.class)
                .hasMessage("Field 'tags'[1] is STRING, got Integer 1");
    }

    @Test
    void putAndGetRefuseAFieldTheSchemaDoesNotHave() {
        String expected = "Struct schema " + ORDER + " has no field 'nope'";

        assertThatThrownBy(() -> Struct.builder(ORDER).put("nope", 1))
                .isInstanceOf(DataException.class)
                .hasMessage(expected);
        assertThatThrownBy(() -> Struct.builder(ORDER).put("id", 1L).build().get("nope"))
                .isInstanceOf(DataException.class)
                .hasMessage(expected);
    }

    @Test
    void buildRequiresEveryRequiredFieldWithoutDefault() {
        assertThatThrownBy(() -> Struct.builder(ORDER).put("note", "n").build())
                .isInstanceOf(DataException.class)
                .hasMessage("Field 'id' is INT64 and required, got null");
    }

    @Test
    void onlyAStructSchemaMakesAStruct() {
        assertThatThrownBy(() -> Struct.builder(Schema.INT32_SCHEMA))
                .isInstanceOf(DataException.class)
                .hasMessage("A Struct needs a STRUCT schema, got Schema{INT32}");
    }

    @Test
    void gettersReturnTheDefaultOfAFieldWithoutValue() {
        Struct order = Struct.builder(ORDER).put("id", 7L).build();

        assertThat(order.getInt32("priority")).isEqualTo(3);
        assertThat(order.get("priority")).isEqualTo(3);
        assertThat(order.getWithoutDefault("priority")).isNull();
        assertThat(order.getString("note")).isNull();
        assertThat(order.getInt64("id")).isEqualTo(7L);
    }

    @Test
    void aGetterOfAnotherTypeSaysWhichGetterToUse() {
        Struct order = Struct.builder(ORDER)
                .put("id", 7L)
                .put("amount", new BigDecimal("1.00"))
                .build();

        assertThatThrownBy(() -> order.getString("id"))
                .isInstanceOf(DataException.class)
                .hasMessage("Field 'id' is INT64, which is not read as String; use the getter for its type");
        assertThatThrownBy(() -> order.getBytes("amount"))
                .isInstanceOf(DataException.class)
                .hasMessage("Field 'amount' is org.apache.kafka.connect.data.Decimal, which is not read as byte[];"
                        + " use the getter for its type");
    }

    @Test
    void toBuilderMakesAChangedCopyAndLeavesTheOriginalAlone() {
        Struct original =
                Struct.builder(ORDER).put("id", 1L).put("note", "first").build();

        Struct changed = original.toBuilder().put("note", "second").build();

        assertThat(changed.getString("note")).isEqualTo("second");
        assertThat(original.getString("note")).isEqualTo("first");
        assertThat(changed.getInt64("id")).isEqualTo(1L);
    }

    @Test
    void aBuilderCanBeReusedWithoutChangingStructsItBuilt() {
        Struct.Builder builder = Struct.builder(ORDER).put("id", 1L);
        Struct first = builder.build();

        builder.put("id", 2L);

        assertThat(first.getInt64("id")).isEqualTo(1L);
        assertThat(builder.build().getInt64("id")).isEqualTo(2L);
    }

    @Test
    void collectionsAreCopiedInAndUnmodifiableOut() {
        List<String> tags = new ArrayList<>(List.of("a"));
        Map<String, String> attributes = new HashMap<>(Map.of("k", "v"));
        Struct order = Struct.builder(ORDER)
                .put("id", 1L)
                .put("tags", tags)
                .put("attributes", attributes)
                .build();

        tags.add("b");
        attributes.put("k2", "v2");

        assertThat(order.<String>getArray("tags")).containsExactly("a");
        assertThat(order.<String, String>getMap("attributes")).containsOnlyKeys("k");
        assertThatThrownBy(() -> order.<String>getArray("tags").add("c"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> order.<String, String>getMap("attributes").clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aListTakenFromAStructIsSharedByACopyAndStillCannotChange() {
        Struct order = Struct.builder(ORDER)
                .put("id", 1L)
                .put("tags", List.of("a", "b"))
                .build();
        List<String> tags = order.getArray("tags");

        Struct copy = Struct.builder(ORDER).put("id", 2L).put("tags", tags).build();

        assertThat(copy.<String>getArray("tags")).isSameAs(tags).containsExactly("a", "b");
        assertThat(copy.<String>getArray("tags")).isEqualTo(List.of("a", "b")).hasSameHashCodeAs(List.of("a", "b"));
        assertThatThrownBy(() -> tags.set(0, "c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> tags.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aValueThatDoesNotFitIsRefusedWithItsPlaceWhereverItIs() {
        Schema nested = SchemaBuilder.struct().field("order", ORDER).build();
        Schema otherOrder =
                SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).build();
        Struct.Builder builder = Struct.builder(nested);

        assertThatThrownBy(() -> builder.put(
                        "order", Struct.builder(otherOrder).put("id", 1L).build()))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("Field 'order' is a struct of schema");
        assertThatThrownBy(() -> Struct.builder(ORDER).put("amount", new BigDecimal("1.5")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("scale 2");
        assertThatThrownBy(() -> Struct.builder(ORDER).put(ORDER.field("tags").orElseThrow(), List.of("a", 2)))
                .isInstanceOf(DataException.class)
                .hasMessage("Field 'tags'[1] is STRING, got Integer 2");
        assertThat(Struct.builder(ORDER)
                        .put(ORDER.field("id").orElseThrow(), 5L)
                        .build()
                        .getInt64("id"))
                .isEqualTo(5L);
        // A field made elsewhere is found by its name, whatever index it claims.
        assertThat(Struct.builder(ORDER)
                        .put(new Field("id", -1, Schema.INT64_SCHEMA), 6L)
                        .build()
                        .getInt64("id"))
                .isEqualTo(6L);
    }

    @Test
    void bytesAreCopiedInAndOut() {
        byte[] payload = {1, 2};
        Struct order =
                Struct.builder(ORDER).put("id", 1L).put("payload", payload).build();

        payload[0] = 9;
        order.getBytes("payload")[1] = 9;
        ((byte[]) order.get("payload"))[1] = 9;

        assertThat(order.getBytes("payload")).containsExactly(1, 2);
    }

    @Test
    void structsWithEqualBytesAreEqual() {
        Struct a = Struct.builder(ORDER)
                .put("id", 1L)
                .put("payload", new byte[] {1, 2})
                .build();
        Struct b = Struct.builder(ORDER)
                .put("id", 1L)
                .put("payload", new byte[] {1, 2})
                .build();
        Struct c = Struct.builder(ORDER)
                .put("id", 1L)
                .put("payload", new byte[] {1, 3})
                .build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
    }

    @Test
    void structsOfDifferentSchemasAreNotEqual() {
        Schema sameFieldsOtherName = SchemaBuilder.struct()
                .name("other")
                .field("id", Schema.INT64_SCHEMA)
                .build();
        Schema sameFields =
                SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).build();

        assertThat(Struct.builder(sameFields).put("id", 1L).build())
                .isEqualTo(Struct.builder(sameFields).put("id", 1L).build())
                .isNotEqualTo(Struct.builder(sameFieldsOtherName).put("id", 1L).build());
    }

    @Test
    void aFieldOfAnotherSchemaIsRefused() {
        Schema other = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).build();
        Struct order = Struct.builder(ORDER).put("id", 1L).build();
        Field foreign = other.field("id").orElseThrow();

        assertThatThrownBy(() -> order.get(foreign))
                .isInstanceOf(DataException.class)
                .hasMessage("Field 'id' of schema Schema{INT32} does not belong to this struct's schema " + ORDER);
    }

    @Test
    void nestedStructsMustHaveTheFieldsSchema() {
        Schema inner = SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).build();
        Schema outer = SchemaBuilder.struct().field("inner", inner).build();
        Schema lookalike =
                SchemaBuilder.struct().field("x", Schema.INT64_SCHEMA).build();

        Struct nested = Struct.builder(outer)
                .put("inner", Struct.builder(inner).put("x", 1).build())
                .build();

        assertThat(nested.getStruct("inner").getInt32("x")).isEqualTo(1);
        assertThatThrownBy(() -> Struct.builder(outer)
                        .put("inner", Struct.builder(lookalike).put("x", 1L).build()))
                .isInstanceOf(DataException.class)
                .hasMessage("Field 'inner' is a struct of schema Schema{STRUCT{x:INT32}},"
                        + " got a struct of schema Schema{STRUCT{x:INT64}}");
    }

    @Test
    void toStringShowsTheFieldsThatHaveValues() {
        Struct order = Struct.builder(ORDER)
                .put("id", 1L)
                .put("note", "n")
                .put("payload", new byte[] {1})
                .build();

        assertThat(order).hasToString("Struct{id=1,note=n,payload=[1]}");
    }
}
