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
import io.tributary.sdk.header.Header;
import io.tributary.sdk.header.Headers;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.transforms.Transformation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderTransformsTest {

    @Test
    void headerFromCopiesStructFieldsWithTheirSchemas() {
        Transformation<SourceRecord> copy = configured(
                new HeaderFrom.Value<SourceRecord>(),
                Map.of("fields", "id,customer", "headers", "order-id,who", "operation", "copy"));
        SourceRecord record =
                source(ORDER, order(1, "ann", null)).withHeaders(Headers.empty().withString("a", "b"));

        SourceRecord result = copy.apply(record);

        assertThat(result.headers())
                .containsExactly(
                        new Header("a", Schema.OPTIONAL_STRING_SCHEMA, "b"),
                        new Header("order-id", Schema.INT64_SCHEMA, 1L),
                        new Header("who", Schema.STRING_SCHEMA, "ann"));
        assertThat(result.value()).isEqualTo(order(1, "ann", null));
    }

    @Test
    void headerFromMovesStructFieldsOutOfTheValue() {
        Transformation<SinkRecord> move = configured(
                new HeaderFrom.Value<SinkRecord>(), Map.of("fields", "note", "headers", "note", "operation", "move"));

        SinkRecord result = move.apply(sink(ORDER, order(1, "ann", "fragile")));

        assertThat(result.valueSchema().fields()).extracting(Field::name).containsExactly("id", "customer");
        assertThat(result.valueSchema().name()).isEqualTo("com.example.Order");
        assertThat(((Struct) result.value()).getString("customer")).isEqualTo("ann");
        assertThat(result.headers().lastWithKey("note")).map(Header::value).contains("fragile");
    }

    @Test
    void headerFromMovesMapEntriesOfTheKey() {
        Transformation<SourceRecord> move = configured(
                new HeaderFrom.Key<SourceRecord>(),
                Map.of("fields", "tenant", "headers", "tenant", "operation", "move"));

        SourceRecord result = move.apply(TestRecords.sourceWithKey(null, Map.of("tenant", "t1", "id", 3)));

        assertThat(result.key()).isEqualTo(Map.of("id", 3));
        assertThat(result.headers()).containsExactly(new Header("tenant", null, "t1"));
    }

    @Test
    void headerFromFailsOnAFieldMissingFromTheSchema() {
        Transformation<SourceRecord> copy = configured(
                new HeaderFrom.Value<SourceRecord>(), Map.of("fields", "sku", "headers", "sku", "operation", "copy"));

        assertThatThrownBy(() -> copy.apply(source(ORDER, order(1, "ann", null))))
                .isInstanceOf(DataException.class)
                .hasMessage("HeaderFrom$Value: field 'sku' is not in schema com.example.Order; check 'fields'");
    }

    @Test
    void headerFromNeedsOneHeaderPerFieldAndAKnownOperation() {
        assertThatThrownBy(() -> new HeaderFrom.Value<SourceRecord>()
                        .configure(Map.of("fields", "a,b", "headers", "a", "operation", "steal")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "'fields' names 2 fields but 'headers' names 1 headers; give one header per"
                                                + " field",
                                        "Invalid value \"steal\" for 'operation': must be one of move, copy"));
    }

    @Test
    void insertHeaderAddsATypedLiteral() {
        Transformation<SourceRecord> number =
                configured(new InsertHeader<SourceRecord>(), Map.of("header", "attempt", "value.literal", "3"));
        Transformation<SourceRecord> text =
                configured(new InsertHeader<SourceRecord>(), Map.of("header", "source", "value.literal", "billing db"));

        SourceRecord result = text.apply(number.apply(source(null, "x")));

        assertThat(result.headers())
                .containsExactly(
                        new Header("attempt", Schema.INT8_SCHEMA, (byte) 3),
                        new Header("source", Schema.STRING_SCHEMA, "billing db"));
    }

    @Test
    void insertHeaderNeedsAHeaderName() {
        assertThatThrownBy(() -> new InsertHeader<SourceRecord>().configure(Map.of("value.literal", "x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Missing required setting 'header'");
    }

    @Test
    void dropHeadersRemovesEveryOccurrenceOfTheNamedHeaders() {
        Transformation<SinkRecord> drop = configured(new DropHeaders<SinkRecord>(), Map.of("headers", "a,c"));
        Headers headers = Headers.empty()
                .withString("a", "1")
                .withString("b", "2")
                .withString("a", "3")
                .withString("c", "4");

        SinkRecord result = drop.apply(sink(null, "x").withHeaders(headers));

        assertThat(result.headers()).extracting(Header::key).containsExactly("b");
        assertThat(result.kafkaOffset()).isEqualTo(42L);
    }

    @Test
    void dropHeadersNeedsAtLeastOneName() {
        assertThatThrownBy(() -> new DropHeaders<SinkRecord>().configure(Map.of("headers", List.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value [] for 'headers': must list at least one value");
    }
}
