package io.tributary.connectors.file;

import static io.tributary.testkit.harness.HarnessAssertions.assertThat;
import static io.tributary.testkit.harness.HarnessAssertions.assertThatTopic;
import static org.awaitility.Awaitility.await;

import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.harness.ConnectorHarness;
import io.tributary.testkit.harness.DeployedConnector;
import io.tributary.testkit.harness.WithConnectorHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both connectors on a worker in the test JVM against a real broker, configured with Kafka Connect's
 * FileStream settings (file, topic, topics, batch.size) as an existing configuration brings them.
 */
@WithKafka
@WithConnectorHarness(
        workerSettings = {
            "key.converter=org.apache.kafka.connect.storage.StringConverter",
            "value.converter=org.apache.kafka.connect.storage.StringConverter"
        })
class FileConnectorsIT {

    @Test
    void copiesAFileThroughATopicIntoAnotherFileAndResumesAfterAWorkerRestart(
            ConnectorHarness harness, KafkaCluster kafka, @TempDir Path dir) throws IOException {
        Path input = dir.resolve("input.log");
        Path output = dir.resolve("output.log");
        String topic = kafka.createTopic("lines", 1);
        append(input, "one\ntwo\n");

        DeployedConnector source = harness.deploy(Map.of(
                        "name", "file-source",
                        "connector.class", "FileSource",
                        "file", input.toString(),
                        "topic", topic,
                        "batch.size", "100"))
                .awaitRunning();
        harness.deploy(Map.of(
                        "name",
                        "file-sink",
                        "connector.class",
                        FileSinkConnector.class.getName(),
                        "file",
                        output.toString(),
                        "topics",
                        topic))
                .awaitRunning();
        assertThatTopic(kafka, topic).hasRecordCount(2);
        awaitLines(output, "one\ntwo\n");

        harness.restartWorker();
        append(input, "three\n");
        source.awaitRunning();

        // The source goes on after "two"; the sink appends to what it wrote.
        assertThatTopic(kafka, topic)
                .settlesAtRecordCount(3, Duration.ofSeconds(2))
                .containsExactlyValues("one", "two", "three");
        awaitLines(output, "one\ntwo\nthree\n");
        assertThat(source).isRunning();
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void awaitLines(Path file, String content) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(file).exists().hasContent(content.strip()));
    }
}
