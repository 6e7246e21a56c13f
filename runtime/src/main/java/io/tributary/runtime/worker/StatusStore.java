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

/**
 * The latest status of every connector and task, in memory. Standalone, it holds this worker's; in a
 * cluster, it also holds what the other workers reported, and tells a forwarder of this worker's own
 * changes so that they reach the others. Thread-safe.
 */
public final class StatusStore implements StatusListener {
    private final Map<String, Status> connectors = new ConcurrentHashMap<>();
    private final Map<TaskId, Status> tasks = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> activeTopics = new ConcurrentHashMap<>();
    private final StatusListener forwarder;

    /** A store of this worker's statuses alone. */
    public StatusStore() {
        this(new StatusListener() {
            @Override
            public void connectorStatus(String connector, Status status) {}

            @Override
            public void taskStatus(TaskId task, Status status) {}
        });
    }

    /** @param forwarder told of every change this worker makes, after the store has it */
    public StatusStore(StatusListener forwarder) {
        this.forwarder = forwarder;
    }

    @Override
    public void connectorStatus(String connector, Status status) {
        connectors.put(connector, status);
        forwarder.connectorStatus(connector, status);
    }

    @Override
    public void taskStatus(TaskId task, Status status) {
        tasks.put(task, status);
        forwarder.taskStatus(task, status);
    }

    @Override
    public void topicUsed(String connector, String topic) {
        if (track(connector, topic)) {
            forwarder.topicUsed(connector, topic);
        }
    }

    /** @return whether the topic is new for the connector */
    private boolean track(String connector, String topic) {
        Set<String> topics = activeTopics.get(connector);
        if (topics == null) {
            topics = activeTopics.computeIfAbsent(connector, c -> ConcurrentHashMap.newKeySet());
        }
        return topics.add(topic);
    }

    /**
     * Takes a status another worker reported, without forwarding it.
     *
     * @param connector the connector
     * @param status its status, or null when it is gone
     */
    public void reportedConnectorStatus(String connector, Status status) {
        if (status == null) {
            connectors.remove(connector);
        } else {
            connectors.put(connector, status);
        }
    }

    /**
     * Takes a status another worker reported, without forwarding it.
     *
     * @param task the task
     * @param status its status, or null when it is gone
     */
    public void reportedTaskStatus(TaskId task, Status status) {
        if (status == null) {
            tasks.remove(task);
        } else {
            tasks.put(task, status);
        }
    }

    /**
     * Takes an active topic another worker reported, without forwarding it.
     *
     * @param connector the connector
     * @param topic a topic it used
     */
    public void reportedTopicUsed(String connector, String topic) {
        track(connector, topic);
    }

    /**
     * @param connector a connector's name
     * @return the topics its tasks read or wrote since it was created or {@link #resetActiveTopics} was
     *     called, sorted
     */
    public SortedSet<String> activeTopics(String connector) {
        return new TreeSet<>(activeTopics.getOrDefault(connector, Set.of()));
    }

    /**
     * Takes the news, from another worker, that a connector's use of a topic was forgotten.
     *
     * @param connector the connector
     * @param topic the topic it no longer counts as used
     */
    public void reportedTopicForgotten(String connector, String topic) {
        Set<String> topics = activeTopics.get(connector);
        if (topics != null) {
            topics.remove(topic);
        }
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
