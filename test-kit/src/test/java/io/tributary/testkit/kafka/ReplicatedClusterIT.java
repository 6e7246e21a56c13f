package io.tributary.testkit.kafka;

import static io.tributary.testkit.TestKitAssertions.assertThat;
import static io.tributary.testkit.TestKitAssertions.assertThatTopic;

import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.Provider;
import io.tributary.testkit.Waits;
import io.tributary.testkit.WithKafka;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

@WithKafka(brokers = 3, dedicated = true, provider = Provider.EMBEDDED)
class ReplicatedClusterIT {

    @Test
    void aReplicatedTopicSurvivesTheLossOfOneBroker(KafkaCluster kafka) throws Exception {
        assertThat(kafka.brokerIds()).hasSize(3);
        String topic = "replicated";
        kafka.createTopic(
                TopicSpec.named(topic).partitions(2).replicationFactor(3).config("min.insync.replicas", "2"));
        kafka.produce(topic, "k1", "before");

        int victim = leaderOfPartitionZero(kafka, topic);
        kafka.stopBroker(victim);
        Waits.until(
                "a new leader for " + topic + "-0 other than broker " + victim,
                Duration.ofSeconds(30),
                () -> leaderOfPartitionZero(kafka, topic) != victim);
        kafka.produce(topic, "k2", "after");

        assertThatTopic(kafka, topic).hasRecordCount(2).containsValues("before", "after");
        TopicPartitionInfo partition = describe(kafka, topic).partitions().get(0);
        assertThat(partition.replicas()).hasSize(3);
        assertThat(partition.isr())
                .extracting(node -> node.id())
                .doesNotContain(victim)
                .hasSize(2);
    }

    private static int leaderOfPartitionZero(KafkaCluster kafka, String topic) throws Exception {
        return describe(kafka, topic).partitions().get(0).leader().id();
    }

    private static TopicDescription describe(KafkaCluster kafka, String topic) throws Exception {
        return kafka.admin().describeTopics(Set.of(topic)).allTopicNames().get().get(topic);
    }
}
