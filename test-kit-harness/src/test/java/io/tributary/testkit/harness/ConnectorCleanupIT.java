package io.tributary.testkit.harness;

import static io.tributary.testkit.harness.HarnessAssertions.assertThat;

import io.tributary.runtime.embed.EmbeddedWorker;
import io.tributary.runtime.examples.DemoSourceConnector;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.WithKafka;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** What one test leaves deployed is gone in the next, on the same worker. */
@WithKafka
@WithConnectorHarness
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectorCleanupIT {
    private static final String NAME = "left-deployed";
    private static EmbeddedWorker workerOfTheFirstTest;

    private static Map<String, String> source(KafkaCluster kafka) {
        return Map.of(
                "name",
                NAME,
                "connector.class",
                DemoSourceConnector.class.getName(),
                "topic",
                kafka.createTopic("left", 1),
                "count",
                "10000",
                "interval.ms",
                "50");
    }

    @Test
    @Order(1)
    void leavesAConnectorDeployed(ConnectorHarness harness, KafkaCluster kafka) {
        workerOfTheFirstTest = harness.worker();
        harness.deploy(source(kafka)).awaitRunning();
    }

    @Test
    @Order(2)
    void findsItRemovedAndItsNameFreeOnTheSameWorker(ConnectorHarness harness, KafkaCluster kafka) {
        assertThat(harness.worker()).isSameAs(workerOfTheFirstTest);
        assertThat(harness.worker().connectors()).doesNotContain(NAME);

        assertThat(harness.deploy(source(kafka)).awaitRunning()).isRunning();
    }
}
