package io.tributary.runtime.plugins;

import io.tributary.sdk.connector.Task;

/**
 * A connector adapted from another API, whose tasks the worker cannot make from {@code taskClass()}: the
 * adapter makes each task, wrapping a new instance of the foreign task class.
 */
public interface AdaptedConnector {

    /** @return a new task, to be started by the worker */
    Task newTask();
}
