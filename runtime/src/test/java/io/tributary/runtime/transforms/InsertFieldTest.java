package io.tributary.runtime.transforms;

import static io.tributary.runtime.transforms.TestRecords.ORDER;
import static io.tributary.runtime.transforms.TestRecords.TIMESTAMP;
import static io.tributary.runtime.transforms.TestRecords.configured;
import static io.tributary.runtime.transforms.TestRecords.order;
import static io.tributary.runtime.transforms.TestRecords.sink;
import static io.tributary.runtime.transforms.TestRecords.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.data.Timestamp;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.transforms.Transformation;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InsertFieldTest {

    @Test
    void insertsMetadataFieldsIntoAStructOfASinkRecord() {
        Transformation<SinkRecord> insert = configured(
                new InsertField.Value<SinkRecord>(),
                Map.of(
                        "topic.field", "topic!",
                        "partition.field", "partition",
                        "offset.field", "offset",
                        "timestamp.field", "ts",
                        "static.field", "origin",
                        "static.value", "billing"));

        SinkRecord result = insert.apply(sink(ORDER, order(1, "ann", null)));

        Schema schema = result.valueSchema();
        assertThat(schema.name()).isEqualTo("com.example.Order");
        assertThat(schema.version()).isEqualTo(3);
        assertThat(schema.field("topic").orElseThrow().schema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(schema.field("partition").orElseThrow().schema()).isEqualTo(Schema.OPTIONAL_INT32_SCHEMA);
        assertThat(schema.field("offset").orElseThrow().schema()).isEqualTo(Schema.OPTIONAL_INT64_SCHEMA);
        assertThat(schema.field("ts").orElseThrow().schema())
                .isEqualTo(Timestamp.builder().optional().build());
        Struct value = (Struct) result.value();
        assertThat(value.getInt64("id")).isEqualTo(1L);
        assertThat(value.getString("topic")).isEqualTo("orders");
        assertThat(value.getInt32("partition")).isEqualTo(2);
        assertThat(value.getInt64("offset")).isEqualTo(42L);
        assertThat(value.getTimestamp("ts")).isEqualTo(Instant.ofEpochMilli(TIMESTAMP));
        assertThat(value.getString("origin")).isEqualTo("billing");
    }

    @Test
    void insertsIntoAMapWithoutSchema() {
        Transformation<SinkRecord> insert = configured(
                new InsertField.Value<SinkRecord>(),
                Map.of("topic.field", "topic", "offset.field", "offset", "timestamp.field", "ts"));

        SinkRecord result = insert.apply(sink(null, Map.of("id", 1)));

        assertThat(result.valueSchema()).isNull();
        assertThat(result.value()).isEqualTo(Map.of("id", 1, "topic", "orders", "offset", 42L, "ts", TIMESTAMP));
    }

    @Test
    void theOffsetFieldFailsOnSourceRecordsWhichHaveNoKafkaOffset() {
        Transformation<SourceRecord> insert =
                configured(new InsertField.Value<SourceRecord>(), Map.of("offset.field", "offset"));

        assertThatThrownBy(() -> insert.apply(source(null, Map.of("id", 1))))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(
                        "InsertField$Value: 'offset.field' needs a record read from Kafka (a SinkRecord)");
    }

    @Test
    void aSourceRecordWithoutPartitionGetsANullOptionalFieldOrNoEntry() {
        Transformation<SourceRecord> insert =
                configured(new InsertField.Value<SourceRecord>(), Map.of("partition.field", "p"));

        Struct withSchema =
                (Struct) insert.apply(source(ORDER, order(1, "ann", null))).value();
        Object withoutSchema = insert.apply(source(null, Map.of("id", 1))).value();

        assertThat(withSchema.get("p")).isNull();
        assertThat(withoutSchema).isEqualTo(Map.of("id", 1));
    }

    @Test
    void aRequiredFieldWhoseMetadataIsMissingFailsTheRecord() {
        Transformation<SourceRecord> insert =
                configured(new InsertField.Value<SourceRecord>(), Map.of("partition.field", "p!"));

        assertThatThrownBy(() -> insert.apply(source(ORDER, order(1, "ann", null))))
                .isInstanceOf(DataException.class)
                .hasMessage("InsertField$Value: field 'p' is required (it ends in !), but the record has no Kafka "
                        + "partition; remove the ! to insert null instead");
    }

    @Test
    void aFieldThatExistsAlreadyFailsNamingTheSchema() {
        Transformation<SourceRecord> insert =
                configured(new InsertField.Value<SourceRecord>(), Map.of("timestamp.field", "note"));

        assertThatThrownBy(() -> insert.apply(source(ORDER, order(1, "ann", null))))
                .isInstanceOf(DataException.class)
                .hasMessage("InsertField$Value: field 'note' already exists in schema com.example.Order; choose "
                        + "another name for it");
    }

    @Test
    void theKeyVariantInsertsIntoTheKeyAndTombstonesPassThrough() {
        Transformation<SourceRecord> insert =
                configured(new InsertField.Key<SourceRecord>(), Map.of("topic.field", "topic"));
        Schema keySchema =
                SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).build();
        SourceRecord keyed = TestRecords.sourceWithKey(
                keySchema, Struct.builder(keySchema).put("id", 5L).build());

        Struct key = (Struct) insert.apply(keyed).key();
        SourceRecord tombstone = source(ORDER, null);

        assertThat(key.getString("topic")).isEqualTo("orders");
        assertThat(insert.apply(tombstone)).isSameAs(tombstone);
    }

    @Test
    void derivedSchemasAreCachedAndShared() {
        Transformation<SourceRecord> insert =
                configured(new InsertField.Value<SourceRecord>(), Map.of("static.field", "origin"));

        Schema first = insert.apply(source(ORDER, order(1, "ann", null))).valueSchema();
        Schema second = insert.apply(source(ORDER, order(2, "bob", null))).valueSchema();

        assertThat(second).isSameAs(first);
    }

    @Test
    void replaceNullWithDefaultFalseKeepsNullsOfFieldsWithDefaults() {
        Schema schema = SchemaBuilder.struct()
                .field(
                        "status",
                        SchemaBuilder.string().optional().defaultValue("new").build())
                .build();
        Struct value = Struct.builder(schema).build();
        Transformation<SourceRecord> keepNull = configured(
                new InsertField.Value<SourceRecord>(),
                Map.of("static.field", "origin", "replace.null.with.default", "false"));
        Transformation<SourceRecord> useDefault =
                configured(new InsertField.Value<SourceRecord>(), Map.of("static.field", "origin"));

        assertThat(((Struct) keepNull.apply(source(schema, value)).value()).getWithoutDefault("status"))
                .isNull();
        assertThat(((Struct) useDefault.apply(source(schema, value)).value()).getWithoutDefault("status"))
                .isEqualTo("new");
    }

    @Test
    void badSettingsAreReportedTogether() {
        assertThatThrownBy(() -> new InsertField.Value<SourceRecord>()
                        .configure(Map.of(
                                "topic.field",
                                "same",
                                "static.field",
                                "same!",
                                "partition.field",
                                "!",
                                "replace.null.with.default",
                                "maybe")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "Invalid value \"!\" for 'partition.field': the field name is empty; give a"
                                                + " name, optionally followed by ! or ?",
                                        "'static.field' and 'topic.field' both name field 'same'; each inserted field"
                                                + " needs its own name",
                                        "Invalid value \"maybe\" for 'replace.null.with.default': expected BOOLEAN:"
                                                + " true or false"))
                .hasMessageStartingWith("The configuration of InsertField$Value has 3 problems");
    }
}
