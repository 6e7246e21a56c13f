package io.tributary.testkit.kafka;

import static io.tributary.testkit.TestKitAssertions.assertThat;
import static io.tributary.testkit.TestKitAssertions.assertThatThrownBy;
import static io.tributary.testkit.TestKitAssertions.assertThatTopic;

import io.tributary.sdk.connector.TopicPartition;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.WithKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

@WithKafka
class EmbeddedKafkaIT {

    @Test
    void aSettledCountPassesWhenNothingMoreArrivesAndShowsTheExtraRecordsOtherwise(KafkaCluster kafka) {
        String topic = kafka.createTopic("settled", 1);
        kafka.produce(topic, "k", "a");
        kafka.produce(topic, "k", "b");

        assertThatTopic(kafka, topic).settlesAtRecordCount(2, Duration.ofMillis(300));
        kafka.produce(topic, "k", "c");
        assertThatThrownBy(() -> assertThatTopic(kafka, topic)
                        .within(Duration.ofSeconds(5))
                        .settlesAtRecordCount(2, Duration.ofMillis(300)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected topic '" + topic + "' to have 2 records within PT5S but was 3 records")
                .hasMessageContaining("value=c");
    }

    @Test
    void recordsRoundTripWithKeysValuesAndHeaders(KafkaCluster kafka) {
        String topic = kafka.createTopic("round-trip", 3);

        kafka.produce(topic, 0, bytes("k1"), bytes("v1"), Map.of("source", "test"));
        kafka.produce(topic, "k2", "v2");
        kafka.produce(topic, "k3", null);

        List<KafkaRecord> records = kafka.readAll(topic);
        assertThat(records).extracting(KafkaRecord::keyAsString).containsExactlyInAnyOrder("k1", "k2", "k3");
        assertThat(records)
                .filteredOn(r -> "k1".equals(r.keyAsString()))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.partition()).isZero();
                    assertThat(r.valueAsString()).isEqualTo("v1");
                    assertThat(r.header("source")).contains("test");
                });
        assertThat(records)
                .filteredOn(r -> "k3".equals(r.keyAsString()))
                .singleElement()
                .satisfies(r -> assertThat(r.value()).isNull());
        assertThat(kafka.description()).isEqualTo("embedded KRaft cluster (1 broker)");
    }

    @Test
    void topicAssertionsWaitForRecordsAndShowWhatTheySawOnFailure(KafkaCluster kafka) {
        String topic = kafka.createTopic("assertions", 1);
        for (String value : List.of("a", "b", "c")) {
            kafka.produce(topic, value.toUpperCase(), value);
        }

        assertThatTopic(kafka, topic)
                .hasRecordCount(3)
                .containsExactlyValues("a", "b", "c")
                .containsKeys("A", "C")
                .hasValuesInOrderPerPartition("a", "b", "c");
        assertThatThrownBy(() -> assertThatTopic(kafka, topic)
                        .within(Duration.ofMillis(500))
                        .hasRecordCount(4))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "Expected topic '" + topic + "' to have 4 records within PT0.5S but was 3 records:")
                .hasMessageContaining("value=b");
    }

    @Test
    void readersWaitForRecordsThatArriveLater(KafkaCluster kafka) {
        String topic = "later-" + UUID.randomUUID();
        try (TopicReader reader = kafka.reader(topic)) {
            assertThat(reader.readUntil(r -> !r.isEmpty(), Duration.ofMillis(300)))
                    .isFalse();

            kafka.createTopic(io.tributary.testkit.kafka.TopicSpec.named(topic).partitions(2));
            kafka.produce(topic, "k", "late");

            assertThat(reader.readUntil(r -> r.size() == 1, Duration.ofSeconds(20)))
                    .isTrue();
            assertThat(reader.records()).extracting(KafkaRecord::valueAsString).containsExactly("late");
        }
    }

    @Test
    void committedOffsetsOfAConsumerGroupAreVisible(KafkaCluster kafka) {
        String topic = kafka.createTopic("offsets", 1);
        kafka.produce(topic, "k", "1");
        kafka.produce(topic, "k", "2");
        String group = "group-" + UUID.randomUUID();
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);

        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            int read = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read < 2 && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            consumer.commitSync();
        }

        assertThat(kafka.committedOffsets(group)).containsEntry(new TopicPartition(topic, 0), 2L);
    }

    @Test
    void theSharedClusterIsTheSameInstanceForEveryTest(KafkaCluster kafka, KafkaCluster again) {
        assertThat(again).isSameAs(kafka);
        assertThat(kafka.brokerIds()).hasSize(1);
        assertThatThrownBy(() -> kafka.stopBroker(kafka.brokerIds().get(0)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("dedicated = true");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
