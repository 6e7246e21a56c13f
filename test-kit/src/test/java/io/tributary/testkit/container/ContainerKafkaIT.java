package io.tributary.testkit.container;

import static io.tributary.testkit.TestKitAssertions.assertThat;
import static io.tributary.testkit.TestKitAssertions.assertThatTopic;

import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.Provider;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.kafka.KafkaRecord;
import org.junit.jupiter.api.Test;

/** The container provider against the Kafka image; skipped with a message when Docker or the image is missing. */
@WithKafka(provider = Provider.CONTAINER)
class ContainerKafkaIT {

    @Test
    void recordsRoundTripThroughTheContainer(KafkaCluster kafka) {
        String topic = kafka.createTopic("container-round-trip", 2);
        kafka.produce(topic, "k1", "v1");
        kafka.produce(topic, "k2", "v2");

        assertThatTopic(kafka, topic).hasRecordCount(2).containsValues("v1", "v2");
        assertThat(kafka.readAll(topic)).extracting(KafkaRecord::keyAsString).containsExactlyInAnyOrder("k1", "k2");
        assertThat(kafka.description()).startsWith("Kafka container (");
        System.out.println("Container provider ran: " + kafka);
    }
}
