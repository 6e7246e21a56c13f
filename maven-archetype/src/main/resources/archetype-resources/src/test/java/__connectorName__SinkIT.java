package ${package};

import static io.tributary.testkit.harness.HarnessAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.harness.ConnectorHarness;
import io.tributary.testkit.harness.WithConnectorHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink connector on a worker in this JVM, reading from a real Kafka broker started for the tests. */
@WithKafka
@WithConnectorHarness(
        workerSettings = {
            "key.converter=org.apache.kafka.connect.storage.StringConverter",
            "value.converter=org.apache.kafka.connect.storage.StringConverter"
        })
class ${connectorName}SinkIT {

    @Test
    void appendsTheTopicsRecordsToTheFile(ConnectorHarness harness, KafkaCluster kafka, @TempDir Path dir) {
        String topic = kafka.createTopic("messages", 1);
        Path file = dir.resolve("out.txt");
        kafka.produce(topic, "1", "first");
        kafka.produce(topic, "2", "second");

        harness.deploy(Map.of(
                        "name",
                        "${artifactId}-sink",
                        "connector.class",
                        ${connectorName}SinkConnector.class.getName(),
                        "topics",
                        topic,
                        "file",
                        file.toString()))
                .awaitRunning();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(file).exists().hasContent("first\nsecond"));
    }
}
