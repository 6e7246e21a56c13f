package io.tributary.runtime.transforms;

import static io.tributary.runtime.transforms.TestRecords.ORDER;
import static io.tributary.runtime.transforms.TestRecords.configured;
import static io.tributary.runtime.transforms.TestRecords.order;
import static io.tributary.runtime.transforms.TestRecords.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.transforms.Transformation;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractFieldTest {

    @Test
    void replacesAStructWithOneOfItsFields() {
        Transformation<SourceRecord> extract =
                configured(new ExtractField.Value<SourceRecord>(), Map.of("field", "customer"));

        SourceRecord result = extract.apply(source(ORDER, order(1, "ann", null)));

        assertThat(result.valueSchema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(result.value()).isEqualTo("ann");
    }

    @Test
    void replacesAMapWithOneOfItsEntriesOrNullWhenMissing() {
        Transformation<SourceRecord> extract =
                configured(new ExtractField.Value<SourceRecord>(), Map.of("field", "id"));

        assertThat(extract.apply(source(null, Map.of("id", 7))).value()).isEqualTo(7);
        assertThat(extract.apply(source(null, Map.of("other", 7))).value()).isNull();
    }

    @Test
    void theKeyVariantExtractsFromTheKeyAndNullsPassThrough() {
        Transformation<SourceRecord> extract = configured(new ExtractField.Key<SourceRecord>(), Map.of("field", "id"));
        SourceRecord keyless = TestRecords.sourceWithKey(null, null);

        assertThat(extract.apply(TestRecords.sourceWithKey(null, Map.of("id", 7)))
                        .key())
                .isEqualTo(7);
        assertThat(extract.apply(keyless)).isSameAs(keyless);
    }

    @Test
    void replaceNullWithDefaultChoosesBetweenTheDefaultAndNull() {
        Schema schema = SchemaBuilder.struct()
                .field(
                        "status",
                        SchemaBuilder.string().optional().defaultValue("new").build())
                .build();
        Struct value = Struct.builder(schema).build();
        Map<String, Object> keepNull = new HashMap<>(Map.of("field", "status"));
        keepNull.put("replace.null.with.default", false);

        Transformation<SourceRecord> withDefault =
                configured(new ExtractField.Value<SourceRecord>(), Map.of("field", "status"));
        Transformation<SourceRecord> withoutDefault = configured(new ExtractField.Value<SourceRecord>(), keepNull);

        assertThat(withDefault.apply(source(schema, value)).value()).isEqualTo("new");
        assertThat(withoutDefault.apply(source(schema, value)).value()).isNull();
    }

    @Test
    void aFieldMissingFromTheSchemaFails() {
        Transformation<SourceRecord> extract =
                configured(new ExtractField.Value<SourceRecord>(), Map.of("field", "sku"));

        assertThatThrownBy(() -> extract.apply(source(ORDER, order(1, "ann", null))))
                .isInstanceOf(DataException.class)
                .hasMessage("ExtractField$Value: field 'sku' is not in schema com.example.Order; check 'field'");
    }

    @Test
    void nestedFieldSyntaxIsRefusedClearly() {
        assertThatThrownBy(() -> new ExtractField.Value<SourceRecord>()
                        .configure(Map.of("field", "a.b", "field.syntax.version", "V2")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "Invalid value \"V2\" for 'field.syntax.version': must be one of V1 (any"
                                                + " case)"));
    }
}
