package io.tributary.runtime.distributed;

import io.tributary.sdk.connector.TaskId;
import java.util.Comparator;
import java.util.Objects;

/**
 * One unit of work a worker runs: a connector instance, or one task of a connector.
 *
 * @param connector the connector's name
 * @param task the task's number, or {@value #CONNECTOR} for the connector instance itself
 */
public record WorkItem(String connector, int task) implements Comparable<WorkItem> {
    /** The task number that stands for the connector instance. */
    public static final int CONNECTOR = -1;

    private static final Comparator<WorkItem> ORDER =
            Comparator.comparing((WorkItem item) -> item.connector()).thenComparingInt(item -> item.task());

    /** Checks the name and the number. */
    public WorkItem {
        Objects.requireNonNull(connector, "connector");
        if (task < CONNECTOR) {
            throw new IllegalArgumentException("A task number is 0 or more, got " + task);
        }
    }

    /**
     * @param name a connector
     * @return the work of running its instance
     */
    public static WorkItem connector(String name) {
        return new WorkItem(name, CONNECTOR);
    }

    /**
     * @param id a task
     * @return the work of running it
     */
    public static WorkItem task(TaskId id) {
        return new WorkItem(id.connector(), id.task());
    }

    /** @return whether this is a connector instance rather than a task */
    public boolean isConnector() {
        return task == CONNECTOR;
    }

    /** @return the task this item is; only for a task */
    public TaskId taskId() {
        if (isConnector()) {
            throw new IllegalStateException(this + " is a connector, not a task");
        }
        return new TaskId(connector, task);
    }

    @Override
    public int compareTo(WorkItem other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return isConnector() ? connector : connector + "-" + task;
    }
}
