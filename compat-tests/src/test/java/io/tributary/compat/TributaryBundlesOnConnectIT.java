package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.kafka.KafkaRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tributary connectors on Apache Kafka Connect 4.3: the Connect bundles ({@code *-connect.zip}) of the sample
 * file connectors and of the archetype's generated project, unpacked onto Connect's {@code plugin.path} as a
 * user would. Through Connect's own REST API they are listed, validated, created, run end to end, restarted,
 * stopped, their offsets read and changed, and resumed on a new worker from the offsets Connect kept.
 */
@WithKafka
class TributaryBundlesOnConnectIT {
    private static final String FILE_SOURCE = "io.tributary.connectors.file.connect.FileSourceConnector";
    private static final String FILE_SINK = "io.tributary.connectors.file.connect.FileSinkConnector";
    private static final String ACME_SOURCE = "com.example.acme.connect.AcmeSourceConnector";
    private static final String ACME_SINK = "com.example.acme.connect.AcmeSinkConnector";

    @TempDir
    static Path plugins;

    @TempDir
    Path dir;

    @BeforeAll
    static void unpackTheBundles() throws IOException {
        unpack(bundle("file.connect.bundle"), plugins);
        unpack(bundle("archetype.connect.bundle"), plugins);
    }

    private static Path bundle(String property) {
        String location = System.getProperty(property);
        assertThat(location).as("system property " + property).isNotNull();
        Path zip = Path.of(location);
        assertThat(zip)
                .as(
                        "the Connect bundle %s; ./mvnw verify builds it (the archetype's one in the archetype's own"
                                + " integration tests, which -DskipTests or -Darchetype.test.skip leave out)",
                        zip)
                .isRegularFile();
        return zip;
    }

    /** Unpacks a ZIP into a folder, as {@code unzip} would. */
    private static void unpack(Path zip, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).as(entry.getName()).isTrue();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private Workers.Worker connect(KafkaCluster kafka) {
        return Workers.connect(
                kafka.bootstrapServers(), dir.resolve("offsets.dat"), Map.of("plugin.path", plugins.toString()));
    }

    @Test
    void connectListsTheConnectorsWithTheirVersionsAndValidatesTheirSettings(KafkaCluster kafka) {
        try (Workers.Worker worker = connect(kafka)) {
            Rest rest = new Rest(worker.url());

            JsonNode listed = rest.get("connector-plugins").body();
            assertThat(StreamSupport.stream(listed.spliterator(), false)
                            .map(p -> p.path("class").asText() + " "
                                    + p.path("type").asText() + " "
                                    + p.path("version").asText())
                            .toList())
                    .contains(
                            FILE_SOURCE + " source " + System.getProperty("tributary.version"),
                            FILE_SINK + " sink " + System.getProperty("tributary.version"),
                            ACME_SOURCE + " source 1.0.0",
                            ACME_SINK + " sink 1.0.0");

            JsonNode settings =
                    rest.get("connector-plugins/FileSourceConnector/config").body();
            assertThat(StreamSupport.stream(settings.spliterator(), false)
                            .map(s -> s.path("name").asText())
                            .toList())
                    .contains("file", "topic");

            Rest.Answer invalid = rest.send(
                    "PUT",
                    "connector-plugins/AcmeSourceConnector/config/validate",
                    Map.of("connector.class", ACME_SOURCE, "name", "acme", "batch.size", "lots"));
            assertThat(invalid.status()).isEqualTo(200);
            Map<String, List<String>> errors = new LinkedHashMap<>();
            invalid.body().path("configs").forEach(config -> {
                List<String> messages = new ArrayList<>();
                config.path("value").path("errors").forEach(e -> messages.add(e.asText()));
                if (!messages.isEmpty()) {
                    errors.put(config.path("value").path("name").asText(), messages);
                }
            });
            assertThat(errors).containsKeys("topic", "batch.size");
            assertThat(invalid.body().path("error_count").asInt()).isEqualTo(errors.size());
        }
    }

    @Test
    void theFileConnectorsMoveLinesThroughKafkaAndResumeAfterRestarts(KafkaCluster kafka) throws IOException {
        Path input = Files.writeString(dir.resolve("input.txt"), "one\ntwo\nthree\n");
        Path output = dir.resolve("output.txt");
        String topic = kafka.createTopic("tributary-file-on-connect", 1);

        try (Workers.Worker worker = connect(kafka)) {
            Rest rest = new Rest(worker.url());
            create(
                    rest,
                    "file-source",
                    Map.of("connector.class", FILE_SOURCE, "file", input.toString(), "topic", topic));
            create(
                    rest,
                    "file-sink",
                    Map.of(
                            "connector.class",
                            "FileSinkConnector",
                            "file",
                            output.toString(),
                            "topics",
                            topic,
                            "format",
                            "text"));
            awaitRunning(rest, "file-source");
            awaitRunning(rest, "file-sink");
            awaitLines(output, List.of("one", "two", "three"));

            restart(rest, "file-source");
            restart(rest, "file-sink");
            Files.writeString(input, "four\n", StandardOpenOption.APPEND);
            awaitLines(output, List.of("one", "two", "three", "four"));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() ->
                            assertThat(sinkOffset(rest, "file-sink", topic)).isEqualTo(4));
            JsonNode sourceOffsets =
                    rest.get("connectors/file-source/offsets").body().path("offsets");
            assertThat(sourceOffsets).hasSize(1);
            assertThat(sourceOffsets.get(0).path("partition").toString())
                    .contains(input.getFileName().toString());
        }

