package io.tributary.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.data.Schema;
import io.tributary.sdk.sink.SinkRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Finding the bytes Kafka delivered for a record a sink task reports as errant. */
class ConsumedRecordsTest {
    private static final TopicPartition ORDERS_0 = new TopicPartition("orders", 0);
    private static final TopicPartition ORDERS_1 = new TopicPartition("orders", 1);

    private final ConsumedRecords consumed = new ConsumedRecords(10);

    /** A poll's records of one partition, at the given offsets, each valued "partition@offset". */
    private static List<ConsumerRecord<byte[], byte[]>> polled(TopicPartition partition, long... offsets) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (long offset : offsets) {
            records.add(new ConsumerRecord<>(
                    partition.topic(),
                    partition.partition(),
                    offset,
                    null,
                    (partition.partition() + "@" + offset).getBytes(StandardCharsets.UTF_8)));
        }
        return records;
    }

    private static SinkRecord delivered(TopicPartition partition, long offset) {
        return SinkRecord.builder()
                .topic(partition.topic())
                .partition(partition.partition())
                .kafkaOffset(offset)
                .value(Schema.STRING_SCHEMA, "converted")
                .build();
    }

    private static Optional<String> valueFound(Optional<ConsumerRecord<byte[], byte[]>> found) {
        return found.map(record -> new String(record.value(), StandardCharsets.UTF_8));
    }

    @Test
    void findsARecordByWhereItWasReadEvenAfterATransformationMovedIt() {
        consumed.add(ORDERS_0, polled(ORDERS_0, 4, 5, 6));
        consumed.add(ORDERS_1, polled(ORDERS_1, 4, 5));

        SinkRecord rerouted = delivered(ORDERS_1, 5).withTopic("archive").withKafkaPartition(0);

        assertThat(valueFound(consumed.find(rerouted))).contains("1@5");
        assertThat(valueFound(consumed.find(delivered(ORDERS_0, 4)))).contains("0@4");
        assertThat(consumed.find(delivered(ORDERS_0, 7))).isEmpty();
        assertThat(consumed.find(delivered(new TopicPartition("returns", 0), 4)))
                .isEmpty();
    }

    @Test
    void findsRecordsAcrossGapsInOffsetsAsInCompactedTopics() {
        consumed.add(ORDERS_0, polled(ORDERS_0, 10, 13, 14, 20));

        assertThat(valueFound(consumed.find(delivered(ORDERS_0, 14)))).contains("0@14");
        assertThat(valueFound(consumed.find(delivered(ORDERS_0, 20)))).contains("0@20");
        assertThat(consumed.find(delivered(ORDERS_0, 12))).isEmpty();
    }

    @Test
    void holdsAtMostItsCapacityLettingTheOldestGoFirst() {
        consumed.add(ORDERS_0, polled(ORDERS_0, 0, 1, 2, 3, 4, 5));
        consumed.add(ORDERS_1, polled(ORDERS_1, 0, 1, 2));
        consumed.add(ORDERS_0, polled(ORDERS_0, 6, 7, 8));

        assertThat(consumed.size()).isEqualTo(10);
        assertThat(consumed.find(delivered(ORDERS_0, 1))).isEmpty();
        assertThat(valueFound(consumed.find(delivered(ORDERS_0, 2)))).contains("0@2");
        assertThat(valueFound(consumed.find(delivered(ORDERS_1, 0)))).contains("1@0");

        consumed.add(ORDERS_1, polled(ORDERS_1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14));

        assertThat(consumed.size()).isEqualTo(10);
        assertThat(consumed.find(delivered(ORDERS_0, 8))).isEmpty();
        assertThat(consumed.find(delivered(ORDERS_1, 4))).isEmpty();
        assertThat(valueFound(consumed.find(delivered(ORDERS_1, 5)))).contains("1@5");
        assertThat(valueFound(consumed.find(delivered(ORDERS_1, 14)))).contains("1@14");
    }

    @Test
    void aCommitLetsGoOfTheRecordsBeforeTheCommittedOffsetOfItsPartitionsOnly() {
        consumed.add(ORDERS_0, polled(ORDERS_0, 0, 1, 2));
        consumed.add(ORDERS_1, polled(ORDERS_1, 0, 1));
        consumed.add(ORDERS_0, polled(ORDERS_0, 3, 4));

        consumed.committed(Map.of(ORDERS_0, 4L));

        assertThat(consumed.size()).isEqualTo(3);
        assertThat(consumed.find(delivered(ORDERS_0, 3))).isEmpty();
        assertThat(valueFound(consumed.find(delivered(ORDERS_0, 4)))).contains("0@4");
        assertThat(valueFound(consumed.find(delivered(ORDERS_1, 0)))).contains("1@0");
    }

    @Test
    void aPartitionTakenAwayIsForgotten() {
        consumed.add(ORDERS_0, polled(ORDERS_0, 0, 1));
        consumed.add(ORDERS_1, polled(ORDERS_1, 0, 1));
        consumed.add(ORDERS_0, polled(ORDERS_0, 2));

        consumed.forget(ORDERS_0);

        assertThat(consumed.size()).isEqualTo(2);
        assertThat(consumed.find(delivered(ORDERS_0, 2))).isEmpty();
        assertThat(valueFound(consumed.find(delivered(ORDERS_1, 1)))).contains("1@1");
    }
}
