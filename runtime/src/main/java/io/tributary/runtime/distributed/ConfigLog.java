package io.tributary.runtime.distributed;

import io.tributary.runtime.control.TargetState;
import io.tributary.runtime.storage.TopicLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

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
    /** The configuration as applied so far; null once a record changed it, until someone asks. */
    private volatile ClusterConfig.Snapshot snapshot = config.snapshot();

    private volatile boolean live;
    /** The offsets of records applied here that were ignored for their older generation, until their writer asks. */
    private final Set<Long> fenced = ConcurrentHashMap.newKeySet();

    /**
     * A write that every worker ignores: a record of a later generation reached the topic first, so the writer
     * was behind the group, if only by a rebalance. Retry once this worker is settled in that generation.
     */
    static final class FencedException extends RuntimeException {
        private final int generation;

        FencedException(String topic, int generation) {
            super("A record of generation " + generation + " reached config topic " + topic
                    + " first, so this worker's write was ignored");
            this.generation = generation;
        }

        /** @return the generation the writer must reach before it writes again */
        int generation() {
            return generation;
        }
    }

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
                snapshot = null;
                noteFenced(record.offset());
            }
            if (restart != null && live) {
                onRestart.accept(restart);
            }
            return;
        }
        boolean changed;
        synchronized (config) {
            changed = config.apply(record.key(), record.value(), record.offset());
            snapshot = null;
            noteFenced(record.offset());
        }
        if (changed) {
            onChange.run();
        }
    }

    private void noteFenced(long offset) {
        if (config.lastFenced() == offset) {
            fenced.add(offset);
        }
    }

    /** @return the configuration as read so far */
    ClusterConfig.Snapshot snapshot() {
        ClusterConfig.Snapshot current = snapshot;
        if (current != null) {
            return current;
        }
        // Built when asked rather than per record: a burst of records, or a replay, builds it once.
        synchronized (config) {
            if (snapshot == null) {
                snapshot = config.snapshot();
            }
            return snapshot;
        }
    }

    /** @return completes once every record written before the call has been applied */
    CompletableFuture<Void> readToEnd() {
        return log.readToEnd();
    }

    /*
     * Each write below returns once every worker would apply it: it is written, and this worker has read the
     * topic up to it. A write ignored for its older generation throws FencedException.
     */

    /** Writes a connector's configuration, stamped with the writer's generation. */
    void putConnector(String name, Map<String, String> connectorConfig, int generation) {
        checkApplied(await(List.of(
                log.send(ClusterConfig.CONNECTOR + name, ClusterConfig.connectorRecord(connectorConfig, generation)))));
    }

    /** Deletes a connector: its configuration, target state and tasks. Tombstones carry no generation. */
    void removeConnector(String name) {
        await(List.of(
                log.send(ClusterConfig.TARGET_STATE + name, null), log.send(ClusterConfig.CONNECTOR + name, null)));
    }

    /** Writes a connector's target state. */
    void putTargetState(String name, TargetState state, int generation) {
        checkApplied(await(List.of(
                log.send(ClusterConfig.TARGET_STATE + name, ClusterConfig.targetStateRecord(state, generation)))));
    }

    /** Asks the workers that run them to restart a connector instance and some of its tasks. */
    void requestRestart(String name, boolean instance, List<Integer> tasks, int generation) {
        checkApplied(await(List.of(
                log.send(ClusterConfig.RESTART + name, ClusterConfig.restartRecord(instance, tasks, generation)))));
    }

    /**
     * Says that the group was made anew, its generations starting again below those of the records written
     * before: from this record on, records of the given generation or later are applied again, unless a
     * record of a generation above {@code after} comes first.
     *
     * @param generation the generation of the group made anew in which this worker leads
     * @param after the highest generation this worker has seen applied
     */
    void restartGenerations(int generation, int after) {
        await(List.of(log.send(
                ClusterConfig.GENERATIONS_RESTARTED + UUID.randomUUID(),
                ClusterConfig.generationsRestartedRecord(generation, after))));
        await(readToEnd(), "read");
    }

    /** @return the highest generation among the records applied so far */
    int highestGeneration() {
        synchronized (config) {
            return config.highestGeneration();
        }
    }

    /** Writes a connector's task configurations, then the commit that publishes them together. */
    void putTaskConfigs(String name, List<Map<String, String>> taskConfigs, int generation) {
        List<CompletableFuture<RecordMetadata>> writes = new ArrayList<>();
        for (int i = 0; i < taskConfigs.size(); i++) {
            writes.add(log.send(
                    ClusterConfig.TASK + name + "-" + i, ClusterConfig.taskRecord(taskConfigs.get(i), generation)));
        }
        List<Long> offsets = new ArrayList<>(await(writes));
        offsets.addAll(await(List.of(
                log.send(ClusterConfig.COMMIT + name, ClusterConfig.commitRecord(taskConfigs.size(), generation)))));
        checkApplied(offsets);
    }

    /** Reads the topic up to the records written, and throws if any of them was fenced off. */
    private void checkApplied(List<Long> offsets) {
        await(readToEnd(), "read");
        long first = offsets.stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
        boolean ignored = offsets.stream().anyMatch(fenced::contains);
        offsets.forEach(fenced::remove);
        // Other workers' fenced records: nobody here asks about them. A write of this worker under way has
        // offsets close to this one's, so only those far behind are dropped.
        fenced.removeIf(offset -> offset < first - 10_000);
        if (ignored) {
            throw new FencedException(topic, highestGeneration());
        }
    }

    /** @return the offsets of the records written */
    private List<Long> await(List<CompletableFuture<RecordMetadata>> writes) {
        await(CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)), "write to");
        return writes.stream().map(write -> write.join().offset()).toList();
    }

    /** Waits for a read or write of the topic, and says which failed and why. */
    private void await(CompletableFuture<?> done, String what) {
        try {
            done.get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trying to " + what + " " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Could not " + what + " config topic " + topic + " (" + (e.getCause() != null ? e.getCause() : e)
                            + "); check that the brokers are reachable",
                    e);
        }
    }

    @Override
    public void close() {
        log.close();
    }
}
