package io.tributary.runtime.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.runtime.distributed.InternalTopics.Spec;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.WithKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** The worker's state topics: created compacted when missing, refused with reasons when unfit. */
@WithKafka
class InternalTopicsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void missingTopicsAreCreatedCompactedAndTheConfigTopicWithOnePartition(KafkaCluster kafka) throws Exception {
        String config = unique("configs");
        String offsets = unique("offsets");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            InternalTopics.ensure(
                    admin,
                    List.of(
                            new Spec(config, "config.storage.topic", 25, (short) 1, true),
                            new Spec(offsets, "offset.storage.topic", 5, (short) 1, false)),
                    TIMEOUT);

            Map<String, TopicDescription> topics = admin.describeTopics(Set.of(config, offsets))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            assertThat(topics.get(config).partitions()).hasSize(1);
            assertThat(topics.get(offsets).partitions()).hasSize(5);
            for (String topic : List.of(config, offsets)) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                assertThat(admin.describeConfigs(Set.of(resource))
                                .all()
                                .get(30, TimeUnit.SECONDS)
                                .get(resource)
                                .get("cleanup.policy")
                                .value())
                        .isEqualTo("compact");
            }
            InternalTopics.ensure(
                    admin, List.of(new Spec(config, "config.storage.topic", 1, (short) 1, true)), TIMEOUT);
        }
    }

    @Test
    void unfitTopicsAreRefusedWithEveryReason(KafkaCluster kafka) throws Exception {
        String deleting = unique("deleting");
        String spread = unique("spread");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(
                            new NewTopic(deleting, 1, (short) 1),
                            new NewTopic(spread, 3, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
                    .all()
                    .get(30, TimeUnit.SECONDS);

            assertThatThrownBy(() -> InternalTopics.ensure(
                            admin,
                            List.of(
                                    new Spec(deleting, "status.storage.topic", 5, (short) 1, false),
                                    new Spec(spread, "config.storage.topic", 1, (short) 3, true)),
                            TIMEOUT))
                    .isInstanceOf(ConfigException.class)
                    .satisfies(e -> assertThat(((ConfigException) e).problems())
                            .hasSize(3)
                            .anySatisfy(p -> assertThat(p).contains(deleting).contains("cleanup.policy=delete"))
                            .anySatisfy(p -> assertThat(p).contains(spread).contains("3 partitions"))
                            .anySatisfy(p -> assertThat(p).contains(spread).contains("replication factor 1")));
        }
    }
}
