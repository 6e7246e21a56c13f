package io.tributary.runtime.distributed;

import io.tributary.runtime.control.TargetState;
import io.tributary.runtime.storage.TopicLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The cluster's configuration, kept in the config topic and replayed by every worker: writes go to the
 * topic, and the state changes only when the topic hands them back, so every worker sees the same changes
 * in the same order. Thread-safe.
 */
final class ConfigLog implements AutoCloseable {
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final TopicLog log;
    private final ClusterConfig config = new ClusterConfig();
    private final Runnable onChange;
    private final Consumer<ClusterConfig.Restart> onRestart;
    private volatile ClusterConfig.Snapshot snapshot = config.snapshot();
    private volatile boolean live;

    /**
     * @param topic the config topic; it must exist
     * @param clientSettings {@code bootstrap.servers} and security settings
     * @param onChange told, on the log's thread, after each record that changed the configuration
     * @param onRestart told, on the log's thread, of each restart request written after this worker started:
     *     older ones were meant for what ran before it
     */
    ConfigLog(
            String topic,
            Map<String, Object> clientSettings,
            Runnable onChange,
            Consumer<ClusterConfig.Restart> onRestart) {
        this.topic = topic;
        this.onChange = onChange;
        this.onRestart = onRestart;
        this.log = new TopicLog(topic, clientSettings, this::apply);
    }

    /** Reads the whole topic. */
    void start(Duration timeout) {
        log.start(timeout);
        live = true;
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.key() != null && record.key().startsWith(ClusterConfig.RESTART)) {
            ClusterConfig.Restart restart;
            synchronized (config) {
                restart = config.restart(record.key(), record.value(), record.offset());
                snapshot = config.snapshot();
            }
            if (restart != null && live) {
                onRestart.accept(restart);
            }
            return;
        }
        boolean changed;
        synchronized (config) {
            changed = config.apply(record.key(), record.value(), record.offset());
            snapshot = config.snapshot();
        }
        if (changed) {
            onChange.run();
        }
    }

    /** @return the configuration as read so far */
    ClusterConfig.Snapshot snapshot() {
        return snapshot;
    }

    /** @return completes once every record written before the call has been applied */
    CompletableFuture<Void> readToEnd() {
        return log.readToEnd();
    }

    /** Writes a connector's configuration, stamped with the writer's generation. */
    void putConnector(String name, Map<String, String> connectorConfig, int generation) {
        await(List.of(
                log.send(ClusterConfig.CONNECTOR + name, ClusterConfig.connectorRecord(connectorConfig, generation))));
    }

    /** Deletes a connector: its configuration, target state and tasks. */
    void removeConnector(String name) {
        await(List.of(
                log.send(ClusterConfig.TARGET_STATE + name, null), log.send(ClusterConfig.CONNECTOR + name, null)));
    }

    /** Writes a connector's target state. */
    void putTargetState(String name, TargetState state, int generation) {
        await(List.of(log.send(ClusterConfig.TARGET_STATE + name, ClusterConfig.targetStateRecord(state, generation))));
    }

    /** Asks the workers that run them to restart a connector instance and some of its tasks. */
    void requestRestart(String name, boolean instance, List<Integer> tasks, int generation) {
        await(List.of(
                log.send(ClusterConfig.RESTART + name, ClusterConfig.restartRecord(instance, tasks, generation))));
    }

    /** Writes a connector's task configurations, then the commit that publishes them together. */
    void putTaskConfigs(String name, List<Map<String, String>> taskConfigs, int generation) {
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (int i = 0; i < taskConfigs.size(); i++) {
            writes.add(log.send(
                    ClusterConfig.TASK + name + "-" + i, ClusterConfig.taskRecord(taskConfigs.get(i), generation)));
        }
        await(writes);
        await(List.of(
                log.send(ClusterConfig.COMMIT + name, ClusterConfig.commitRecord(taskConfigs.size(), generation))));
    }

    private void await(List<CompletableFuture<?>> writes) {
        try {
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                    .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Could not write to config topic " + topic + " (" + (e.getCause() != null ? e.getCause() : e)
                            + "); check that the brokers are reachable",
                    e);
        }
    }

    @Override
    public void close() {
        log.close();
    }
}
