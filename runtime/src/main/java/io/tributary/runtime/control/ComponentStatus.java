package io.tributary.runtime.control;

/**
 * The status of a connector or of one task.
 *
 * @param state {@code UNASSIGNED}, {@code RUNNING}, {@code PAUSED}, {@code FAILED}, {@code STOPPED} or
 *     {@code RESTARTING}
 * @param workerId the worker that runs it
 * @param trace the failure's stack trace when the state is {@code FAILED}; null otherwise
 * @param version the connector plugin's version; null when unknown
 */
public record ComponentStatus(String state, String workerId, String trace, String version) {
    /** The state of a component about to be restarted. */
    public static final String RESTARTING = "RESTARTING";

    /** The state of a component that failed. */
    public static final String FAILED = "FAILED";

    /** @return whether the component failed */
    public boolean failed() {
        return FAILED.equals(state);
    }

    /** @return this status shown as about to be restarted, without a trace */
    public ComponentStatus restarting() {
        return new ComponentStatus(RESTARTING, workerId, null, version);
    }
}
