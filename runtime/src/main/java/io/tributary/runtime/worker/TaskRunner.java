package io.tributary.runtime.worker;

import io.tributary.sdk.connector.TaskId;

/** A task running on its own thread, which the worker can pause, resume and stop. */
interface TaskRunner extends Runnable {

    /** @return the task */
    TaskId id();

    /** Stops moving data until resumed; the task stays started. */
    void pause();

    /** Moves data again after a pause. */
    void resume();

    /** Asks the task to stop; returns at once. The runner's thread ends after the final commit. */
    void stop();

    /**
     * Gives up on a task that did not stop within the graceful timeout: it commits nothing more and its
     * clients are closed where that is safe from another thread. Returns at once.
     */
    void cancel();

    /** @return whether the task failed: it ended, or is ending, FAILED */
    boolean failed();
}
