package io.tributary.runtime.errors;

import io.tributary.sdk.errors.TributaryException;

/**
 * The task was told to stop while an operation waited to be retried. It is neither a failure nor a
 * skipped record: the record stays unprocessed, its offset is not committed, and it is read again when
 * the task next runs. Task runners end their batch when they catch it.
 */
public final class TaskStoppingException extends TributaryException {
    private static final long serialVersionUID = 1L;

    /** @param stage the stage that was waiting to be retried */
    public TaskStoppingException(Stage stage) {
        super("The task is stopping; " + stage + " was waiting to be retried and is abandoned, not failed");
    }
}
