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

    /**
     * A task of the connector read or wrote a topic. Called for every record or batch, so it must be quick.
     *
     * @param connector the connector's name
     * @param topic the topic
     */
    default void topicUsed(String connector, String topic) {}
}
