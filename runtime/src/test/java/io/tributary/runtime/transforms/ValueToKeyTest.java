package io.tributary.runtime.transforms;

import static io.tributary.runtime.transforms.TestRecords.ORDER;
import static io.tributary.runtime.transforms.TestRecords.configured;
import static io.tributary.runtime.transforms.TestRecords.order;
import static io.tributary.runtime.transforms.TestRecords.sink;
import static io.tributary.runtime.transforms.TestRecords.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.data.Field;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.transforms.Transformation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueToKeyTest {

    @Test
    void copiesStructFieldsToAKeyStructInTheListedOrder() {
        Transformation<SinkRecord> toKey = configured(new ValueToKey<SinkRecord>(), Map.of("fields", "customer,id"));

        SinkRecord result = toKey.apply(sink(ORDER, order(7, "ann", null)));

        assertThat(result.keySchema().fields()).extracting(Field::name).containsExactly("customer", "id");
        assertThat(result.keySchema().field("id").orElseThrow().schema()).isEqualTo(Schema.INT64_SCHEMA);
        Struct key = (Struct) result.key();
        assertThat(key.getInt64("id")).isEqualTo(7L);
        assertThat(key.getString("customer")).isEqualTo("ann");
        assertThat(result.value()).isEqualTo(order(7, "ann", null));
    }

    @Test
    void copiesMapEntriesToAKeyMap() {
        Transformation<SourceRecord> toKey = configured(new ValueToKey<SourceRecord>(), Map.of("fields", "id"));

        SourceRecord result = toKey.apply(source(null, Map.of("id", 7, "customer", "ann")));

        assertThat(result.keySchema()).isNull();
        assertThat(result.key()).isEqualTo(Map.of("id", 7));
    }

    @Test
    void aFieldMissingFromTheSchemaFails() {
        Transformation<SourceRecord> toKey = configured(new ValueToKey<SourceRecord>(), Map.of("fields", "sku"));

        assertThatThrownBy(() -> toKey.apply(source(ORDER, order(7, "ann", null))))
                .isInstanceOf(DataException.class)
                .hasMessage("ValueToKey: field 'sku' is not in the value schema com.example.Order; check 'fields'");
    }

    @Test
    void aTombstoneFailsWithAHintToSkipIt() {
        Transformation<SourceRecord> toKey = configured(new ValueToKey<SourceRecord>(), Map.of("fields", "id"));

        assertThatThrownBy(() -> toKey.apply(source(ORDER, null)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("RecordIsTombstone predicate and negate=true");
    }

    @Test
    void fieldsMustListAtLeastOneField() {
        assertThatThrownBy(() -> new ValueToKey<SourceRecord>().configure(Map.of("fields", "")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value [] for 'fields': must list at least one value");
    }
}
