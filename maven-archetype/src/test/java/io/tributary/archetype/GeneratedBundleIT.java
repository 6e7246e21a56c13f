package io.tributary.archetype;

import static io.tributary.testkit.TestKitAssertions.assertThat;
import static io.tributary.testkit.TestKitAssertions.assertThatTopic;
import static org.awaitility.Awaitility.await;

import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.WithKafka;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector author's last step: the bundle of a project generated from the archetype (built by the
 * archetype's integration test {@code source-and-sink}), on the {@code plugin.path} of a standalone
 * worker started with {@code bin/tributary} from the unpacked distribution, with the project's own
 * worker and connector files. The source writes to a topic and the sink copies it into a file.
 */
@WithKafka
class GeneratedBundleIT {
    private static final String TOPIC = "acme-connector-messages";

    @TempDir
    static Path installed;

    private static Path home;
    private static Path project;

    @BeforeAll
    static void unpack() throws Exception {
        project = Path.of(System.getProperty("generated.project"));
        assertThat(project.resolve("target/example-acme-connector-1.0.0.zip"))
                .as("the bundle the generated project built")
                .isRegularFile();
        Path archive = Path.of(System.getProperty("distribution.archive"));
        assertThat(archive)
                .as("the distribution archive; build it first with ./mvnw package -pl distribution -am")
                .isRegularFile();
        Process tar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", installed.toString())
                .inheritIO()
                .start();
        assertThat(tar.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(tar.exitValue()).isZero();
        try (var entries = Files.list(installed)) {
            home = entries.filter(p -> p.getFileName().toString().startsWith("tributary-"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void theGeneratedConnectorsRunFromTheirBundleOnAStandaloneWorker(KafkaCluster kafka, @TempDir Path work)
            throws Exception {
        Path output = project.resolve("target/acme-connector-messages.txt");
        Files.deleteIfExists(output);
        // The project's worker file as it was generated, pointed at the test's broker.
        Path worker = work.resolve("worker.properties");
        Files.writeString(
                worker,
                Files.readString(project.resolve("config/worker.properties"))
                        + "\nbootstrap.servers=" + kafka.bootstrapServers()
                        + "\noffset.storage.file.filename=" + work.resolve("offsets.json")
                        + "\nlisteners=http://localhost:0\n");
        Path log = work.resolve("worker.log");
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/tributary").toString(),
                "standalone",
                worker.toString(),
                "config/acme-connector-source.properties",
                "config/acme-connector-sink.properties"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("CLASSPATH");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process standalone = builder.start();
        try {
            assertThatTopic(kafka, TOPIC)
                    .within(Duration.ofMinutes(2))
                    .hasAtLeastRecords(3)
                    .containsValues("hello 0", "hello 1", "hello 2");
            await().atMost(Duration.ofMinutes(1))
                    .alias("the sink wrote the topic's first messages to " + output)
                    .untilAsserted(() -> assertThat(output)
                            .as(workerLog(log))
                            .exists()
                            .content()
                            .startsWith("hello 0\nhello 1\nhello 2\n"));
        } finally {
            standalone.destroy();
            if (!standalone.waitFor(30, TimeUnit.SECONDS)) {
                standalone.destroyForcibly();
            }
        }
        assertThat(workerLog(log)).doesNotContain("ERROR");
    }

    private static String workerLog(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no worker log: " + e + ")";
        }
    }
}
