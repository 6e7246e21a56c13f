package io.tributary.runtime.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.WithKafka;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Source offsets kept in a topic: what one worker commits, another reads, in Kafka Connect's layout. */
@WithKafka
class KafkaOffsetStoreIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void offsetsCommittedByOneWorkerAreReadByAnother(KafkaCluster kafka) throws Exception {
        String topic = kafka.createTopic("offsets", 5);
        Map<String, Object> clients = Map.of("bootstrap.servers", kafka.bootstrapServers());
        Map<String, Object> fileA = Map.of("file", "a.txt");
        Map<String, Object> fileB = Map.of("file", "b.txt");
        try (KafkaOffsetStore first = new KafkaOffsetStore(topic, clients)) {
            first.start(TIMEOUT);
            Map<Map<String, Object>, Map<String, Object>> commit = new HashMap<>();
            commit.put(fileA, Map.of("position", 10L));
            commit.put(fileB, Map.of("position", 3L));
            first.commit("files", commit);
            Map<Map<String, Object>, Map<String, Object>> erase = new HashMap<>();
            erase.put(fileB, null);
            first.commit("files", erase);
            first.commit("other", Map.of(fileA, Map.of("position", 99L)));

            assertThat(first.allOffsets("files")).containsOnly(Map.entry(fileA, Map.of("position", 10L)));
        }

        try (KafkaOffsetStore second = new KafkaOffsetStore(topic, clients)) {
            second.start(TIMEOUT);

            assertThat(second.allOffsets("files")).containsOnly(Map.entry(fileA, Map.of("position", 10L)));
            assertThat(second.offsets("files", List.of(fileA, fileB)))
                    .containsOnly(Map.entry(fileA, Map.of("position", 10L)));
            assertThat(second.offsets("other", List.of(fileA))).containsEntry(fileA, Map.of("position", 99L));
        }

        List<String> keys = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (TopicLog raw = new TopicLog(topic, clients, (ConsumerRecord<String, String> r) -> keys.add(r.key()))) {
            raw.start(TIMEOUT);
            raw.readToEnd().get(30, TimeUnit.SECONDS);
        }
        assertThat(keys).as("Kafka Connect's key layout").contains("[\"files\",{\"file\":\"a.txt\"}]");
    }

    @Test
    void aReadSeesEveryOffsetCommittedBeforeItByAnyWorker(KafkaCluster kafka) {
        String topic = kafka.createTopic("offsets", 5);
        Map<String, Object> clients = Map.of("bootstrap.servers", kafka.bootstrapServers());
        // A number in a partition reads back from JSON as a Long: it must find its offset all the same.
        Map<String, Object> partition = Map.of("file", "moved.txt", "shard", 3);
        try (KafkaOffsetStore previousWorker = new KafkaOffsetStore(topic, clients);
                KafkaOffsetStore nextWorker = new KafkaOffsetStore(topic, clients)) {
            previousWorker.start(TIMEOUT);
            nextWorker.start(TIMEOUT);
            for (long position = 1; position <= 20; position++) {
                previousWorker.commit("files", Map.of(partition, Map.of("position", position)));

                assertThat(nextWorker.offsets("files", List.of(partition)))
                        .as("a task moved to the next worker resumes after the last commit of the previous one")
                        .containsEntry(partition, Map.of("position", position));
            }
        }
    }
}
