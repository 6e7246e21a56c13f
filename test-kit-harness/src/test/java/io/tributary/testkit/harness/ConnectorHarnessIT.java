package io.tributary.testkit.harness;

import static io.tributary.testkit.harness.HarnessAssertions.assertThat;
import static io.tributary.testkit.harness.HarnessAssertions.assertThatThrownBy;
import static io.tributary.testkit.harness.HarnessAssertions.assertThatTopic;

import io.tributary.runtime.embed.ConnectorStatus.State;
import io.tributary.runtime.examples.DemoFileSinkConnector;
import io.tributary.runtime.examples.DemoSourceConnector;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.Waits;
import io.tributary.testkit.WithKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithKafka
@WithConnectorHarness(
        workerSettings = {
            "key.converter=org.apache.kafka.connect.storage.StringConverter",
            "value.converter=org.apache.kafka.connect.storage.StringConverter"
        })
class ConnectorHarnessIT {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static Map<String, String> source(String name, String topic, int count, int intervalMs) {
        return Map.of(
                "name", name,
                "connector.class", DemoSourceConnector.class.getName(),
                "topic", topic,
                "count", Integer.toString(count),
                "interval.ms", Integer.toString(intervalMs));
    }

    private static Map<String, String> fileSink(String name, String topic, Path file) {
        return Map.of(
                "name",
                name,
                "connector.class",
                DemoFileSinkConnector.class.getName(),
                "topics",
                topic,
                "file",
                file.toString());
    }

    private static List<String> greetings(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> "hello from Tributary, record " + n + " of " + count)
                .toList();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aDeployedSourceRunsAndFillsItsTopic(ConnectorHarness harness, KafkaCluster kafka) {
        String topic = kafka.createTopic("greetings", 1);

        DeployedConnector source =
                harness.deploy(source("greetings-source", topic, 5, 10)).awaitRunning();

        assertThatTopic(kafka, topic)
                .within(DEADLINE)
                .hasRecordCount(5)
                .containsExactlyValues(greetings(5).toArray(String[]::new));
        assertThat(source).isRunning().hasTaskCount(1).hasTaskInState(0, State.RUNNING);
        assertThat(source.status().type()).isEqualTo("source");
        assertThat(harness.deployed()).containsExactly(source);
        assertThat(harness.kafka().bootstrapServers()).isEqualTo(kafka.bootstrapServers());
    }

    @Test
    void aSinkAppendsWhatTheSourceWroteToAFile(ConnectorHarness harness, KafkaCluster kafka, @TempDir Path dir) {
        String topic = kafka.createTopic("to-file", 1);
        Path file = dir.resolve("greetings.txt");

        harness.deploy(source("to-file-source", topic, 3, 10)).awaitRunning();
        DeployedConnector sink =
                harness.deploy(fileSink("to-file-sink", topic, file)).awaitRunning();

        Waits.untilAsserted(
                "the sink's file to hold the 3 greetings",
                DEADLINE,
                () -> assertThat(lines(file)).containsExactlyElementsOf(greetings(3)));
        assertThat(sink).isRunning();
        assertThat(sink.status().type()).isEqualTo("sink");
    }

