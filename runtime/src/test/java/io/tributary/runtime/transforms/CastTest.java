package io.tributary.runtime.transforms;

import static io.tributary.runtime.transforms.TestRecords.configured;
import static io.tributary.runtime.transforms.TestRecords.sink;
import static io.tributary.runtime.transforms.TestRecords.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.data.Decimal;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.transforms.Transformation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CastTest {
    private static final Schema ITEM = SchemaBuilder.struct()
            .name("com.example.Item")
            .field("id", Schema.INT32_SCHEMA)
            .field("price", Decimal.schema(2))
            .field("qty", SchemaBuilder.string().optional().defaultValue("1").build())
            .field("flag", Schema.INT8_SCHEMA)
            .field("blob", Schema.BYTES_SCHEMA)
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .build();

    private static Struct item() {
        return Struct.builder(ITEM)
                .put("id", 7)
                .put("price", new BigDecimal("9.99"))
                .put("qty", "3")
                .put("flag", (byte) 2)
                .put("blob", new byte[] {1, 2, 3})
                .put("tags", List.of("x"))
                .build();
    }

    @Test
    void castsStructFieldsAndTheirSchemas() {
        Transformation<SinkRecord> cast = configured(
                new Cast.Value<SinkRecord>(),
                Map.of("spec", "id:int64,price:float64,qty:int16,flag:boolean,blob:string"));

        SinkRecord result = cast.apply(sink(ITEM, item()));

        Schema schema = result.valueSchema();
        assertThat(schema.name()).isEqualTo("com.example.Item");
        assertThat(schema.field("id").orElseThrow().schema()).isEqualTo(Schema.INT64_SCHEMA);
        assertThat(schema.field("price").orElseThrow().schema()).isEqualTo(Schema.FLOAT64_SCHEMA);
        assertThat(schema.field("qty").orElseThrow().schema())
                .isEqualTo(
                        SchemaBuilder.int16().optional().defaultValue((short) 1).build());
        assertThat(schema.field("tags").orElseThrow().schema())
                .isEqualTo(ITEM.field("tags").orElseThrow().schema());
        Struct value = (Struct) result.value();
        assertThat(value.getInt64("id")).isEqualTo(7L);
        assertThat(value.getFloat64("price")).isEqualTo(9.99);
        assertThat(value.getInt16("qty")).isEqualTo((short) 3);
        assertThat(value.getBoolean("flag")).isTrue();
        assertThat(value.getString("blob")).isEqualTo("AQID");
    }

    @Test
    void castsTheWholeValue() {
        Transformation<SourceRecord> cast = configured(new Cast.Value<SourceRecord>(), Map.of("spec", "int32"));

        SourceRecord withSchema = cast.apply(source(Schema.OPTIONAL_STRING_SCHEMA, "42"));
        SourceRecord withoutSchema = cast.apply(source(null, 42.9));

        assertThat(withSchema.valueSchema()).isEqualTo(Schema.OPTIONAL_INT32_SCHEMA);
        assertThat(withSchema.value()).isEqualTo(42);
        assertThat(withoutSchema.value()).isEqualTo(42);
    }

    @Test
    void castsMapEntriesByTheirJavaType() {
        Transformation<SourceRecord> cast =
                configured(new Cast.Value<SourceRecord>(), Map.of("spec", "id:string,active:boolean,missing:int8"));

        Object result = cast.apply(source(null, Map.of("id", 7L, "active", "TRUE", "other", 1)))
                .value();

        assertThat(result).isEqualTo(Map.of("id", "7", "active", true, "other", 1));
    }

    @Test
    void theKeyVariantCastsTheKey() {
        Transformation<SourceRecord> cast = configured(new Cast.Key<SourceRecord>(), Map.of("spec", "string"));

        SourceRecord result = cast.apply(TestRecords.sourceWithKey(Schema.INT64_SCHEMA, 5L));

        assertThat(result.keySchema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(result.key()).isEqualTo("5");
    }

    @Test
    void aNumberTheTargetCannotHoldFailsInsteadOfWrappingAround() {
        Transformation<SourceRecord> cast = configured(new Cast.Value<SourceRecord>(), Map.of("spec", "n:int8"));

        assertThatThrownBy(() -> cast.apply(source(null, Map.of("n", 300))))
                .isInstanceOf(DataException.class)
                .hasMessage("Cast$Value: cannot cast field 'n' to INT8: Cannot convert Integer 300 to INT8: out of "
                        + "range");
    }

    @Test
    void fieldsOfTypesThatCannotBeCastFailNamingTheField() {
        Transformation<SourceRecord> toInt = configured(new Cast.Value<SourceRecord>(), Map.of("spec", "blob:int32"));
        Transformation<SourceRecord> tags = configured(new Cast.Value<SourceRecord>(), Map.of("spec", "tags:string"));

        assertThatThrownBy(() -> toInt.apply(source(ITEM, item())))
                .isInstanceOf(DataException.class)
                .hasMessage("Cast$Value: cannot cast field 'blob' of schema com.example.Item: BYTES casts only to "
                        + "STRING, not to INT32");
        assertThatThrownBy(() -> tags.apply(source(ITEM, item())))
                .isInstanceOf(DataException.class)
                .hasMessage("Cast$Value: cannot cast field 'tags' of schema com.example.Item: ARRAY cannot be cast; "
                        + "cast its fields instead");
    }

    @Test
    void aMalformedSpecNamesEveryBadEntry() {
        assertThatThrownBy(() -> new Cast.Value<SourceRecord>().configure(Map.of("spec", "id:int128,int32,x:")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "Invalid value [id:int128, int32, x:] for 'spec': \"id:int128\" has unknown"
                                                + " type 'int128'; use int8, int16, int32, int64, float32, float64,"
                                                + " boolean or string; \"int32\" is not a field:type pair; a lone type"
                                                + " casts the whole value and must be the only entry; \"x:\" has unknown"
                                                + " type ''; use int8, int16, int32, int64, float32, float64, boolean or"
                                                + " string"));
        assertThatThrownBy(() -> new Cast.Value<SourceRecord>().configure(Map.of("spec", "bytes")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("\"bytes\" has unknown type 'bytes'");
    }
}
