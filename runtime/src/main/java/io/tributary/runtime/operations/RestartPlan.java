package io.tributary.runtime.operations;

import io.tributary.runtime.control.StatusReport;
import io.tributary.runtime.control.TaskStatus;
import java.util.List;

/**
 * What a restart request restarts, decided from the connector's status as Kafka Connect decides it: the
 * connector unless only failed parts are asked for and it did not fail; its tasks when they are included,
 * all of them or only the failed ones.
 *
 * @param planned the status as it was, with what restarts shown as {@code RESTARTING}: the answer to the
 *     request
 * @param connector whether the connector instance restarts
 * @param tasks the numbers of the tasks that restart
 * @param whole whether the connector restarts together with its tasks, as one
 */
public record RestartPlan(StatusReport planned, boolean connector, List<Integer> tasks, boolean whole) {
    /** Copies the tasks. */
    public RestartPlan {
        tasks = List.copyOf(tasks);
    }

    /**
     * @param current the connector's status now
     * @param includeTasks whether tasks may restart
     * @param onlyFailed whether only failed parts restart
     * @return the plan
     */
    public static RestartPlan of(StatusReport current, boolean includeTasks, boolean onlyFailed) {
        boolean connector = !onlyFailed || current.connector().failed();
        List<Integer> tasks = includeTasks
                ? current.tasks().stream()
                        .filter(t -> !onlyFailed || t.status().failed())
                        .map(TaskStatus::id)
                        .toList()
                : List.of();
        StatusReport planned = new StatusReport(
                current.name(),
                connector ? current.connector().restarting() : current.connector(),
                current.tasks().stream()
                        .map(t -> tasks.contains(t.id())
                                ? new TaskStatus(t.id(), t.status().restarting())
                                : t)
                        .toList(),
                current.type());
        // A failed connector has stopped its tasks: it restarts whole, whatever the flags asked of them.
        boolean whole = connector
                && (tasks.size() == current.tasks().size()
                        || current.connector().failed());
        return new RestartPlan(planned, connector, tasks, whole);
    }

    /**
     * @return whether the connector restarts together with its tasks, as one: when every task restarts too,
     *     or when the connector failed, since a failed connector has stopped its tasks
     */
    public boolean whole() {
        return whole;
    }
}
