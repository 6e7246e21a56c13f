package io.tributary.runtime.control;

/** The state a connector is asked to be in; its status says whether it got there. */
public enum TargetState {
    /** Running and moving data. */
    RUNNING,
    /** Started, with its tasks started, but moving no data. */
    PAUSED,
    /** Configured, but with no connector instance and no tasks; its offsets can be changed. */
    STOPPED
}
