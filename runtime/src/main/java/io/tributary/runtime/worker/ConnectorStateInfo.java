package io.tributary.runtime.worker;

import java.util.List;

/**
 * A connector's status with its tasks', shaped like Kafka Connect's status API.
 *
 * @param name the connector
 * @param type {@code source} or {@code sink}
 * @param connector the connector's own status
 * @param tasks each task's status, by task number
 */
public record ConnectorStateInfo(String name, String type, Status connector, List<TaskState> tasks) {

    /**
     * One task's status.
     *
     * @param id the task number
     * @param status its status
     */
    public record TaskState(int id, Status status) {}

    /** @return whether the connector and every task run (and there is at least one task) */
    public boolean isRunning() {
        return connector.state() == State.RUNNING
                && !tasks.isEmpty()
                && tasks.stream().allMatch(t -> t.status().state() == State.RUNNING);
    }
}
