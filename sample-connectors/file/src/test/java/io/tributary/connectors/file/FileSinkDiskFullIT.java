package io.tributary.connectors.file;

import static io.tributary.testkit.harness.HarnessAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.harness.ConnectorHarness;
import io.tributary.testkit.harness.DeployedConnector;
import io.tributary.testkit.harness.WithConnectorHarness;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink on a full disk: a 64 KiB tmpfs, filled up. The batch that does not fit is cut off again and
 * retried, the task stays RUNNING, the file never holds part of a batch, and once there is room every
 * record arrives, once. Skipped, with the reason, where tmpfs cannot be mounted (it needs root).
 */
@WithKafka
@WithConnectorHarness(
        workerSettings = {
            "key.converter=org.apache.kafka.connect.storage.StringConverter",
            "value.converter=org.apache.kafka.connect.storage.StringConverter"
        })
class FileSinkDiskFullIT {
    @TempDir
    Path dir;

    private Path disk;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        disk = Files.createDirectories(dir.resolve("disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(mount.getInputStream().readAllBytes());
        Assumptions.assumeTrue(
                mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0,
                "Cannot mount a small tmpfs here (it needs root): " + output.strip());
    }

    /** Lazily: a connector left deployed by a failed test still holds its file until the harness removes it. */
    @AfterEach
    void unmount() throws Exception {
        new ProcessBuilder("umount", "-l", disk.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void aBatchThatDoesNotFitIsRetriedWholeUntilThereIsRoom(ConnectorHarness harness, KafkaCluster kafka)
            throws IOException {
        Path filler = disk.resolve("filler");
        fill(filler);
        Path out = disk.resolve("out.txt");
        String topic = kafka.createTopic("full", 1);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String line = "record " + i + " with some text to take up room on the disk";
            expected.add(line);
            kafka.produce(topic, Integer.toString(i), line);
        }

        DeployedConnector sink = harness.deploy(Map.of(
                        "name",
                        "full-disk-sink",
                        "connector.class",
                        FileSinkConnector.class.getName(),
                        "topics",
                        topic,
                        "file",
                        out.toString()))
                .awaitRunning();
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .alias("the sink keeps retrying, with no part of the batch in the file")
                .until(() -> sink.status().isRunning() && (!Files.exists(out) || Files.size(out) == 0));

        Files.delete(filler);

        await().atMost(Duration.ofSeconds(30))
                .alias("every record in the file once there is room")
                .untilAsserted(() -> assertThat(Files.readAllLines(out)).containsExactlyElementsOf(expected));
        assertThat(sink).isRunning();
        sink.stop(); // closes the file, so the disk can be unmounted
    }

    /** Writes until the disk is full, then gives back less room than the records need. */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
                written += block.length;
            }
        } catch (IOException full) {
            // The disk is full.
        }
        try (var channel = java.nio.channels.FileChannel.open(filler, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(Math.max(0, written - 8192)); // two pages: part of the batch fits
        }
    }
}
