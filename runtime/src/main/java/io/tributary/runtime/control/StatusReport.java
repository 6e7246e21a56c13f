package io.tributary.runtime.control;

import java.util.List;

/**
 * A connector's status with its tasks'.
 *
 * @param name the connector
 * @param connector the connector's own status
 * @param tasks each task's status, by number; empty while the connector is stopped
 * @param type {@code source} or {@code sink}
 */
public record StatusReport(String name, ComponentStatus connector, List<TaskStatus> tasks, String type) {
    /** Copies the tasks. */
    public StatusReport {
        tasks = List.copyOf(tasks);
    }
}
