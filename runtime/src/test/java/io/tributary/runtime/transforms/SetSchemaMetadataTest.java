package io.tributary.runtime.transforms;

import static io.tributary.runtime.transforms.TestRecords.ORDER;
import static io.tributary.runtime.transforms.TestRecords.configured;
import static io.tributary.runtime.transforms.TestRecords.order;
import static io.tributary.runtime.transforms.TestRecords.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.data.Decimal;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.transforms.Transformation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetSchemaMetadataTest {

    @Test
    void setsNameAndVersionAndRebuildsTheStruct() {
        Transformation<SourceRecord> set = configured(
                new SetSchemaMetadata.Value<SourceRecord>(),
                Map.of("schema.name", "com.example.OrderV2", "schema.version", "4"));

        SourceRecord result = set.apply(source(ORDER, order(1, "ann", "x")));

        assertThat(result.valueSchema().name()).isEqualTo("com.example.OrderV2");
        assertThat(result.valueSchema().version()).isEqualTo(4);
        assertThat(result.valueSchema().fields()).isEqualTo(ORDER.fields());
        Struct value = (Struct) result.value();
        assertThat(value.schema()).isSameAs(result.valueSchema());
        assertThat(value.getString("note")).isEqualTo("x");
    }

    @Test
    void keepsTheVersionWhenOnlyTheNameIsSetAndTheNameWhenOnlyTheVersionIs() {
        Transformation<SourceRecord> rename =
                configured(new SetSchemaMetadata.Value<SourceRecord>(), Map.of("schema.name", "Renamed"));
        Transformation<SourceRecord> bump =
                configured(new SetSchemaMetadata.Value<SourceRecord>(), Map.of("schema.version", "9"));

        Schema renamed = rename.apply(source(ORDER, order(1, "ann", null))).valueSchema();
        Schema bumped = bump.apply(source(ORDER, order(1, "ann", null))).valueSchema();

        assertThat(renamed.version()).isEqualTo(3);
        assertThat(bumped.name()).isEqualTo("com.example.Order");
        assertThat(bumped.version()).isEqualTo(9);
    }

    @Test
    void worksOnPrimitiveKeysKeepingParameters() {
        Transformation<SourceRecord> set =
                configured(new SetSchemaMetadata.Key<SourceRecord>(), Map.of("schema.version", "2"));

        SourceRecord result = set.apply(TestRecords.sourceWithKey(Decimal.schema(2), new java.math.BigDecimal("1.50")));

        assertThat(result.keySchema().name()).isEqualTo(Decimal.LOGICAL_NAME);
        assertThat(result.keySchema().version()).isEqualTo(2);
        assertThat(result.keySchema().parameters()).containsEntry("scale", "2");
    }

    @Test
    void schemalessDataFails() {
        Transformation<SourceRecord> set =
                configured(new SetSchemaMetadata.Value<SourceRecord>(), Map.of("schema.name", "x"));

        assertThatThrownBy(() -> set.apply(source(null, Map.of())))
                .isInstanceOf(DataException.class)
                .hasMessage("SetSchemaMetadata$Value: the value of the record for topic 'orders' has no schema to set "
                        + "the metadata of; use a converter that gives schemas");
    }

    @Test
    void nameOrVersionMustBeSet() {
        assertThatThrownBy(() -> new SetSchemaMetadata.Value<SourceRecord>().configure(Map.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly("Set 'schema.name', 'schema.version' or both; neither is set"));
    }
}
