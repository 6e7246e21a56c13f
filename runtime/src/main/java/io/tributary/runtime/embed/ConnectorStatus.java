package io.tributary.runtime.embed;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A connector's status with its tasks', as an {@link EmbeddedWorker} reports it: the same states and
 * fields as Kafka Connect's status API.
 *
 * @param name the connector; never null
 * @param type {@code source}, {@code sink}, or {@code unknown} while the connector is not created yet;
 *     never null
 * @param state the connector's own state; never null
 * @param workerId the worker that runs the connector; never null
 * @param trace for {@link State#FAILED}: the failure's stack trace; otherwise null
 * @param tasks each task's status, by task number; unmodifiable, empty until the connector created its
 *     tasks
 */
public record ConnectorStatus(
        String name, String type, State state, String workerId, String trace, List<TaskStatus> tasks) {

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

    /**
     * One task's status.
     *
     * @param id the task number, from 0
     * @param state its state; never null
     * @param workerId the worker that runs it; never null
     * @param trace for {@link State#FAILED}: the failure's stack trace; otherwise null
     */
    public record TaskStatus(int id, State state, String workerId, String trace) {
        public TaskStatus {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(workerId, "workerId");
        }
    }

    public ConnectorStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(workerId, "workerId");
        tasks = List.copyOf(tasks);
    }

    /**
     * @param id a task number
     * @return that task's status, or empty if the connector has no such task (yet)
     */
    public Optional<TaskStatus> task(int id) {
        return tasks.stream().filter(task -> task.id() == id).findFirst();
    }

    /** @return whether the connector and every task run (and there is at least one task) */
    public boolean isRunning() {
        return state == State.RUNNING && !tasks.isEmpty() && tasks.stream().allMatch(t -> t.state() == State.RUNNING);
    }
}
