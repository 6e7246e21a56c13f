package io.tributary.testkit.harness;

import io.tributary.runtime.embed.EmbeddedWorker;
import io.tributary.testkit.KafkaCluster;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harness one scope (a test, or a class's {@code @BeforeAll}) receives: it deploys onto the class's
 * worker and remembers what it deployed, so JUnit's closing of the scope's store removes those connectors.
 */
final class ScopedHarness implements ConnectorHarness, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScopedHarness.class);

    private final HarnessWorker worker;
    private final String scope;
    private final List<DeployedConnector> deployed = new CopyOnWriteArrayList<>();

    /**
     * @param worker the class's worker
     * @param scope the test or class this harness serves, for logs
     */
    ScopedHarness(HarnessWorker worker, String scope) {
        this.worker = worker;
        this.scope = scope;
    }

    @Override
    public DeployedConnector deploy(Map<String, String> connectorConfig) {
        Objects.requireNonNull(connectorConfig, "connectorConfig");
        String name = connectorConfig.get("name");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A connector configuration needs a \"name\"; add one to the map passed"
                    + " to deploy(...), such as \"name\", \"orders-source\"");
        }
        if (worker.worker().connectors().contains(name)) {
            throw new IllegalStateException("Connector '" + name + "' is deployed on the worker of " + worker.owner()
                    + " already; stop() it first, or give this one another name (names are unique per worker,"
                    + " and a connector stays deployed until stopped or until the test that deployed it ends)");
        }
        Map<String, String> config = Collections.unmodifiableMap(new LinkedHashMap<>(connectorConfig));
        worker.deploy(name, config);
        DeployedConnector connector = new DeployedConnector(worker, name, config);
        deployed.add(connector);
        return connector;
    }

    @Override
    public List<DeployedConnector> deployed() {
        return deployed.stream().filter(DeployedConnector::isDeployed).toList();
    }

    @Override
    public void restartWorker() {
        worker.restart();
    }

    @Override
    public EmbeddedWorker worker() {
        return worker.worker();
    }

    @Override
    public KafkaCluster kafka() {
        return worker.kafka();
    }

    /** Removes the connectors this scope deployed and did not stop, newest first. */
    @Override
    public void close() {
        List<DeployedConnector> remaining = new ArrayList<>(deployed());
        Collections.reverse(remaining);
        for (DeployedConnector connector : remaining) {
            LOG.info("Removing connector {}, left deployed at the end of {}", connector.name(), scope);
            try {
                connector.stop();
            } catch (RuntimeException e) {
                LOG.warn(
                        "Could not remove connector {} at the end of {}; the worker stops it with the class",
                        connector.name(),
                        scope,
                        e);
            }
        }
    }

    @Override
    public String toString() {
        return "ConnectorHarness of " + scope + " on the worker of " + worker.owner();
    }
}