    @Test
    void aSinkThatCannotOpenItsFileShowsTheFailedTaskWithItsTraceAndRunsOnceFixedAndRestarted(
            ConnectorHarness harness, KafkaCluster kafka, @TempDir Path dir) throws IOException {
        String topic = kafka.createTopic("blocked", 1);
        kafka.produce(topic, "k1", "first");
        kafka.produce(topic, "k2", "second");
        Path blocked = Files.createDirectory(dir.resolve("out.txt"));

        DeployedConnector sink = harness.deploy(fileSink("blocked-sink", topic, blocked));

        assertThat(sink)
                .eventually()
                .hasFailedTask(0)
                .taskTraceContains(0, "Cannot open " + blocked + " for appending");
        long started = System.nanoTime();
        assertThatThrownBy(() -> sink.awaitRunning(Duration.ofMinutes(2)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected connector 'blocked-sink' to be RUNNING within PT2M but was FAILED:"
                        + " task 0: io.tributary.sdk.errors.TributaryException: Cannot open " + blocked)
                .hasMessageContaining("[connector RUNNING, task 0 FAILED]");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("a failed task ends the wait for RUNNING at once")
                .isLessThan(Duration.ofSeconds(30));
        assertThatThrownBy(() -> assertThat(sink).within(Duration.ofSeconds(5)).isRunning())
                .hasMessageStartingWith(
                        "Expected connector 'blocked-sink' to be RUNNING within PT5S but was FAILED:" + " task 0: ");
        assertThatThrownBy(() -> assertThat(sink).hasTaskInState(0, State.RUNNING))
                .hasMessageStartingWith("Expected task 0 of connector 'blocked-sink' to be RUNNING but was FAILED: ");

        Files.delete(blocked);
        sink.restart().awaitRunning();

        Waits.untilAsserted(
                "the restarted sink to write the topic's values",
                DEADLINE,
                () -> assertThat(lines(blocked)).containsExactly("first", "second"));
    }

    @Test
    void aPausedSourceReportsPausedAndMovesOnWhenResumed(ConnectorHarness harness, KafkaCluster kafka) {
        String topic = kafka.createTopic("paused", 1);
        DeployedConnector source =
                harness.deploy(source("paused-source", topic, 10_000, 20)).awaitRunning();
        assertThatTopic(kafka, topic).within(DEADLINE).hasAtLeastRecords(3);

        source.pause().awaitTaskState(0, State.PAUSED, DEADLINE);
        assertThat(source).isPaused();

        source.resume().awaitRunning();
        int beforeResume = kafka.readAll(topic).size();
        assertThatTopic(kafka, topic).within(DEADLINE).hasAtLeastRecords(beforeResume + 3);
        assertThat(source).isRunning();
    }

    @Test
    void stopRemovesTheConnectorAndFreesItsName(ConnectorHarness harness, KafkaCluster kafka) {
        String topic = kafka.createTopic("stopped", 1);
        DeployedConnector source =
                harness.deploy(source("stopped-source", topic, 10_000, 20)).awaitRunning();

        source.stop();

        assertThat(source).isNotDeployed();
        assertThat(source.isDeployed()).isFalse();
        assertThat(harness.worker().connectors()).doesNotContain("stopped-source");
        assertThat(harness.worker().status("stopped-source")).isEmpty();
        assertThat(harness.deployed()).isEmpty();
        assertThatThrownBy(source::pause)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot pause connector 'stopped-source': it is not deployed any more");
        assertThatThrownBy(() -> assertThat(source).isRunning())
                .hasMessageStartingWith("Expected connector 'stopped-source' to be RUNNING but was not deployed");

        DeployedConnector again =
                harness.deploy(source("stopped-source", topic, 1, 10)).awaitRunning();
        assertThat(again).isRunning();
    }

    @Test
    void aSecondConnectorOfTheSameNameIsRefusedWithWhatToChange(ConnectorHarness harness, KafkaCluster kafka) {
        String topic = kafka.createTopic("twice", 1);
        harness.deploy(source("twice-source", topic, 1, 10));

        assertThatThrownBy(() -> harness.deploy(source("twice-source", topic, 1, 10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Connector 'twice-source' is deployed on the worker of ConnectorHarnessIT"
                        + " already; stop() it first, or give this one another name");
    }

    /** A connector of the test sources that no service file lists. */
    public static class UnlistedSourceConnector extends DemoSourceConnector {}

    /** A connector that fails to start, listed in the test resources' service file. */
    public static class FailingStartSourceConnector extends DemoSourceConnector {
        @Override
        public void start(io.tributary.sdk.source.SourceConnectorContext context) {
            throw new IllegalStateException("the test's connector fails to start on purpose");
        }
    }

    @Test
    void aConnectorTraceAssertionEndsAtOnceWhenTheConnectorFailedWithAnotherTrace(ConnectorHarness harness) {
        DeployedConnector failing = harness.deploy(Map.of(
                "name", "failing-start",
                "connector.class", FailingStartSourceConnector.class.getName(),
                "topic", "unused"));
        assertThat(failing).eventually().connectorTraceContains("fails to start on purpose");

        long started = System.nanoTime();
        assertThatThrownBy(() ->
                        assertThat(failing).within(Duration.ofMinutes(2)).connectorTraceContains("another reason"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("\"another reason\"");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("a connector that failed stays failed until restarted: the wait ends at once")
                .isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aConnectorOfTheTestSourcesThatNoServiceFileListsGetsTheFileToWrite(ConnectorHarness harness) {
        String unlisted = UnlistedSourceConnector.class.getName();

        assertThatThrownBy(() -> harness.deploy(Map.of("name", "unlisted", "connector.class", unlisted)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Plugin class '" + unlisted + "' is on the worker's class path, but no service"
                        + " file lists it")
                .hasMessageContaining("Write a file META-INF/services/io.tributary.sdk.source.SourceConnector holding"
                        + " the line " + unlisted + " beside the class: in src/test/resources/");
    }

    @Test
    void aConfigurationWithoutANameOrWithInvalidSettingsIsRefused(ConnectorHarness harness) {
        assertThatThrownBy(() -> harness.deploy(Map.of("connector.class", DemoSourceConnector.class.getName())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("A connector configuration needs a \"name\"");
        assertThatThrownBy(() -> harness.deploy(
                        Map.of("name", "no-topic", "connector.class", DemoSourceConnector.class.getName())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("topic");
        assertThat(harness.deployed()).isEmpty();
    }
}
