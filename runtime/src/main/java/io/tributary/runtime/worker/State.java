package io.tributary.runtime.worker;

/** The states of connectors and tasks, with the names Kafka Connect's status API uses. */
public enum State {
    /** Not started yet. */
    UNASSIGNED,
    /** Running. */
    RUNNING,
    /** Paused: running but not moving data. */
    PAUSED,
    /** Stopped by a failure; the trace says why. */
    FAILED,
    /** Stopped on request. */
    STOPPED,
    /** Being restarted. */
    RESTARTING
}
