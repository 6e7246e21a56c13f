package io.tributary.runtime.transforms;

import static io.tributary.runtime.transforms.TestRecords.configured;
import static io.tributary.runtime.transforms.TestRecords.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.data.Field;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.transforms.Transformation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlattenTest {
    private static final Schema ADDRESS = SchemaBuilder.struct()
            .field("city", Schema.STRING_SCHEMA)
            .field("zip", Schema.INT32_SCHEMA)
            .optional()
            .build();
    private static final Schema CUSTOMER = SchemaBuilder.struct()
            .name("com.example.Customer")
            .field("id", Schema.INT64_SCHEMA)
            .field("address", ADDRESS)
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .build();

    @Test
    void flattensNestedStructsMakingFieldsOfOptionalStructsOptional() {
        Transformation<SourceRecord> flatten = configured(new Flatten.Value<SourceRecord>(), Map.of());
        Struct address =
                Struct.builder(ADDRESS).put("city", "Oslo").put("zip", 150).build();
        Struct customer = Struct.builder(CUSTOMER)
                .put("id", 1L)
                .put("address", address)
                .put("tags", List.of("a"))
                .build();

        SourceRecord result = flatten.apply(source(CUSTOMER, customer));

        Schema schema = result.valueSchema();
        assertThat(schema.name()).isEqualTo("com.example.Customer");
        assertThat(schema.fields())
                .extracting(Field::name)
                .containsExactly("id", "address.city", "address.zip", "tags");
        assertThat(schema.field("address.zip").orElseThrow().schema()).isEqualTo(Schema.OPTIONAL_INT32_SCHEMA);
        Struct flat = (Struct) result.value();
        assertThat(flat.getString("address.city")).isEqualTo("Oslo");
        assertThat(flat.getInt32("address.zip")).isEqualTo(150);
        assertThat(flat.<String>getArray("tags")).containsExactly("a");
    }

    @Test
    void aMissingNestedStructGivesNullFields() {
        Transformation<SourceRecord> flatten = configured(new Flatten.Value<SourceRecord>(), Map.of("delimiter", "_"));
        Struct customer =
                Struct.builder(CUSTOMER).put("id", 1L).put("tags", List.of()).build();

        Struct flat = (Struct) flatten.apply(source(CUSTOMER, customer)).value();

        assertThat(flat.get("address_city")).isNull();
    }

    @Test
    void flattensNestedMapsWithTheDelimiter() {
        Transformation<SourceRecord> flatten = configured(new Flatten.Value<SourceRecord>(), Map.of("delimiter", "_"));

        Object flat = flatten.apply(source(null, Map.of("a", Map.of("b", Map.of("c", 1)), "d", List.of(2))))
                .value();

        assertThat(flat).isEqualTo(Map.of("a_b_c", 1, "d", List.of(2)));
    }

    @Test
    void theKeyVariantFlattensTheKey() {
        Transformation<SourceRecord> flatten = configured(new Flatten.Key<SourceRecord>(), Map.of());

        Object key = flatten.apply(TestRecords.sourceWithKey(null, Map.of("a", Map.of("b", 1))))
                .key();

        assertThat(key).isEqualTo(Map.of("a.b", 1));
    }

    @Test
    void twoFieldsThatFlattenToOneNameFail() {
        Schema clash = SchemaBuilder.struct()
                .field("a.b", Schema.INT32_SCHEMA)
                .field(
                        "a",
                        SchemaBuilder.struct().field("b", Schema.INT32_SCHEMA).build())
                .build();
        Transformation<SourceRecord> flatten = configured(new Flatten.Value<SourceRecord>(), Map.of());
        Struct value = Struct.builder(clash)
                .put("a.b", 1)
                .put(
                        "a",
                        Struct.builder(clash.field("a").orElseThrow().schema())
                                .put("b", 2)
                                .build())
                .build();

        assertThatThrownBy(() -> flatten.apply(source(clash, value)))
                .isInstanceOf(DataException.class)
                .hasMessage("Flatten$Value: two fields flatten to 'a.b'; rename one of them first, or choose another "
                        + "'delimiter'");
    }
}
