package io.tributary.testkit.harness;

import io.tributary.runtime.embed.EmbeddedWorker;
import io.tributary.testkit.KafkaCluster;
import java.util.Map;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker of one test class and the cluster it runs against. Kept in the class's extension store, so
 * JUnit closes it after the class, before the cluster if the cluster is the class's own.
 */
final class HarnessWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HarnessWorker.class);

    private final String owner;
    private final KafkaCluster kafka;
    private final EmbeddedWorker worker;

    private HarnessWorker(String owner, KafkaCluster kafka, EmbeddedWorker worker) {
        this.owner = owner;
        this.kafka = kafka;
        this.worker = worker;
    }

    /**
     * @param owner the test class, for messages
     * @param kafka the cluster to run against
     * @param settings the worker's settings, without the cluster's
     * @return the started worker
     * @throws ParameterResolutionException saying why the worker did not start
     */
    static HarnessWorker start(String owner, KafkaCluster kafka, Map<String, String> settings) {
        EmbeddedWorker.Builder builder = EmbeddedWorker.builder().bootstrapServers(kafka.bootstrapServers());
        WorkerSettings.forClients(kafka.clientConfig()).forEach(builder::setting);
        settings.forEach(builder::setting);
        long started = System.nanoTime();
        EmbeddedWorker worker;
        try {
            worker = builder.start();
        } catch (RuntimeException e) {
            throw new ParameterResolutionException(
                    "The connector worker of " + owner + " did not start: " + e.getMessage()
                            + "\nCheck workerSettings of @WithConnectorHarness on " + owner,
                    e);
        }
        LOG.info(
                "Started the connector worker of {} against {} in {} ms with {}",
                owner,
                kafka.bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000,
                settings);
        return new HarnessWorker(owner, kafka, worker);
    }

    String owner() {
        return owner;
    }

    KafkaCluster kafka() {
        return kafka;
    }

    EmbeddedWorker worker() {
        return worker;
    }

    /** Stops every connector still deployed, then the worker. */
    @Override
    public void close() {
        worker.close();
        LOG.info("Stopped the connector worker of {}", owner);
    }
}
