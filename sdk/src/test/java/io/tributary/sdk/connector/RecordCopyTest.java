package io.tributary.sdk.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.header.Headers;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.TimestampType;
import io.tributary.sdk.source.SourceRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordCopyTest {

    private static final Schema ORDER = SchemaBuilder.struct()
            .name("com.example.Order")
            .field("id", Schema.INT64_SCHEMA)
            .build();

    private final Struct order = Struct.builder(ORDER).put("id", 7L).build();

    private final SourceRecord source = SourceRecord.builder()
            .sourcePartition(Map.of("table", "orders"))
            .sourceOffset(Map.of("id", 7L))
            .topic("orders")
            .partition(2)
            .key(Schema.STRING_SCHEMA, "k7")
            .value(ORDER, order)
            .timestamp(1_700_000_000_000L)
            .headers(Headers.empty().withString("origin", "db1"))
            .build();

    @Test
    void sourceRecordCopiesChangeOneFieldAndKeepTheOffsets() {
        SourceRecord rerouted = source.withTopic("orders-v2");
        SourceRecord rekeyed = source.withKey(Schema.INT64_SCHEMA, 7L);
        SourceRecord tombstone = source.withValue(ORDER, null);
        SourceRecord untimed = source.withTimestamp(null);
        SourceRecord anyPartition = source.withKafkaPartition(null);

        assertThat(rerouted.topic()).isEqualTo("orders-v2");
        assertThat(rerouted.sourcePartition()).isEqualTo(Map.of("table", "orders"));
        assertThat(rerouted.sourceOffset()).isEqualTo(Map.of("id", 7L));
        assertThat(rerouted.value()).isSameAs(order);
        assertThat(rekeyed.key()).isEqualTo(7L);
        assertThat(rekeyed.keySchema()).isEqualTo(Schema.INT64_SCHEMA);
        assertThat(tombstone.value()).isNull();
        assertThat(tombstone.valueSchema()).isEqualTo(ORDER);
        assertThat(untimed.timestamp()).isNull();
        assertThat(anyPartition.kafkaPartition()).isNull();
        assertThat(source.topic()).as("the original is unchanged").isEqualTo("orders");
        assertThat(source.withTopic("orders")).isEqualTo(source).hasSameHashCodeAs(source);
        assertThat(rerouted).isNotEqualTo(source);
    }

    @Test
    void headersAreCopiedNotShared() {
        SourceRecord tagged = source.withHeaders(source.headers().withString("stage", "raw"));

        assertThat(tagged.headers().size()).isEqualTo(2);
        assertThat(source.headers().size()).isEqualTo(1);
        assertThat(tagged.headers().lastWithKey("stage")).map(h -> h.value()).contains("raw");
    }

    @Test
    void sourceOffsetsCannotBeChangedThroughTheMapsGiven() {
        Map<String, Object> offset = new HashMap<>(Map.of("position", 1L));
        SourceRecord record =
                SourceRecord.builder().topic("t").sourceOffset(offset).build();
        offset.put("position", 2L);

        assertThat(record.sourceOffset()).isEqualTo(Map.of("position", 1L));
        assertThatThrownBy(() -> record.sourceOffset().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(record.sourcePartition()).isEmpty();
    }

    @Test
    void immutableSourceMapsAreKeptAsGivenWithoutACopy() {
        Map<String, Object> partition = Map.of("table", "orders");
        Map<String, Object> offset = Map.of("id", 7L, "txn", 3L);
        Map<String, Object> single = Collections.singletonMap("position", null);

        SourceRecord record = SourceRecord.builder()
                .topic("t")
                .sourcePartition(partition)
                .sourceOffset(offset)
                .build();
        SourceRecord singleton =
                SourceRecord.builder().topic("t").sourceOffset(single).build();

        assertThat(record.sourcePartition()).isSameAs(partition);
        assertThat(record.sourceOffset()).isSameAs(offset);
        assertThat(singleton.sourceOffset()).isSameAs(single);
    }

    @Test
    void copiedSourceMapsKeepTheirOrderAndNullValues() {
        Map<String, Object> offset = new LinkedHashMap<>();
        offset.put("z", 1L);
        offset.put("a", null);
        offset.put("m", "x");
        Map<String, Object> single = new HashMap<>();
        single.put("position", null);

        SourceRecord record = SourceRecord.builder()
                .topic("t")
                .sourcePartition(single)
                .sourceOffset(offset)
                .build();
        offset.put("late", 2L);
        single.put("late", 2L);

        assertThat(record.sourceOffset().keySet()).containsExactly("z", "a", "m");
        assertThat(new ArrayList<Object>(record.sourceOffset().values())).containsExactly(1L, null, "x");
        assertThat(record.sourcePartition().keySet()).containsExactly("position");
        assertThat(new ArrayList<Object>(record.sourcePartition().values())).containsExactly((Object) null);
        assertThatThrownBy(() -> record.sourceOffset().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> record.sourcePartition().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void sinkRecordCopiesKeepTheKafkaOffsetAndWhereTheRecordWasRead() {
        SinkRecord read = SinkRecord.builder()
                .topic("orders")
                .partition(3)
                .kafkaOffset(41)
                .key(Schema.STRING_SCHEMA, "k")
                .value(ORDER, order)
                .timestamp(5L, TimestampType.CREATE_TIME)
                .build();

        SinkRecord routed = read.withTopic("archive").withKafkaPartition(0);

        assertThat(routed.topic()).isEqualTo("archive");
        assertThat(routed.kafkaPartition()).isZero();
        assertThat(routed.kafkaOffset()).isEqualTo(41);
        assertThat(routed.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
        assertThat(routed.originalTopicPartition()).isEqualTo(new TopicPartition("orders", 3));
        assertThat(routed.originalKafkaOffset()).isEqualTo(41);
        assertThat(read.newRecord("orders", 3, Schema.STRING_SCHEMA, "k", ORDER, order, 5L, Headers.empty()))
                .isEqualTo(read);
    }

    @Test
    void buildersSayWhatIsMissing() {
        assertThatThrownBy(() -> SourceRecord.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A SourceRecord needs a topic: call topic(...) before build()");
        assertThatThrownBy(() -> SinkRecord.builder().topic("t").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A SinkRecord needs topic(...), partition(...) and kafkaOffset(...); missing: partition,"
                        + " kafkaOffset");
        assertThatThrownBy(() -> source.withKafkaPartition(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The partition of a record for topic 'orders' must be 0 or more, got -1");
    }
}
