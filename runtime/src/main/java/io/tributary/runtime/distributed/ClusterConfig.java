package io.tributary.runtime.distributed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.runtime.control.TargetState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cluster's configuration as the config topic builds it up, record by record: connector
 * configurations, their target states, and their task configurations, which become visible all at once
 * when their commit record arrives. Every record carries the group generation of the worker that wrote it;
 * a record older than one already applied comes from a worker that lost its place in the group, and is
 * ignored. Generations start again when Kafka deletes the group, which it does once the whole cluster has
 * been stopped for a while; the first leader after that says so with a record that lowers the bar to its
 * generation. Not thread-safe: the config log applies records on one thread and hands out {@link Snapshot}s.
 *
 * <p>Records, keys and JSON values:
 *
 * <ul>
 *   <li>{@code connector-<name>}: {@code {"properties": {...}, "generation": g}}, or null when deleted;
 *   <li>{@code target-state-<name>}: {@code {"state": "STARTED"|"PAUSED"|"STOPPED", "generation": g}};
 *   <li>{@code task-<name>-<n>}: {@code {"properties": {...}, "generation": g}};
 *   <li>{@code commit-<name>}: {@code {"tasks": n, "generation": g}}, which publishes tasks 0 to n-1;
 *   <li>{@code restart-connector-<name>}: {@code {"connector": true|false, "tasks": [n, ...], "generation":
 *       g}}, which asks the workers that run them to restart the connector instance and the tasks listed;
 *   <li>{@code generations-restarted-<id>}: {@code {"generation": g, "after": f}}: the group was made anew,
 *       and records of any generation from g on are applied again, unless a record of a generation above f,
 *       the highest its writer had seen, was applied first. Each has a key of its own, so compaction keeps
 *       every one in its place.
 * </ul>
 */
final class ClusterConfig {
    static final String CONNECTOR = "connector-";
    static final String TARGET_STATE = "target-state-";
    static final String TASK = "task-";
    static final String COMMIT = "commit-";
    static final String RESTART = "restart-connector-";
    static final String GENERATIONS_RESTARTED = "generations-restarted-";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The configuration at one point of the log. Immutable; the work it implies is worked out once, when first
     * asked for.
     */
    static final class Snapshot {
        private final long offset;
        private final Map<String, Map<String, String>> connectors;
        private final Map<String, TargetState> targetStates;
        private final Map<String, List<Map<String, String>>> taskConfigs;
        private volatile Set<WorkItem> work;

        /**
         * @param offset the log position it reflects: the offset of the next record
         * @param connectors each connector's configuration, by name
         * @param targetStates each connector's target state, by name
         * @param taskConfigs each connector's published task configurations, by name
         */
        Snapshot(
                long offset,
                Map<String, Map<String, String>> connectors,
                Map<String, TargetState> targetStates,
                Map<String, List<Map<String, String>>> taskConfigs) {
            this.offset = offset;
            this.connectors = Map.copyOf(connectors);
            this.targetStates = Map.copyOf(targetStates);
            this.taskConfigs = Map.copyOf(taskConfigs);
        }

        /** @return the log position it reflects: the offset of the next record */
        long offset() {
            return offset;
        }

        /** @return each connector's configuration, by name */
        Map<String, Map<String, String>> connectors() {
            return connectors;
        }

        /** @return each connector's target state, by name */
        Map<String, TargetState> targetStates() {
            return targetStates;
        }

        /** @return each connector's published task configurations, by name */
        Map<String, List<Map<String, String>>> taskConfigs() {
            return taskConfigs;
        }

        /** @return the work that should run, in order: every connector not stopped, and its published tasks */
        Set<WorkItem> work() {
            Set<WorkItem> current = work;
            if (current == null) {
                SortedSet<WorkItem> items = new TreeSet<>();
                connectors.keySet().forEach(name -> {
                    if (targetStates.getOrDefault(name, TargetState.RUNNING) != TargetState.STOPPED) {
                        items.add(WorkItem.connector(name));
                        List<Map<String, String>> tasks = taskConfigs.getOrDefault(name, List.of());
                        for (int i = 0; i < tasks.size(); i++) {
                            items.add(new WorkItem(name, i));
                        }
                    }
                });
                // Looked up far more often than iterated: hashed, in order.
                current = Collections.unmodifiableSet(new LinkedHashSet<>(items));
                work = current;
            }
            return current;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Snapshot that
                    && offset == that.offset
                    && connectors.equals(that.connectors)
                    && targetStates.equals(that.targetStates)
                    && taskConfigs.equals(that.taskConfigs);
        }

        @Override
        public int hashCode() {
            return Objects.hash(offset, connectors, targetStates, taskConfigs);
        }

        @Override
        public String toString() {
            return "Snapshot[offset=" + offset + ", connectors=" + connectors.keySet() + ", targetStates="
                    + targetStates + ", tasks=" + taskConfigs.keySet() + "]";
        }
    }

    /**
     * A request to restart parts of a connector wherever they run.
     *
     * @param connector the connector
     * @param instance whether its connector instance restarts
     * @param tasks the numbers of the tasks that restart
     */
    record Restart(String connector, boolean instance, List<Integer> tasks) {
        Restart {
            tasks = List.copyOf(tasks);
        }
    }

