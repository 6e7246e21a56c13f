package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.WithKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache Kafka's own file connectors, {@code connect-file} 4.3 from Maven Central, on the Tributary worker
 * from {@code plugin.path}, as a folder that Kafka Connect would load: listed with their version, moving
 * lines from a file through a topic into another file, and resuming after a restart without loss or
 * duplicates.
 */
@WithKafka
class ConnectFilePluginsIT {
    private static final Path PLUGINS = Path.of(System.getProperty("connect.plugins", "target/connect-plugins"));
    private static final String SOURCE = "org.apache.kafka.connect.file.FileStreamSourceConnector";
    private static final String SINK = "org.apache.kafka.connect.file.FileStreamSinkConnector";

    @TempDir
    Path dir;

    private Workers.Worker start(KafkaCluster kafka) {
        return Workers.tributary(
                kafka.bootstrapServers(), dir.resolve("offsets.json"), Map.of("plugin.path", PLUGINS.toString()));
    }

    @Test
    void theFileConnectorsAreListedWithTheirVersionAndTheirConfig(KafkaCluster kafka) {
        try (Workers.Worker worker = start(kafka)) {
            Rest rest = new Rest(worker.url());

            JsonNode plugins = rest.get("connector-plugins").body();
            assertThat(StreamSupport.stream(plugins.spliterator(), false)
                            .map(p -> p.path("class").asText() + " "
                                    + p.path("type").asText() + " "
                                    + p.path("version").asText())
                            .toList())
                    .contains(SOURCE + " source 4.3.1", SINK + " sink 4.3.1");

            JsonNode config =
                    rest.get("connector-plugins/FileStreamSink/config").body();
            assertThat(StreamSupport.stream(config.spliterator(), false)
                            .map(key -> key.path("name").asText())
                            .toList())
                    .contains("file");
        }
    }

    @Test
    void linesGoFromAFileThroughKafkaIntoAFileAndResumeAfterARestart(KafkaCluster kafka) throws IOException {
        Path input = Files.writeString(dir.resolve("input.txt"), "one\ntwo\nthree\n");
        Path output = dir.resolve("output.txt");
        String topic = kafka.createTopic("connect-file-lines", 1);

        try (Workers.Worker worker = start(kafka)) {
            deploy(new Rest(worker.url()), input, output, topic);
            awaitLines(output, List.of("one", "two", "three"));
        }

        Files.writeString(input, "four\nfive\n", java.nio.file.StandardOpenOption.APPEND);
        try (Workers.Worker worker = start(kafka)) {
            deploy(new Rest(worker.url()), input, output, topic);
            awaitLines(output, List.of("one", "two", "three", "four", "five"));
        }
    }

    private static void deploy(Rest rest, Path input, Path output, String topic) {
        Rest.Answer source = rest.send(
                "POST",
                "connectors",
                Map.of(
                        "name",
                        "file-source",
                        "config",
                        Map.of("connector.class", "FileStreamSource", "file", input.toString(), "topic", topic)));
        assertThat(source.status()).as(source.toString()).isEqualTo(201);
        Rest.Answer sink = rest.send(
                "POST",
                "connectors",
                Map.of(
                        "name",
                        "file-sink",
                        "config",
                        Map.of("connector.class", SINK, "file", output.toString(), "topics", topic)));
        assertThat(sink.status()).as(sink.toString()).isEqualTo(201);
    }

    private static void awaitLines(Path output, List<String> expected) {
        await().atMost(Duration.ofSeconds(60))
                .alias(output + " holding " + expected)
                .untilAsserted(() -> assertThat(Files.exists(output) ? Files.readAllLines(output) : List.of())
                        .isEqualTo(expected));
    }
}
