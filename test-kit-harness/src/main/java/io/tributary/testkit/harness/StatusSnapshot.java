package io.tributary.testkit.harness;

import io.tributary.runtime.embed.ConnectorStatus;
import io.tributary.runtime.embed.ConnectorStatus.State;
import io.tributary.runtime.embed.ConnectorStatus.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A connector's status at one moment, as the harness saw it, with the words failure messages use for it.
 *
 * @param connector the connector's name
 * @param info its status and its tasks'; null when it is not deployed
 */
record StatusSnapshot(String connector, ConnectorStatus info) {
    /** How much of a trace a message shows; "Caused by" lines further down are shown too. */
    private static final int TRACE_LINES = 6;

    boolean deployed() {
        return info != null;
    }

    boolean running() {
        return info != null && info.isRunning();
    }

    boolean paused() {
        return info != null
                && info.state() == State.PAUSED
                && !info.tasks().isEmpty()
                && info.tasks().stream().allMatch(t -> t.state() == State.PAUSED);
    }

    /** @return whether the connector or any task failed: final until the connector is restarted */
    boolean failed() {
        return failure().isPresent();
    }

    /**
     * @return whether the worker is done starting the connector's tasks: each reported a state of its
     *     own, or the connector failed, or it is gone
     */
    boolean tasksStarted() {
        if (info == null || connectorFailed()) {
            return true;
        }
        State connectorState = info.state();
        return connectorState != State.UNASSIGNED
                && connectorState != State.RESTARTING
                && info.tasks().stream()
                        .map(TaskStatus::state)
                        .noneMatch(s -> s == State.UNASSIGNED || s == State.RESTARTING);
    }

    int taskCount() {
        return info == null ? 0 : info.tasks().size();
    }

    Optional<TaskStatus> task(int task) {
        return info == null ? Optional.empty() : info.task(task);
    }

    boolean taskIn(int task, State state) {
        return task(task).map(s -> s.state() == state).orElse(false);
    }

    boolean connectorFailed() {
        return info != null && info.state() == State.FAILED;
    }

    /** @return the connector's state as one word, FAILED if any part of it failed, for "but was ..." */
    String state() {
        if (info == null) {
            return "not deployed";
        }
        if (failed()) {
            return State.FAILED.name();
        }
        if (info.state() != State.RUNNING) {
            return info.state().name();
        }
        return info.tasks().stream()
                .map(TaskStatus::state)
                .filter(s -> s != State.RUNNING)
                .findFirst()
                .map(State::name)
                .orElse(info.tasks().isEmpty() ? "RUNNING with no tasks" : State.RUNNING.name());
    }

    /** @return the connector's state, the first failure's trace if any, and every part's state */
    String describe() {
        if (info == null) {
            return notDeployed();
        }
        return failure()
                .map(failure -> State.FAILED.name() + ": " + failure + "\n[" + summary() + "]")
                .orElseGet(() -> state() + " [" + summary() + "]");
    }

    /** @return one task's state, its trace if it failed, and every part's state */
    String describeTask(int task) {
        if (info == null) {
            return notDeployed();
        }
        Optional<TaskStatus> status = task(task);
        if (status.isEmpty()) {
            String why =
                    connectorFailed() ? "absent: the connector FAILED: " + excerpt(info.trace()) + "\n" : "absent ";
            return why + "[" + summary() + "]";
        }
        if (status.get().state() == State.FAILED) {
            return State.FAILED.name() + ": " + excerpt(status.get().trace()) + "\n[" + summary() + "]";
        }
        return status.get().state().name() + " [" + summary() + "]";
    }

    /** @return the states of the connector and each task, such as {@code connector RUNNING, task 0 FAILED} */
    String summary() {
        if (info == null) {
            return "not deployed";
        }
        String tasks = info.tasks().isEmpty()
                ? "no tasks"
                : info.tasks().stream()
                        .map(t -> "task " + t.id() + " " + t.state())
                        .collect(Collectors.joining(", "));
        return "connector " + info.state() + ", " + tasks;
    }

    private Optional<String> failure() {
        if (info == null) {
            return Optional.empty();
        }
        if (info.state() == State.FAILED) {
            return Optional.of("connector: " + excerpt(info.trace()));
        }
        return info.tasks().stream()
                .filter(t -> t.state() == State.FAILED)
                .findFirst()
                .map(t -> "task " + t.id() + ": " + excerpt(t.trace()));
    }

    private static String notDeployed() {
        return "not deployed (it was stopped, or the scope that deployed it ended)";
    }

    /**
     * @param trace a stack trace as text; may be null
     * @return its first lines and every "Caused by" line, enough to see what failed and why
     */
    static String excerpt(String trace) {
        if (trace == null || trace.isBlank()) {
            return "(no trace)";
        }
        String[] lines = trace.strip().split("\\R");
        List<String> shown = new ArrayList<>();
        int leftOut = 0;
        for (int i = 0; i < lines.length; i++) {
            if (i < TRACE_LINES || lines[i].startsWith("Caused by:")) {
                if (leftOut > 0) {
                    shown.add(leftOutLine(leftOut));
                    leftOut = 0;
                }
                shown.add(lines[i]);
            } else {
                leftOut++;
            }
        }
        if (leftOut > 0) {
            shown.add(leftOutLine(leftOut));
        }
        return String.join("\n", shown);
    }

    private static String leftOutLine(int count) {
        return "\t... (" + count + (count == 1 ? " line" : " lines") + " left out)";
    }
}