    private final Map<String, Map<String, String>> connectors = new TreeMap<>();
    private final Map<String, TargetState> targetStates = new HashMap<>();
    private final Map<String, List<Map<String, String>>> published = new HashMap<>();
    private final Map<String, Map<Integer, Map<String, String>>> pending = new HashMap<>();
    private long offset;
    private int highestGeneration = -1;
    private long lastFenced = -1;

    /**
     * Applies one record of the config topic.
     *
     * @param key its key
     * @param value its value, null for a tombstone
     * @param recordOffset its offset
     * @return whether it changed the configuration; false when it was ignored
     */
    boolean apply(String key, String value, long recordOffset) {
        offset = recordOffset + 1;
        JsonNode node = null;
        if (value != null) {
            try {
                node = JSON.readTree(value);
            } catch (JsonProcessingException e) {
                return false;
            }
            int generation = node.path("generation").asInt(-1);
            if (key.startsWith(GENERATIONS_RESTARTED)) {
                // Stale when a later generation was applied since its writer looked: it would unfence a zombie.
                if (highestGeneration <= node.path("after").asInt(-1)) {
                    highestGeneration = generation;
                }
                return false;
            }
            if (generation < highestGeneration) {
                lastFenced = recordOffset;
                return false;
            }
            highestGeneration = generation;
        }
        if (key.startsWith(CONNECTOR)) {
            String name = key.substring(CONNECTOR.length());
            if (node == null) {
                connectors.remove(name);
                targetStates.remove(name);
                published.remove(name);
                pending.remove(name);
            } else {
                connectors.put(name, properties(node));
            }
            return true;
        }
        if (key.startsWith(TARGET_STATE) && node != null) {
            String state = node.path("state").asText();
            targetStates.put(
                    key.substring(TARGET_STATE.length()),
                    state.equals("STARTED") ? TargetState.RUNNING : TargetState.valueOf(state));
            return true;
        }
        if (key.startsWith(TASK) && node != null) {
            String rest = key.substring(TASK.length());
            int dash = rest.lastIndexOf('-');
            String name = rest.substring(0, dash);
            int task = Integer.parseInt(rest.substring(dash + 1));
            pending.computeIfAbsent(name, n -> new HashMap<>()).put(task, properties(node));
            return false;
        }
        if (key.startsWith(COMMIT) && node != null) {
            String name = key.substring(COMMIT.length());
            int count = node.path("tasks").asInt();
            Map<Integer, Map<String, String>> written = pending.getOrDefault(name, Map.of());
            List<Map<String, String>> tasks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Map<String, String> config = written.get(i);
                if (config == null) {
                    return false; // a commit without its tasks: the writer failed between them; keep the last ones
                }
                tasks.add(config);
            }
            published.put(name, Collections.unmodifiableList(tasks));
            pending.remove(name);
            return true;
        }
        return false;
    }

    /**
     * Reads a restart request record: it changes no configuration, and counts only when read live.
     *
     * @param key its key, starting {@link #RESTART}
     * @param value its value
     * @param recordOffset its offset
     * @return the restart it asks for; null when it is fenced off, unreadable or a tombstone
     */
    Restart restart(String key, String value, long recordOffset) {
        offset = recordOffset + 1;
        if (value == null) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return null;
        }
        int generation = node.path("generation").asInt(-1);
        if (generation < highestGeneration) {
            lastFenced = recordOffset;
            return null;
        }
        highestGeneration = generation;
        List<Integer> tasks = new ArrayList<>();
        node.path("tasks").forEach(task -> tasks.add(task.asInt()));
        return new Restart(
                key.substring(RESTART.length()), node.path("connector").asBoolean(), tasks);
    }

    private static Map<String, String> properties(JsonNode node) {
        Map<String, String> properties = new LinkedHashMap<>();
        node.path("properties")
                .fields()
                .forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
        return Collections.unmodifiableMap(properties);
    }

    /** @return the configuration as applied so far */
    Snapshot snapshot() {
        Map<String, TargetState> states = new HashMap<>();
        connectors.keySet().forEach(name -> states.put(name, targetStates.getOrDefault(name, TargetState.RUNNING)));
        Map<String, List<Map<String, String>>> tasks = new HashMap<>();
        connectors
                .keySet()
                .forEach(name -> Optional.ofNullable(published.get(name)).ifPresent(t -> tasks.put(name, t)));
        return new Snapshot(offset, Map.copyOf(connectors), Map.copyOf(states), Map.copyOf(tasks));
    }

    /** @return the offset of the last record ignored because a record of a later generation came first; -1 before any */
    long lastFenced() {
        return lastFenced;
    }

    /** @return the highest generation among the records applied; -1 before any */
    int highestGeneration() {
        return highestGeneration;
    }

    static String connectorRecord(Map<String, String> config, int generation) {
        return write(Map.of("properties", config, "generation", generation));
    }

    static String targetStateRecord(TargetState state, int generation) {
        return write(
                Map.of("state", state == TargetState.RUNNING ? "STARTED" : state.name(), "generation", generation));
    }

    static String taskRecord(Map<String, String> config, int generation) {
        return write(Map.of("properties", config, "generation", generation));
    }

    static String commitRecord(int tasks, int generation) {
        return write(Map.of("tasks", tasks, "generation", generation));
    }

    static String generationsRestartedRecord(int generation, int after) {
        return write(Map.of("generation", generation, "after", after));
    }

    static String restartRecord(boolean instance, List<Integer> tasks, int generation) {
        return write(Map.of("connector", instance, "tasks", tasks, "generation", generation));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write a config record: " + e.getOriginalMessage(), e);
        }
    }
}
