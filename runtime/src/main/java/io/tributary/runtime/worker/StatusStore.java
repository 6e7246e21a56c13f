package io.tributary.runtime.worker;

import io.tributary.sdk.connector.TaskId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** The latest status of every connector and task on this worker, in memory. Thread-safe. */
public final class StatusStore implements StatusListener {
    private final Map<String, Status> connectors = new ConcurrentHashMap<>();
    private final Map<TaskId, Status> tasks = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> activeTopics = new ConcurrentHashMap<>();

    @Override
    public void connectorStatus(String connector, Status status) {
        connectors.put(connector, status);
    }

    @Override
    public void taskStatus(TaskId task, Status status) {
        tasks.put(task, status);
    }

    @Override
    public void topicUsed(String connector, String topic) {
        Set<String> topics = activeTopics.get(connector);
        if (topics == null) {
            topics = activeTopics.computeIfAbsent(connector, c -> ConcurrentHashMap.newKeySet());
        }
        topics.add(topic);
    }

    /**
     * @param connector a connector's name
     * @return the topics its tasks read or wrote since it was created or {@link #resetActiveTopics} was
     *     called, sorted
     */
    public SortedSet<String> activeTopics(String connector) {
        return new TreeSet<>(activeTopics.getOrDefault(connector, Set.of()));
    }

    /** @param connector a connector whose active topics to forget */
    public void resetActiveTopics(String connector) {
        activeTopics.remove(connector);
    }

    /**
     * @param connector a connector's name
     * @return its status, or empty if it is unknown
     */
    public Optional<Status> connector(String connector) {
        return Optional.ofNullable(connectors.get(connector));
    }

    /**
     * @param task a task
     * @return its status, or empty if it is unknown
     */
    public Optional<Status> task(TaskId task) {
        return Optional.ofNullable(tasks.get(task));
    }

    /**
     * @param connector a connector's name
     * @return the status of each of its tasks, by task number
     */
    public List<Map.Entry<TaskId, Status>> tasks(String connector) {
        return tasks.entrySet().stream()
                .filter(e -> e.getKey().connector().equals(connector))
                .sorted(Comparator.comparingInt(e -> e.getKey().task()))
                .toList();
    }

    /** @param connector a connector that was deleted: forget it and its tasks */
    public void remove(String connector) {
        connectors.remove(connector);
        activeTopics.remove(connector);
        tasks.keySet().removeIf(t -> t.connector().equals(connector));
    }

    /**
     * @param connector a connector's name
     * @param taskCount how many tasks it has now: forget the statuses of tasks numbered beyond
     */
    public void retainTasks(String connector, int taskCount) {
        tasks.keySet().removeIf(t -> t.connector().equals(connector) && t.task() >= taskCount);
    }
}
