package io.tributary.runtime.operations;

import io.tributary.runtime.control.ControlException;
import io.tributary.runtime.control.PartitionOffset;
import io.tributary.runtime.storage.OffsetStore;
import io.tributary.runtime.worker.ConnectorConfig;
import io.tributary.runtime.worker.Worker;
import io.tributary.sdk.connector.Connector;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.sink.SinkConnector;
import io.tributary.sdk.source.SourceConnector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connector's committed offsets, read and changed as Kafka Connect does: a source connector's in the
 * worker's offset store, a sink connector's in its consumer group. Before a change, the connector's own
 * {@code alterOffsets} is asked, with its resolved configuration and on its own class loader; whether it
 * vouches for the change decides the message.
 */
public final class ConnectorOffsets {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorOffsets.class);

    private final Worker worker;
    private final PluginCatalog catalog;
    private final OffsetStore store;

    /**
     * @param worker gives client settings, consumer groups and resolved configurations
     * @param catalog makes connector instances
     * @param store the source offsets
     */
    public ConnectorOffsets(Worker worker, PluginCatalog catalog, OffsetStore store) {
        this.worker = worker;
        this.catalog = catalog;
        this.store = store;
    }

    /**
     * @param name a connector
     * @param config its configuration as written
     * @param sink whether it is a sink connector
     * @return its committed offsets
     */
    public List<PartitionOffset> read(String name, Map<String, String> config, boolean sink) {
        if (sink) {
            try (Admin admin = Admin.create(worker.adminSettings(config))) {
                return SinkOffsets.read(admin, worker.consumerGroup(name, config));
            }
        }
        List<PartitionOffset> list = new ArrayList<>();
        store.allOffsets(name).forEach((partition, offset) -> list.add(new PartitionOffset(partition, offset)));
        list.sort(Comparator.comparing(p -> String.valueOf(p.partition())));
        return list;
    }

    /**
     * Sets or erases some offsets of a stopped connector.
     *
     * @return the message for the client
     */
    public String alter(String name, Map<String, String> config, List<PartitionOffset> changes) {
        String connectorClass = config.get(ConnectorConfig.CONNECTOR_CLASS);
        Connector instance = catalog.newConnector(connectorClass);
        Map<String, String> resolved = worker.resolvedConfig(config);
        boolean vouched;
        if (instance instanceof SinkConnector sink) {
            Map<org.apache.kafka.common.TopicPartition, Long> asked = SinkOffsets.parse(changes);
            Map<TopicPartition, Long> view = new LinkedHashMap<>();
            asked.forEach((tp, offset) -> view.put(new TopicPartition(tp.topic(), tp.partition()), offset));
            vouched = ask(name, connectorClass, () -> sink.alterOffsets(resolved, view));
            try (Admin admin = Admin.create(worker.adminSettings(config))) {
                SinkOffsets.alter(admin, worker.consumerGroup(name, config), asked);
            }
        } else {
            Map<Map<String, Object>, Map<String, Object>> asked = sourceOffsets(changes);
            Map<Map<String, ?>, Map<String, ?>> view = new LinkedHashMap<>(asked);
            vouched = ask(name, connectorClass, () -> ((SourceConnector) instance).alterOffsets(resolved, view));
            store.commit(name, asked);
        }
        LOG.info("Offsets of connector {} altered for {} partition(s)", name, changes.size());
        return message(vouched, "altered");
    }

    /**
     * Erases every offset of a stopped connector.
     *
     * @return the message for the client
     */
    public String reset(String name, Map<String, String> config) {
        String connectorClass = config.get(ConnectorConfig.CONNECTOR_CLASS);
        Connector instance = catalog.newConnector(connectorClass);
        Map<String, String> resolved = worker.resolvedConfig(config);
        boolean vouched;
        if (instance instanceof SinkConnector sink) {
            Map<TopicPartition, Long> erased = new LinkedHashMap<>();
            for (PartitionOffset current : read(name, config, true)) {
                erased.put(
                        new TopicPartition(
                                String.valueOf(current.partition().get(SinkOffsets.TOPIC)),
                                ((Number) current.partition().get(SinkOffsets.PARTITION)).intValue()),
                        null);
            }
            vouched = ask(name, connectorClass, () -> sink.alterOffsets(resolved, erased));
            try (Admin admin = Admin.create(worker.adminSettings(config))) {
                SinkOffsets.reset(admin, worker.consumerGroup(name, config));
            }
        } else {
            Map<Map<String, Object>, Map<String, Object>> erased = new LinkedHashMap<>();
            store.allOffsets(name).keySet().forEach(partition -> erased.put(partition, null));
            Map<Map<String, ?>, Map<String, ?>> view = new LinkedHashMap<>(erased);
            vouched = ask(name, connectorClass, () -> ((SourceConnector) instance).alterOffsets(resolved, view));
            store.commit(name, erased);
        }
        LOG.info("Offsets of connector {} reset", name);
        return message(vouched, "reset");
    }

    private static String message(boolean vouched, String done) {
        return vouched
                ? "The offsets for this connector have been " + done + " successfully"
                : "The Connect framework-managed offsets for this connector have been " + done + " successfully."
                        + " However, if this connector manages offsets externally, they will need to be manually "
                        + done + " in the system that the connector uses.";
    }

    private static Map<Map<String, Object>, Map<String, Object>> sourceOffsets(List<PartitionOffset> changes) {
        Map<Map<String, Object>, Map<String, Object>> asked = new LinkedHashMap<>();
        for (PartitionOffset change : changes) {
            if (change.partition() == null) {
                throw ControlException.badRequest("Every source offset needs a 'partition' object, the connector's"
                        + " own source partition as GET /connectors/{name}/offsets shows it; one has none");
            }
            asked.put(change.partition(), change.offset());
        }
        return asked;
    }

    /** Asks the connector, on its class loader; a refusal is the client's to fix, and is logged with its cause. */
    private boolean ask(String name, String connectorClass, BooleanSupplier call) {
        try {
            return catalog.withLoaderOf(connectorClass, call::getAsBoolean);
        } catch (UnsupportedOperationException e) {
            throw ControlException.badRequest("Connector " + name + " does not let its offsets be changed from"
                    + " outside (" + e.getMessage() + "); change them in the system it reads from, or not at all");
        } catch (RuntimeException e) {
            LOG.warn("Connector {} refused an offsets change", name, e);
            throw ControlException.badRequest("Connector " + name + " refused the offsets: " + e
                    + "; check them against what the connector expects (its log has the stack trace)");
        }
    }
}
