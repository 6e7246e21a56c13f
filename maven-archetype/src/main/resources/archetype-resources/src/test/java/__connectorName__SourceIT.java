package ${package};

import static io.tributary.testkit.harness.HarnessAssertions.assertThat;
import static io.tributary.testkit.harness.HarnessAssertions.assertThatTopic;

import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.harness.ConnectorHarness;
import io.tributary.testkit.harness.DeployedConnector;
import io.tributary.testkit.harness.WithConnectorHarness;
import io.tributary.testkit.kafka.KafkaRecord;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The source connector on a worker in this JVM, writing to a real Kafka broker started for the tests. */
@WithKafka
@WithConnectorHarness(
        workerSettings = {
            "key.converter=org.apache.kafka.connect.storage.StringConverter",
            "value.converter=org.apache.kafka.connect.storage.StringConverter"
        })
class ${connectorName}SourceIT {

    @Test
    void writesMessagesToTheTopicAndResumesAfterARestart(ConnectorHarness harness, KafkaCluster kafka) {
        String topic = kafka.createTopic("messages", 1);
        DeployedConnector source = harness.deploy(Map.of(
                        "name", "${artifactId}-source",
                        "connector.class", ${connectorName}SourceConnector.class.getName(),
                        "topic", topic,
                        "batch.size", "5",
                        "poll.interval.ms", "100"))
                .awaitRunning();

        assertThatTopic(kafka, topic).hasAtLeastRecords(10).containsValues("hello 0", "hello 9");

        source.restart().awaitRunning();
        assertThat(source).isRunning();
        // After the restart the numbers go on: no number is missing.
        assertThatTopic(kafka, topic)
                .hasAtLeastRecords(20)
                .eventuallySatisfies(records -> assertThat(records)
                        .extracting(KafkaRecord::valueAsString)
                        .contains("hello 10", "hello 19"));
    }
}
