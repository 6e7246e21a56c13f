package io.tributary.distribution;

import java.time.Duration;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The containers of a cluster test: one broker, reached by the workers at {@code kafka:19092} on their
 * network, and workers from the image, each advertising its network alias. Nothing is started here.
 */
final class ClusterContainers {
    static final String WORKER_IMAGE = System.getProperty("worker.image", "tributary/worker:latest");
    static final String KAFKA_IMAGE =
            System.getenv().getOrDefault("TRIBUTARY_TESTKIT_KAFKA_IMAGE", "apache/kafka:4.3.1");

    private ClusterContainers() {}

    /** @return a single-broker Kafka on the network, at {@code kafka:19092} for the workers */
    static KafkaContainer kafka(Network network) {
        return new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE).asCompatibleSubstituteFor("apache/kafka"))
                .withNetwork(network)
                .withListener("kafka:19092");
    }

    /**
     * @param network the cluster's network
     * @param name the worker's network alias, which it advertises
     * @param group its cluster: the group id, and the prefix of its three topics
     * @param settings more TRIBUTARY_* variables
     * @return a worker of the cluster, string-converted, ready once its REST API answers
     */
    static GenericContainer<?> worker(Network network, String name, String group, Map<String, String> settings) {
        GenericContainer<?> worker = new GenericContainer<>(DockerImageName.parse(WORKER_IMAGE))
                .withNetwork(network)
                .withNetworkAliases(name)
                .withEnv("TRIBUTARY_BOOTSTRAP_SERVERS", "kafka:19092")
                .withEnv("TRIBUTARY_GROUP_ID", group)
                .withEnv("TRIBUTARY_CONFIG_STORAGE_TOPIC", group + "-configs")
                .withEnv("TRIBUTARY_OFFSET_STORAGE_TOPIC", group + "-offsets")
                .withEnv("TRIBUTARY_STATUS_STORAGE_TOPIC", group + "-status")
                .withEnv("TRIBUTARY_CONFIG_STORAGE_REPLICATION_FACTOR", "1")
                .withEnv("TRIBUTARY_OFFSET_STORAGE_REPLICATION_FACTOR", "1")
                .withEnv("TRIBUTARY_STATUS_STORAGE_REPLICATION_FACTOR", "1")
                .withEnv("TRIBUTARY_REST_ADVERTISED_HOST_NAME", name)
                .withEnv("TRIBUTARY_KEY_CONVERTER", "org.apache.kafka.connect.storage.StringConverter")
                .withEnv("TRIBUTARY_VALUE_CONVERTER", "org.apache.kafka.connect.storage.StringConverter")
                .withExposedPorts(8083)
                .waitingFor(Wait.forHttp("/connectors").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)));
        settings.forEach(worker::withEnv);
        return worker;
    }
}
