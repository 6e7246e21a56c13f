package io.tributary.testkit.kafka;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** A single-broker KRaft cluster in a container, run by Testcontainers' Kafka module. */
final class ContainerKafkaCluster extends AbstractKafkaCluster {
    private final KafkaContainer container;
    private final String image;

    private ContainerKafkaCluster(KafkaContainer container, String image) {
        this.container = container;
        this.image = image;
    }

    static ContainerKafkaCluster start(String image, java.util.Map<String, String> brokerProperties) {
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(image));
        brokerProperties.forEach((key, value) -> container.withEnv(
                "KAFKA_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), value));
        container.start();
        return new ContainerKafkaCluster(container, image);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String description() {
        return "Kafka container (" + image + ")";
    }

    @Override
    public void close() {
        super.close();
        container.stop();
    }
}
