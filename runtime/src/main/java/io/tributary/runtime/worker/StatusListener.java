package io.tributary.runtime.worker;

import io.tributary.sdk.connector.TaskId;

/** Told when connectors and tasks change state. Implementations must be thread-safe and quick. */
public interface StatusListener {

    /**
     * @param connector the connector's name
     * @param status its new status
     */
    void connectorStatus(String connector, Status status);

    /**
     * @param task the task
     * @param status its new status
     */
    void taskStatus(TaskId task, Status status);
}
