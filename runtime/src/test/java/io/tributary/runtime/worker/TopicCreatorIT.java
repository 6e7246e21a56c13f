package io.tributary.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.tributary.sdk.errors.TributaryException;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.Waits;
import io.tributary.testkit.WithKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.clients.admin.ForwardingAdmin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicCollection;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WithKafka
class TopicCreatorIT {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final KafkaCluster kafka;
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private CountingAdmin admin;

    TopicCreatorIT(KafkaCluster kafka) {
        this.kafka = kafka;
    }

    @BeforeEach
    void openAdmin() {
        admin = new CountingAdmin(kafka.clientConfig());
    }

    @AfterEach
    void closeAdmin() {
        admin.close(Duration.ofSeconds(5));
    }

    /** The cluster is shared, so every setting and topic of a test carries the test's id. */
    private Map<String, String> connector(String... keysAndValues) {
        Map<String, String> config = new HashMap<>();
        config.put("name", "source-" + id);
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", "2");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }

    private TopicCreator creator(Map<String, String> connectorConfig) {
        return new TopicCreator(TopicCreationConfig.parse(connectorConfig), true, admin);
    }

    private TopicDescription described(String topic) {
        return Waits.forValue("topic '" + topic + "' to be described", DEADLINE, () -> {
            try {
                return kafka.admin()
                        .describeTopics(List.of(topic))
                        .allTopicNames()
                        .get()
                        .get(topic);
            } catch (Exception e) {
                return null;
            }
        });
    }

    private Config topicConfig(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return kafka.admin().describeConfigs(List.of(resource)).all().get().get(resource);
    }

    private boolean exists(String topic) throws Exception {
        return kafka.admin().listTopics().names().get().contains(topic);
    }

    @Test
    void createsAMissingTopicWithItsGroupsPartitionsAndTopicConfigs() throws Exception {
        String topic = "users-" + id;
        TopicCreator creator = creator(connector(
                "topic.creation.groups", "compacted",
                "topic.creation.default.compression.type", "lz4",
                "topic.creation.compacted.include", "users-.*",
                "topic.creation.compacted.partitions", "3",
                "topic.creation.compacted.cleanup.policy", "compact",
                "topic.creation.compacted.min.compaction.lag.ms", "60000"));

        creator.ensureTopic(topic);

        TopicDescription description = described(topic);
        assertThat(description.partitions()).hasSize(3);
        assertThat(description.partitions())
                .allSatisfy(p -> assertThat(p.replicas()).hasSize(1));
        Config config = topicConfig(topic);
        assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(config.get("min.compaction.lag.ms").value()).isEqualTo("60000");
        assertThat(config.get("compression.type").value())
                .as("a listed group does not take the default group's topic configs")
                .isEqualTo("producer");
        assertThat(admin.describeCalls()).isEqualTo(1);
        assertThat(admin.createCalls()).isEqualTo(1);
    }

    @Test
    void createsATopicNoListedGroupTakesWithTheDefaultGroupsSettings() throws Exception {
        String topic = "orders-" + id;
        TopicCreator creator = creator(connector(
                "topic.creation.groups", "compacted",
                "topic.creation.default.replication.factor", "-1",
                "topic.creation.default.retention.ms", "3600000",
                "topic.creation.compacted.include", "users-.*",
                "topic.creation.compacted.partitions", "3"));

        creator.ensureTopic(topic);

        TopicDescription description = described(topic);
        assertThat(description.partitions()).hasSize(2);
        assertThat(description.partitions())
                .as("replication factor -1 is the broker's default, 1 on this single broker")
                .allSatisfy(p -> assertThat(p.replicas()).hasSize(1));
        assertThat(topicConfig(topic).get("retention.ms").value()).isEqualTo("3600000");
    }

    @Test
    void aTopicItCreatedTakesEveryRecordOfAnIdempotentProducerAtOnce() throws Exception {
        // Before the creator waited for every partition to be served, about one new topic in three took
        // the runtime's producer (idempotent, five requests in flight) into retrying a refused first batch
        // forever: the task hung without an error. Several topics make that show.
        Map<String, String> connectorConfig = connector("topic.creation.default.partitions", "6");
        ClientConfigs clients =
                new ClientConfigs(new WorkerConfig(Map.of("bootstrap.servers", kafka.bootstrapServers())));
        int records = 60_000;
        for (int round = 0; round < 8; round++) {
            String topic = "fresh-" + id + "-" + round;
            creator(connectorConfig).ensureTopic(topic);
            AtomicInteger acknowledged = new AtomicInteger();
            try (KafkaProducer<byte[], byte[]> producer =
                    new KafkaProducer<>(clients.producer("source-" + id, connectorConfig, "source-" + id + "-0"))) {
                for (int i = 0; i < records; i++) {
                    producer.send(new ProducerRecord<>(topic, i % 6, null, new byte[100]), (metadata, error) -> {
                        if (error == null) {
                            acknowledged.incrementAndGet();
                        }
                    });
                }
                Waits.until(
                        "all " + records + " records to new topic '" + topic + "' acknowledged",
                        Duration.ofSeconds(20),
                        () -> acknowledged.get() == records);
                producer.close(Duration.ZERO);
            }
        }
    }

    @Test
    void leavesAnExistingTopicAsItIs() throws Exception {
        String topic = kafka.createTopic("users-" + id, 1);
        TopicCreator creator = creator(connector(
                "topic.creation.groups", "compacted",
                "topic.creation.compacted.include", "users-.*",
                "topic.creation.compacted.partitions", "5",
                "topic.creation.compacted.cleanup.policy", "compact"));

        creator.ensureTopic(topic);

        assertThat(described(topic).partitions()).hasSize(1);
        assertThat(topicConfig(topic).get("cleanup.policy").value()).isEqualTo("delete");
        assertThat(admin.describeCalls()).isEqualTo(1);
        assertThat(admin.createCalls()).isZero();
    }

    @Test
    void asksTheClusterOnlyOnceForATopic() throws Exception {
        String created = "orders-" + id;
        String existing = kafka.createTopic("existing-" + id, 1);
        TopicCreator creator = creator(connector());

        creator.ensureTopic(created);
        creator.ensureTopic(existing);
        int describes = admin.describeCalls();
        int creates = admin.createCalls();
        creator.ensureTopic(created);
        creator.ensureTopic(existing);
        creator.ensureTopic(created);

        assertThat(describes).isEqualTo(2);
        assertThat(creates).isEqualTo(1);
        assertThat(admin.describeCalls()).isEqualTo(describes);
        assertThat(admin.createCalls()).isEqualTo(creates);
    }

    @Test
    void createsATopicOnceWhenSeveralTasksSendToItAtTheSameTime() throws Exception {
        String topic = "orders-" + id;
        TopicCreator creator = creator(connector());
        ExecutorService tasks = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> {
                    creator.ensureTopic(topic);
                    return null;
                });
            }
            for (Future<Void> call : tasks.invokeAll(calls)) {
                call.get();
            }
        } finally {
            tasks.shutdownNow();
        }

        assertThat(described(topic).partitions()).hasSize(2);
        assertThat(admin.describeCalls()).isEqualTo(1);
        assertThat(admin.createCalls()).isEqualTo(1);
    }

    @Test
    void createsNothingWhenTheWorkerOrTheConnectorLeavesCreationOff() throws Exception {
        String topic = "orders-" + id;
        TopicCreator workerOff = new TopicCreator(TopicCreationConfig.parse(connector()), false, admin);
        TopicCreator connectorOff = creator(Map.of("name", "source-" + id));

        workerOff.ensureTopic(topic);
        connectorOff.ensureTopic(topic);

        assertThat(workerOff.enabled()).isFalse();
        assertThat(connectorOff.enabled()).isFalse();
        assertThat(admin.describeCalls()).isZero();
        assertThat(admin.createCalls()).isZero();
        assertThat(exists(topic)).isFalse();
    }

    @Test
    void saysWhichGroupFailedWhenTheClusterRefusesTheTopicAndTriesAgainNextTime() throws Exception {
        String topic = "replicated-" + id;
        TopicCreator creator = creator(connector(
                "topic.creation.groups", "replicated",
                "topic.creation.replicated.include", "replicated-.*",
                "topic.creation.replicated.replication.factor", "3"));

        assertThatExceptionOfType(TributaryException.class)
                .isThrownBy(() -> creator.ensureTopic(topic))
                .withCauseInstanceOf(InvalidReplicationFactorException.class)
                .withMessageStartingWith("Could not create topic '" + topic + "' with topic creation group"
                        + " 'replicated' (partitions 2, replication factor 3, topic configs {}): ")
                .withMessageEndingWith(". Fix the group's settings (topic.creation.replicated.*), let the"
                        + " connector's principal create topics, or create the topic yourself");
        assertThatExceptionOfType(TributaryException.class).isThrownBy(() -> creator.ensureTopic(topic));
        assertThat(admin.createCalls()).isEqualTo(2);
        assertThat(exists(topic)).isFalse();
    }

    /**
     * An admin client of its own that counts the calls {@link TopicCreator} makes; Kafka's {@link
     * ForwardingAdmin} passes every call on, so only the counted ones are overridden.
     */
    private static final class CountingAdmin extends ForwardingAdmin {
        private final AtomicInteger describeCalls = new AtomicInteger();
        private final AtomicInteger createCalls = new AtomicInteger();

        CountingAdmin(Map<String, Object> config) {
            super(config);
        }

        @Override
        public DescribeTopicsResult describeTopics(TopicCollection topics, DescribeTopicsOptions options) {
            describeCalls.incrementAndGet();
            return super.describeTopics(topics, options);
        }

        @Override
        public CreateTopicsResult createTopics(Collection<NewTopic> topics, CreateTopicsOptions options) {
            createCalls.incrementAndGet();
            return super.createTopics(topics, options);
        }

        int describeCalls() {
            return describeCalls.get();
        }

        int createCalls() {
            return createCalls.get();
        }
    }
}
