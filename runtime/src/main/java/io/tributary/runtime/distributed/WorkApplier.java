package io.tributary.runtime.distributed;

import io.tributary.runtime.control.TargetState;
import io.tributary.sdk.connector.TaskId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Brings what runs on this worker in line with what the group assigned it and what the config topic says:
 * it stops what was revoked, starts what was assigned, and, when a configuration or a target state changes,
 * restarts, pauses or resumes what it runs. Not thread-safe: callers hold one lock around each call (see
 * {@link LocalWork}).
 */
final class WorkApplier {

    /** What the applier asks of the engine. */
    interface Engine {
        void startConnector(String name, Map<String, String> config, boolean paused);

        void stopConnector(String name);

        void pauseConnector(String name, boolean paused);

        void startTask(TaskId id, Map<String, String> connectorConfig, Map<String, String> taskConfig, boolean paused);

        void stopTask(TaskId id);

        void pauseTasks(String connector, boolean paused);

        /**
         * Stops several items, and returns once all have stopped; an engine that can stops them side by side.
         *
         * @param items the connector instances and tasks, in order
         */
        default void stopTogether(List<WorkItem> items) {
            for (WorkItem item : items) {
                if (item.isConnector()) {
                    stopConnector(item.connector());
                } else {
                    stopTask(item.taskId());
                }
            }
        }
    }

    /** What an item was started with: when it differs from the configuration now, the item restarts. */
    private record StartedWith(Map<String, String> connectorConfig, Map<String, String> taskConfig, boolean paused) {}

    private final Engine engine;
    /** What runs here, in order: connectors before their tasks. */
    private final SortedMap<WorkItem, StartedWith> running = new TreeMap<>();
    /** What this worker is assigned, in the same order. */
    private SortedSet<WorkItem> assigned = Collections.emptySortedSet();

    WorkApplier(Engine engine) {
        this.engine = engine;
    }

    /** @return the items that run here */
    Set<WorkItem> running() {
        return new TreeSet<>(running.keySet());
    }

    /**
     * Applies a round of the group: what is revoked or no longer assigned stops now; what is newly assigned
     * starts with the next {@link #reconcile}, which may run on another thread, after the round is over.
     *
     * @param revoked the items to stop
     * @param assignedNow every item to run once the round is applied
     */
    void onRound(Set<WorkItem> revoked, Set<WorkItem> assignedNow) {
        List<WorkItem> stopping = new ArrayList<>();
        for (WorkItem item : running.keySet()) {
            if (revoked.contains(item) || !assignedNow.contains(item)) {
                stopping.add(item);
            }
        }
        stopTogether(stopping);
        this.assigned = Collections.unmodifiableSortedSet(new TreeSet<>(assignedNow));
    }

    /**
     * Forgets what runs, without stopping anything: the worker already stopped it all behind the applier's
     * back, when it lost its place in the group while a round was under way.
     */
    void forgetAll() {
        running.clear();
        assigned = Collections.emptySortedSet();
    }

    /** Stops everything: the worker lost its place in the group. */
    void stopAll() {
        stopTogether(new ArrayList<>(running.keySet()));
        assigned = Collections.emptySortedSet();
    }

    /**
     * Brings the assigned items in line with the configuration: starts what can start, restarts what was
     * started with another configuration, pauses or resumes on a new target state, and stops what is no
     * longer work.
     *
     * @param config the configuration now
     */
    void reconcile(ClusterConfig.Snapshot config) {
        outOfLine(config).forEach(item -> bringInLine(item, config));
    }

    /**
     * The items that {@link #reconcile} would act on, in the order it would: what runs but is no longer work
     * first, then the assigned items, connectors before their tasks, so that a connector whose configuration
     * changed restarts before its tasks do.
     *
     * @param config the configuration now
     * @return the items out of line with the configuration
     */
    List<WorkItem> outOfLine(ClusterConfig.Snapshot config) {
        Set<WorkItem> work = config.work();
        List<WorkItem> items = new ArrayList<>();
        for (WorkItem item : running.keySet()) {
            if (!work.contains(item) || !assigned.contains(item)) {
                items.add(item);
            }
        }
        for (WorkItem item : assigned) {
            StartedWith wanted = work.contains(item) ? wanted(item, config) : null;
            if (wanted != null && !wanted.equals(running.get(item))) {
                items.add(item);
            }
        }
        return items;
    }

    /**
     * Brings one item in line with the configuration and with what this worker is assigned now, which may have
     * changed since the item was found out of line: a revoked item is not started again.
     *
     * @param item a connector instance or task
     * @param config the configuration now
     */
    void bringInLine(WorkItem item, ClusterConfig.Snapshot config) {
        StartedWith current = running.get(item);
        boolean isWork = assigned.contains(item) && config.work().contains(item);
        StartedWith wanted = isWork ? wanted(item, config) : null;
        if (!isWork) {
            if (current != null) {
                stop(item);
            }
        } else if (wanted == null) {
            return; // its configuration has not come yet
        } else if (current == null) {
            start(item, wanted);
        } else if (!Objects.equals(current.connectorConfig(), wanted.connectorConfig())
                || !Objects.equals(current.taskConfig(), wanted.taskConfig())) {
            stop(item);
            start(item, wanted);
        } else if (current.paused() != wanted.paused()) {
            if (item.isConnector()) {
                engine.pauseConnector(item.connector(), wanted.paused());
            } else {
                engine.pauseTasks(item.connector(), wanted.paused());
            }
            running.put(item, wanted);
        }
    }

    /**
     * Restarts an item that runs here with the configuration now; an item that does not run here is left
     * alone, as it is another worker's to restart.
     *
     * @param item the connector instance or task
     * @param config the configuration now
     * @return whether the item ran here
     */
    boolean restart(WorkItem item, ClusterConfig.Snapshot config) {
        if (!running.containsKey(item)) {
            return false;
        }
        stop(item);
        StartedWith wanted = wanted(item, config);
        if (wanted != null && config.work().contains(item)) {
            start(item, wanted);
        }
        return true;
    }

    private static StartedWith wanted(WorkItem item, ClusterConfig.Snapshot config) {
        Map<String, String> connectorConfig = config.connectors().get(item.connector());
        if (connectorConfig == null) {
            return null;
        }
        boolean paused =
                config.targetStates().getOrDefault(item.connector(), TargetState.RUNNING) == TargetState.PAUSED;
        if (item.isConnector()) {
            return new StartedWith(connectorConfig, null, paused);
        }
        List<Map<String, String>> tasks = config.taskConfigs().getOrDefault(item.connector(), List.of());
        if (item.task() >= tasks.size()) {
            return null;
        }
        return new StartedWith(connectorConfig, tasks.get(item.task()), paused);
    }

    private void start(WorkItem item, StartedWith with) {
        if (item.isConnector()) {
            engine.startConnector(item.connector(), with.connectorConfig(), with.paused());
        } else {
            engine.startTask(item.taskId(), with.connectorConfig(), with.taskConfig(), with.paused());
        }
        running.put(item, with);
    }

    private void stopTogether(List<WorkItem> items) {
        if (!items.isEmpty()) {
            engine.stopTogether(items);
            items.forEach(running::remove);
        }
    }

    private void stop(WorkItem item) {
        if (item.isConnector()) {
            engine.stopConnector(item.connector());
        } else {
            engine.stopTask(item.taskId());
        }
        running.remove(item);
    }
}
