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
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplaceFieldTest {

    @Test
    void excludesAndRenamesStructFieldsKeepingTheSchemaName() {
        Transformation<SourceRecord> replace = configured(
                new ReplaceField.Value<SourceRecord>(), Map.of("exclude", "note", "renames", "customer:buyer"));

        SourceRecord result = replace.apply(source(ORDER, order(1, "ann", "x")));

        assertThat(result.valueSchema().fields()).extracting(Field::name).containsExactly("id", "buyer");
        assertThat(result.valueSchema().name()).isEqualTo("com.example.Order");
        assertThat(((Struct) result.value()).getString("buyer")).isEqualTo("ann");
    }

    @Test
    void includeKeepsOnlyTheListedFieldsAndExcludeWins() {
        Transformation<SinkRecord> replace = configured(
                new ReplaceField.Value<SinkRecord>(), Map.of("include", "id,customer", "exclude", "customer"));

        SinkRecord withSchema = replace.apply(sink(ORDER, order(1, "ann", "x")));
        SinkRecord withoutSchema = replace.apply(sink(null, Map.of("id", 1, "customer", "ann", "note", "x")));

        assertThat(withSchema.valueSchema().fields()).extracting(Field::name).containsExactly("id");
        assertThat(withoutSchema.value()).isEqualTo(Map.of("id", 1));
    }

    @Test
    void renamesMapEntriesKeepingTheirOrder() {
        Transformation<SourceRecord> replace =
                configured(new ReplaceField.Value<SourceRecord>(), Map.of("renames", "a:alpha,c:gamma"));
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("a", 1);
        value.put("b", 2);
        value.put("c", 3);

        @SuppressWarnings("unchecked")
        Map<String, Object> result =
                (Map<String, Object>) replace.apply(source(null, value)).value();

        assertThat(result).containsExactly(Map.entry("alpha", 1), Map.entry("b", 2), Map.entry("gamma", 3));
    }

    @Test
    void theOlderNamesBlacklistAndWhitelistStillWork() {
        Transformation<SourceRecord> replace =
                configured(new ReplaceField.Value<SourceRecord>(), Map.of("whitelist", "id,note", "blacklist", "note"));

        SourceRecord result = replace.apply(source(ORDER, order(1, "ann", "x")));

        assertThat(result.valueSchema().fields()).extracting(Field::name).containsExactly("id");
    }

    @Test
    void theKeyVariantWorksOnTheKey() {
        Transformation<SourceRecord> replace =
                configured(new ReplaceField.Key<SourceRecord>(), Map.of("exclude", "note"));

        SourceRecord result = replace.apply(TestRecords.sourceWithKey(null, Map.of("id", 1, "note", "x")));

        assertThat(result.key()).isEqualTo(Map.of("id", 1));
    }

    @Test
    void renamingOntoAnExistingFieldFails() {
        Transformation<SourceRecord> replace =
                configured(new ReplaceField.Value<SourceRecord>(), Map.of("renames", "note:customer"));

        assertThatThrownBy(() -> replace.apply(source(ORDER, order(1, "ann", "x"))))
                .isInstanceOf(DataException.class)
                .hasMessage("ReplaceField$Value: two fields would be named 'customer' in schema com.example.Order; "
                        + "check 'renames'");
    }

    @Test
    void malformedRenamesAndBothNamesOfOneSettingAreReportedTogether() {
        assertThatThrownBy(() -> new ReplaceField.Value<SourceRecord>()
                        .configure(Map.of("renames", "a:b,broken", "exclude", "x", "blacklist", "y")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "Invalid value [a:b, broken] for 'renames': each rename must be old:new, got"
                                                + " \"broken\"",
                                        "Set 'exclude' or its older name 'blacklist', not both"));
    }

    @Test
    void aStructWithoutSchemaFieldIsRefused() {
        Transformation<SourceRecord> replace =
                configured(new ReplaceField.Value<SourceRecord>(), Map.of("exclude", "x"));

        assertThatThrownBy(() -> replace.apply(source(Schema.STRING_SCHEMA, "text")))
                .isInstanceOf(DataException.class)
                .hasMessage("ReplaceField$Value: the value must be a struct, got String of schema " + "Schema{STRING}");
        assertThatThrownBy(() -> replace.apply(source(null, "text")))
                .isInstanceOf(DataException.class)
                .hasMessage("ReplaceField$Value: a value without a schema must be a Map, got String");
    }
}
