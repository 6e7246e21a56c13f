package io.tributary.runtime.transforms;

import static io.tributary.runtime.transforms.TestRecords.configured;
import static io.tributary.runtime.transforms.TestRecords.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.data.Decimal;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.data.Timestamp;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.transforms.Transformation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskFieldTest {
    private static final Schema PERSON = SchemaBuilder.struct()
            .field("name", Schema.STRING_SCHEMA)
            .field("age", Schema.INT32_SCHEMA)
            .field("vip", Schema.BOOLEAN_SCHEMA)
            .field("balance", Decimal.schema(2))
            .field("born", Timestamp.SCHEMA)
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("ssn", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    private static Struct person() {
        return Struct.builder(PERSON)
                .put("name", "ann")
                .put("age", 41)
                .put("vip", true)
                .put("balance", new BigDecimal("12.50"))
                .put("born", Instant.parse("1983-05-01T00:00:00Z"))
                .put("tags", List.of("a"))
                .build();
    }

    @Test
    void masksStructFieldsWithTheEmptyValueOfTheirType() {
        Transformation<SourceRecord> mask =
                configured(new MaskField.Value<SourceRecord>(), Map.of("fields", "name,age,vip,balance,born,tags,ssn"));

        SourceRecord result = mask.apply(source(PERSON, person()));

        Struct masked = (Struct) result.value();
        assertThat(result.valueSchema()).isSameAs(PERSON);
        assertThat(masked.getString("name")).isEmpty();
        assertThat(masked.getInt32("age")).isZero();
        assertThat(masked.getBoolean("vip")).isFalse();
        assertThat(masked.getDecimal("balance")).isEqualTo(new BigDecimal("0.00"));
        assertThat(masked.getTimestamp("born")).isEqualTo(Instant.EPOCH);
        assertThat(masked.<String>getArray("tags")).isEmpty();
        assertThat(masked.getString("ssn")).isNull();
    }

    @Test
    void aReplacementIsConvertedToEachFieldsType() {
        Transformation<SourceRecord> mask =
                configured(new MaskField.Value<SourceRecord>(), Map.of("fields", "name,age", "replacement", "99"));

        Struct masked = (Struct) mask.apply(source(PERSON, person())).value();

        assertThat(masked.getString("name")).isEqualTo("99");
        assertThat(masked.getInt32("age")).isEqualTo(99);
    }

    @Test
    void masksMapEntriesByTheirJavaTypeAndLeavesAbsentOnesOut() {
        Transformation<SourceRecord> mask =
                configured(new MaskField.Value<SourceRecord>(), Map.of("fields", "name,age,missing"));
        Map<String, Object> value = new HashMap<>(Map.of("name", "ann", "age", 41L, "other", "kept"));

        Object result = mask.apply(source(null, value)).value();

        assertThat(result).isEqualTo(Map.of("name", "", "age", 0L, "other", "kept"));
    }

    @Test
    void aReplacementThatDoesNotFitTheTypeFailsNamingTheField() {
        Transformation<SourceRecord> mask =
                configured(new MaskField.Value<SourceRecord>(), Map.of("fields", "age", "replacement", "secret"));

        assertThatThrownBy(() -> mask.apply(source(null, Map.of("age", 41))))
                .isInstanceOf(DataException.class)
                .hasMessage("MaskField$Value: cannot mask field 'age': Cannot convert String \"secret\" to INT32: "
                        + "not a number");
    }

    @Test
    void structFieldsCannotBeMasked() {
        Schema outer =
                SchemaBuilder.struct().name("Outer").field("inner", PERSON).build();
        Transformation<SourceRecord> mask = configured(new MaskField.Value<SourceRecord>(), Map.of("fields", "inner"));

        assertThatThrownBy(() -> mask.apply(source(
                        outer, Struct.builder(outer).put("inner", person()).build())))
                .isInstanceOf(DataException.class)
                .hasMessage("MaskField$Value: cannot mask field 'inner' of schema Outer: STRUCT fields cannot be "
                        + "masked; mask the fields inside it");
    }

    @Test
    void theKeyVariantMasksTheKey() {
        Transformation<SourceRecord> mask = configured(new MaskField.Key<SourceRecord>(), Map.of("fields", "ssn"));

        Object key = mask.apply(TestRecords.sourceWithKey(null, Map.of("ssn", "123")))
                .key();

        assertThat(key).isEqualTo(Map.of("ssn", ""));
    }

    @Test
    void fieldsAreRequiredAndTheReplacementMustNotBeEmpty() {
        assertThatThrownBy(() -> new MaskField.Value<SourceRecord>().configure(Map.of("replacement", " ")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "Missing required setting 'fields' (Names of the fields to mask.); it has no"
                                                + " default",
                                        "Invalid value \"\" for 'replacement': must not be empty"));
    }
}
