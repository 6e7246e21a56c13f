package io.tributary.runtime.errors;

import io.tributary.sdk.errors.TributaryException;

/** An operation failed and the connector's error policy does not tolerate it: the task stops. */
public final class ToleranceExceededException extends TributaryException {
    private static final long serialVersionUID = 1L;

    private final Stage stage;

    /**
     * @param stage where it failed
     * @param executingClass what failed; may be null
     * @param cause the failure
     */
    public ToleranceExceededException(Stage stage, Class<?> executingClass, Throwable cause) {
        super(
                "Stopping the task: " + stage + (executingClass != null ? " (" + executingClass.getName() + ")" : "")
                        + " failed and errors.tolerance=none does not allow skipping the record: " + cause
                        + ". Fix the cause, or set errors.tolerance=all (with errors.deadletterqueue.topic.name for sinks) to"
                        + " skip bad records",
                cause);
        this.stage = stage;
    }

    /** @return where it failed */
    public Stage stage() {
        return stage;
    }
}
