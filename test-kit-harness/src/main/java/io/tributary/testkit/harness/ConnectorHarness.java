package io.tributary.testkit.harness;

import io.tributary.runtime.embed.EmbeddedWorker;
import io.tributary.testkit.KafkaCluster;
import java.util.List;
import java.util.Map;

/**
 * Deploys connectors onto the worker that {@link WithConnectorHarness} runs for a test class. Declare a
 * parameter of this type in a test method, a lifecycle method or a constructor:
 *
 * <pre>{@code
 * @Test
 * void copiesToAFile(ConnectorHarness harness, KafkaCluster kafka, @TempDir Path dir) {
 *     DeployedConnector sink = harness.deploy(Map.of(
 *             "name", "file-sink",
 *             "connector.class", "io.tributary.runtime.examples.DemoFileSinkConnector",
 *             "topics", topic,
 *             "file", dir.resolve("out.txt").toString()));
 *     sink.awaitRunning();
 * }
 * }</pre>
 *
 * <p>Connectors deployed through a harness are removed when the scope that received it ends: after the
 * test for parameters of test methods and {@code @BeforeEach}/{@code @AfterEach} methods, after the class
 * for {@code @BeforeAll} methods. Thread-safe.
 */
public interface ConnectorHarness {

    /**
     * Validates and starts a connector on the worker. Returns once the worker accepted it; its tasks start
     * in the background, so wait with {@link DeployedConnector#awaitRunning()} before relying on them.
     *
     * @param connectorConfig the connector's configuration, with {@code name} and {@code connector.class}
     * @return a handle on the connector
     * @throws IllegalArgumentException if the configuration has no {@code name}
     * @throws IllegalStateException if a connector of that name is deployed on the worker already
     * @throws io.tributary.sdk.errors.ConfigException listing every problem of the configuration
     */
    DeployedConnector deploy(Map<String, String> connectorConfig);

    /**
     * Restarts the class's worker as an operator restarts a standalone worker with the same offsets file
     * and connector files: the worker stops (its tasks commit what was written), a new one starts with the
     * same settings, and every connector deployed through a harness of the class and not stopped is
     * deployed again with its configuration. Source tasks resume from the offsets the old worker
     * committed. {@link DeployedConnector} handles go on working; wait with {@link
     * DeployedConnector#awaitRunning()} for the connectors to run again. A paused connector comes back
     * running. Offsets survive only when the worker keeps them in its file (the harness gives it one
     * unless {@code workerSettings} name {@code offset.storage.file.filename}).
     */
    void restartWorker();

    /** @return the connectors deployed through this harness and not stopped yet, in deployment order */
    List<DeployedConnector> deployed();

    /**
     * @return the worker the connectors run on now, shared by every test of the class; owned by the
     *     harness: do not close it, and ask again after {@link #restartWorker()}
     */
    EmbeddedWorker worker();

    /** @return the Kafka cluster the worker runs against: the one of the class's {@code @WithKafka} */
    KafkaCluster kafka();
}
