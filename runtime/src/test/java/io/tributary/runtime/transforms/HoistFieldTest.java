package io.tributary.runtime.transforms;

import static io.tributary.runtime.transforms.TestRecords.configured;
import static io.tributary.runtime.transforms.TestRecords.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.transforms.Transformation;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HoistFieldTest {

    @Test
    void wrapsAValueWithSchemaInAStruct() {
        Transformation<SourceRecord> hoist = configured(new HoistField.Value<SourceRecord>(), Map.of("field", "id"));

        SourceRecord result = hoist.apply(source(Schema.INT64_SCHEMA, 42L));

        assertThat(result.valueSchema())
                .isEqualTo(
                        SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).build());
        assertThat(((Struct) result.value()).getInt64("id")).isEqualTo(42L);
        assertThat(hoist.apply(source(Schema.INT64_SCHEMA, 43L)).valueSchema()).isSameAs(result.valueSchema());
    }

    @Test
    void wrapsASchemalessValueInAMapAndANullToo() {
        Transformation<SourceRecord> hoist = configured(new HoistField.Value<SourceRecord>(), Map.of("field", "id"));

        assertThat(hoist.apply(source(null, 42L)).value()).isEqualTo(Map.of("id", 42L));
        assertThat(hoist.apply(source(null, null)).value()).isEqualTo(Collections.singletonMap("id", null));
    }

    @Test
    void theKeyVariantWrapsTheKey() {
        Transformation<SourceRecord> hoist = configured(new HoistField.Key<SourceRecord>(), Map.of("field", "k"));

        Object key = hoist.apply(TestRecords.sourceWithKey(Schema.STRING_SCHEMA, "a"))
                .key();

        assertThat(((Struct) key).getString("k")).isEqualTo("a");
    }

    @Test
    void aNullOfARequiredSchemaCannotBeWrapped() {
        Transformation<SourceRecord> hoist = configured(new HoistField.Value<SourceRecord>(), Map.of("field", "id"));

        assertThatThrownBy(() -> hoist.apply(source(Schema.INT64_SCHEMA, null)))
                .isInstanceOf(DataException.class)
                .hasMessage("HoistField$Value: cannot wrap the value in field 'id': Field 'id' is INT64 and "
                        + "required, got null");
    }
}
