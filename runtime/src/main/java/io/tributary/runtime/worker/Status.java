package io.tributary.runtime.worker;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The state of a connector or task, as status reports show it.
 *
 * @param state the state
 * @param trace for {@link State#FAILED}: the failure's stack trace; otherwise null
 * @param workerId the worker that runs it
 */
public record Status(State state, String trace, String workerId) {

    /**
     * @param workerId the worker
     * @param error the failure
     * @return a failed status carrying the failure's trace
     */
    public static Status failed(String workerId, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return new Status(State.FAILED, trace.toString(), workerId);
    }
}