        Files.writeString(input, "five\nsix\n", StandardOpenOption.APPEND);
        try (Workers.Worker worker = connect(kafka)) {
            Rest rest = new Rest(worker.url());
            create(
                    rest,
                    "file-source",
                    Map.of("connector.class", FILE_SOURCE, "file", input.toString(), "topic", topic));
            create(
                    rest,
                    "file-sink",
                    Map.of("connector.class", FILE_SINK, "file", output.toString(), "topics", topic, "format", "text"));
            awaitLines(output, List.of("one", "two", "three", "four", "five", "six"));
        }
        assertThat(kafka.readAll(topic).stream().map(KafkaRecord::valueAsString).toList())
                .as("each line once in the topic: the new worker resumed from the source offset Connect kept")
                .containsExactly("one", "two", "three", "four", "five", "six");
    }

    @Test
    void theArchetypesConnectorsRunStopResumeFromChangedOffsetsAndRestart(KafkaCluster kafka) throws IOException {
        Path output = dir.resolve("messages.txt");
        String topic = kafka.createTopic("acme-on-connect", 1);

        try (Workers.Worker worker = connect(kafka)) {
            Rest rest = new Rest(worker.url());
            create(
                    rest,
                    "acme-source",
                    Map.of(
                            "connector.class",
                            "AcmeSourceConnector",
                            "topic",
                            topic,
                            "message",
                            "hello",
                            "poll.interval.ms",
                            "50"));
            create(rest, "acme-sink", Map.of("connector.class", ACME_SINK, "topics", topic, "file", output.toString()));
            awaitRunning(rest, "acme-source");
            awaitRunning(rest, "acme-sink");
            await().atMost(Duration.ofSeconds(60)).until(() -> lines(output).size() >= 5);

            restart(rest, "acme-source");
            restart(rest, "acme-sink");
            long before = lines(output).size();
            await().atMost(Duration.ofSeconds(60)).until(() -> lines(output).size() > before + 3);

            Rest.Answer stop = rest.send("PUT", "connectors/acme-source/stop", null);
            assertThat(stop.status()).as(stop.toString()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> rest.get("connectors/acme-source/status")
                            .body()
                            .path("connector")
                            .path("state")
                            .asText()
                            .equals("STOPPED"));
            long next = rest.get("connectors/acme-source/offsets")
                    .body()
                    .path("offsets")
                    .get(0)
                    .path("offset")
                    .path("next")
                    .asLong();
            List<String> sent = kafka.readUntilCount(topic, (int) next, Duration.ofSeconds(30)).stream()
                    .map(KafkaRecord::valueAsString)
                    .toList();
            assertThat(sent)
                    .as("every message up to the committed offset, in order, once: restarts lost and repeated none")
                    .isEqualTo(LongStream.range(0, next)
                            .mapToObj(n -> "hello " + n)
                            .toList());
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(lines(output)).isEqualTo(sent));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() ->
                            assertThat(sinkOffset(rest, "acme-sink", topic)).isEqualTo(next));

            Rest.Answer altered = rest.send(
                    "PATCH",
                    "connectors/acme-source/offsets",
                    Map.of(
                            "offsets",
                            List.of(Map.of(
                                    "partition", Map.of("sequence", "messages"), "offset", Map.of("next", 1000)))));
            assertThat(altered.status()).as(altered.toString()).isEqualTo(200);
            Rest.Answer resumed = rest.send("PUT", "connectors/acme-source/resume", null);
            assertThat(resumed.status()).as(resumed.toString()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> lines(output).contains("hello 1000"));
            assertThat(lines(output).get((int) next)).isEqualTo("hello 1000");
        }
    }

    private static void create(Rest rest, String name, Map<String, String> config) {
        Rest.Answer created = rest.send("POST", "connectors", Map.of("name", name, "config", config));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private static void restart(Rest rest, String name) {
        Rest.Answer restarted = rest.send("POST", "connectors/" + name + "/restart?includeTasks=true", null);
        assertThat(restarted.status()).as(restarted.toString()).isEqualTo(202);
        awaitRunning(rest, name);
    }

    private static void awaitRunning(Rest rest, String name) {
        await().atMost(Duration.ofSeconds(60)).alias(name + " running").untilAsserted(() -> {
            JsonNode status = rest.get("connectors/" + name + "/status").body();
            assertThat(status.path("connector").path("state").asText())
                    .as(status.toString())
                    .isEqualTo("RUNNING");
            assertThat(status.path("tasks")).as(status.toString()).isNotEmpty();
            status.path("tasks")
                    .forEach(task -> assertThat(task.path("state").asText())
                            .as(status.toString())
                            .isEqualTo("RUNNING"));
        });
    }

    private static long sinkOffset(Rest rest, String name, String topic) {
        for (JsonNode offset :
                rest.get("connectors/" + name + "/offsets").body().path("offsets")) {
            if (offset.path("partition").path("kafka_topic").asText().equals(topic)) {
                return offset.path("offset").path("kafka_offset").asLong();
            }
        }
        return -1;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private static void awaitLines(Path output, List<String> expected) {
        await().atMost(Duration.ofSeconds(60))
                .alias(output + " holding " + expected)
                .untilAsserted(() -> assertThat(lines(output)).isEqualTo(expected));
    }
}
