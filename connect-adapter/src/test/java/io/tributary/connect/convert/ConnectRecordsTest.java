package io.tributary.connect.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.header.Headers;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.TimestampType;
import io.tributary.sdk.source.SourceRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records through Connect's types and back, and a Connect function applied to the SDK's records. */
class ConnectRecordsTest {
    private static final SinkRecord READ = SinkRecord.builder()
            .topic("orders")
            .partition(2)
            .kafkaOffset(41)
            .key(Schema.STRING_SCHEMA, "k")
            .value(Schema.OPTIONAL_INT64_SCHEMA, 7L)
            .timestamp(1_700_000_000_000L, TimestampType.LOG_APPEND_TIME)
            .headers(Headers.empty().withString("trace", "t1"))
            .original(new TopicPartition("orders-raw", 1), 40)
            .build();

    @Test
    void aSinkRecordKeepsItsPlaceInKafkaThroughConnect() {
        org.apache.kafka.connect.sink.SinkRecord connect = ConnectRecords.toConnect(READ);

        assertThat(connect.kafkaOffset()).isEqualTo(41);
        assertThat(connect.originalTopic()).isEqualTo("orders-raw");
        assertThat(connect.originalKafkaOffset()).isEqualTo(40);
        assertThat(connect.timestampType()).isEqualTo(org.apache.kafka.common.record.TimestampType.LOG_APPEND_TIME);
        assertThat(ConnectRecords.toSdk(connect)).isEqualTo(READ);
    }

    @Test
    void aConnectFunctionGetsConnectsRecordAndItsResultComesBackAsTheSdks() {
        SinkRecord routed = (SinkRecord) ConnectRecords.apply(
                READ,
                record -> record.newRecord(
                        "orders-routed", record.kafkaPartition(), null, "k2", null, null, record.timestamp()));

        assertThat(routed.topic()).isEqualTo("orders-routed");
        assertThat(routed.key()).isEqualTo("k2");
        assertThat(routed.kafkaOffset()).isEqualTo(41);
        assertThat(routed.originalTopicPartition()).isEqualTo(new TopicPartition("orders-raw", 1));
        assertThat(ConnectRecords.apply(READ, record -> null)).isNull();
    }

    @Test
    void aSourceRecordKeepsItsSourcePartitionAndOffset() {
        org.apache.kafka.connect.source.SourceRecord polled = new org.apache.kafka.connect.source.SourceRecord(
                Map.of("file", "/tmp/in.txt"),
                Map.of("position", 12L),
                "lines",
                null,
                org.apache.kafka.connect.data.Schema.STRING_SCHEMA,
                "hello");

        SourceRecord sent = ConnectRecords.toSdk(polled);

        assertThat(sent.sourcePartition()).isEqualTo(Map.of("file", "/tmp/in.txt"));
        assertThat(sent.sourceOffset()).isEqualTo(Map.of("position", 12L));
        assertThat(sent.value()).isEqualTo("hello");
        assertThat(ConnectRecords.toConnect(sent)).isEqualTo(polled);
    }

    @Test
    void partitionsAndTheirPositionsCrossBothWaysInOrder() {
        Map<TopicPartition, Long> positions = new LinkedHashMap<>();
        positions.put(new TopicPartition("orders", 2), 40L);
        positions.put(new TopicPartition("orders", 0), 7L);
        positions.put(new TopicPartition("users", 1), 0L);

        Map<org.apache.kafka.common.TopicPartition, Long> connect = ConnectRecords.positionsToConnect(positions);

        assertThat(connect)
                .containsExactly(
                        Map.entry(new org.apache.kafka.common.TopicPartition("orders", 2), 40L),
                        Map.entry(new org.apache.kafka.common.TopicPartition("orders", 0), 7L),
                        Map.entry(new org.apache.kafka.common.TopicPartition("users", 1), 0L));
        assertThat(ConnectRecords.positionsToSdk(connect)).containsExactlyEntriesOf(positions);
        TopicPartition[] partitions = positions.keySet().toArray(TopicPartition[]::new);
        assertThat(ConnectRecords.toSdk(ConnectRecords.toConnect(partitions))).containsExactly(partitions);
    }
}
