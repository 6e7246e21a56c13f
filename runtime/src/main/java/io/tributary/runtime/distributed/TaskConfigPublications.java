package io.tributary.runtime.distributed;

import io.tributary.runtime.control.TargetState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the task configurations that the connector instances on this worker give, stamped with the
 * worker's generation. A publication fenced off, because another worker wrote in a later generation first,
 * is made again after the worker's next round, from what the connector instance gives then, if it still runs
 * here and is not stopped. Thread-safe; publications run on the herder.
 */
final class TaskConfigPublications {
    private static final Logger LOG = LoggerFactory.getLogger(TaskConfigPublications.class);

    /** Writes a connector's task configurations to the config topic. */
    interface Writer {
        /**
         * @throws ConfigLog.FencedException when every worker ignores the write
         */
        void putTaskConfigs(String connector, List<Map<String, String>> taskConfigs, int generation);
    }

    private final Writer writer;
    private final Supplier<ClusterConfig.Snapshot> config;
    private final IntSupplier generation;
    private final Function<String, Optional<List<Map<String, String>>>> current;
    private final Executor herder;
    /** Connectors whose publication was fenced off, to publish again after the next round. */
    private final Set<String> fenced = ConcurrentHashMap.newKeySet();

    /**
     * @param writer writes to the config topic
     * @param config the configuration now
     * @param generation this worker's generation now
     * @param current the task configurations a connector instance here gives now; empty when none runs here
     * @param herder runs the publications made again
     */
    TaskConfigPublications(
            Writer writer,
            Supplier<ClusterConfig.Snapshot> config,
            IntSupplier generation,
            Function<String, Optional<List<Map<String, String>>>> current,
            Executor herder) {
        this.writer = writer;
        this.config = config;
        this.generation = generation;
        this.current = current;
        this.herder = herder;
    }

    /**
     * Publishes a connector's task configurations, if they differ from those published.
     *
     * @param connector the connector
     * @param taskConfigs what its instance here gave
     */
    void publish(String connector, List<Map<String, String>> taskConfigs) {
        if (taskConfigs.equals(config.get().taskConfigs().get(connector))) {
            return;
        }
        try {
            writer.putTaskConfigs(connector, taskConfigs, generation.getAsInt());
        } catch (ConfigLog.FencedException e) {
            LOG.info("Publishing the task configurations of {} after the next round: {}", connector, e.getMessage());
            fenced.add(connector);
        } catch (RuntimeException e) {
            LOG.error("Could not publish the task configurations of {}: {}", connector, e.toString(), e);
        }
    }

    /** A round was applied: queues again, on the herder, the publications that were fenced off. */
    void afterRound() {
        for (String connector : List.copyOf(fenced)) {
            fenced.remove(connector);
            herder.execute(() -> {
                if (config.get().targetStates().get(connector) == TargetState.STOPPED) {
                    return;
                }
                current.apply(connector).ifPresent(taskConfigs -> publish(connector, taskConfigs));
            });
        }
    }
}
