package io.tributary.testkit.harness;

import io.tributary.runtime.embed.EmbeddedWorker;
import io.tributary.testkit.KafkaCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker of one test class and the cluster it runs against. Kept in the class's extension store, so
 * JUnit closes it after the class, before the cluster if the cluster is the class's own.
 *
 * <p>Source offsets go to a file of the worker's own (unless the settings name one), so that {@link
 * #restart()} starts a new worker that resumes where the old one committed, as a standalone worker
 * restarted with the same offsets file does.
 */
final class HarnessWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HarnessWorker.class);
    private static final String OFFSETS_FILE = "offset.storage.file.filename";

    private final String owner;
    private final KafkaCluster kafka;
    private final Map<String, String> settings;
    private final Path offsetsFolder;
    /** The connectors deployed through a harness and not stopped since: what a restart deploys again. */
    private final Map<String, Map<String, String>> deployed = new LinkedHashMap<>();

    private volatile EmbeddedWorker worker;

    private HarnessWorker(
            String owner, KafkaCluster kafka, Map<String, String> settings, Path offsetsFolder, EmbeddedWorker worker) {
        this.owner = owner;
        this.kafka = kafka;
        this.settings = settings;
        this.offsetsFolder = offsetsFolder;
        this.worker = worker;
    }

    /**
     * @param owner the test class, for messages
     * @param kafka the cluster to run against
     * @param requested the worker's settings, without the cluster's
     * @return the started worker
     * @throws ParameterResolutionException saying why the worker did not start
     */
    static HarnessWorker start(String owner, KafkaCluster kafka, Map<String, String> requested) {
        Map<String, String> settings = new LinkedHashMap<>(requested);
        Path offsetsFolder = null;
        if (!settings.containsKey(OFFSETS_FILE)) {
            try {
                offsetsFolder = Files.createTempDirectory("tributary-harness-");
            } catch (IOException e) {
                throw new ParameterResolutionException("No folder for the offsets of the worker of " + owner, e);
            }
            settings.put(OFFSETS_FILE, offsetsFolder.resolve("offsets.json").toString());
        }
        EmbeddedWorker worker = startWorker(owner, kafka, settings);
        return new HarnessWorker(owner, kafka, Map.copyOf(settings), offsetsFolder, worker);
    }

    private static EmbeddedWorker startWorker(String owner, KafkaCluster kafka, Map<String, String> settings) {
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
        return worker;
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

    /** Deploys a connector and remembers its configuration for {@link #restart()}. */
    synchronized void deploy(String name, Map<String, String> config) {
        worker.deploy(config);
        deployed.put(name, config);
    }

    /** Forgets a connector that was stopped. */
    synchronized void forget(String name) {
        deployed.remove(name);
    }

    /**
     * Stops the worker, which commits what its tasks finished, starts a new one with the same settings and
     * offsets, and deploys again every connector deployed through a harness and not stopped.
     */
    synchronized void restart() {
        LOG.info("Restarting the connector worker of {} with connectors {}", owner, deployed.keySet());
        worker.close();
        worker = startWorker(owner, kafka, settings);
        for (Map<String, String> config : deployed.values()) {
            worker.deploy(config);
        }
    }

    /** Stops every connector still deployed, then the worker. */
    @Override
    public void close() {
        worker.close();
        LOG.info("Stopped the connector worker of {}", owner);
        if (offsetsFolder != null) {
            try (Stream<Path> files = Files.walk(offsetsFolder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                LOG.debug("Could not delete {}", offsetsFolder, e);
            }
        }
    }
}
