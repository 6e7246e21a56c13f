package io.tributary.runtime.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.runtime.control.ComponentStatus;
import io.tributary.runtime.control.StatusReport;
import io.tributary.runtime.control.TaskStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The restart rules of Kafka Connect's {@code POST /connectors/{name}/restart}, flag by flag. */
class RestartPlanTest {
    private static ComponentStatus status(String state) {
        return new ComponentStatus(state, "w:8083", state.equals("FAILED") ? "trace" : null, "1.0");
    }

    private static StatusReport report(String connector, String... tasks) {
        List<TaskStatus> taskStatuses = new java.util.ArrayList<>();
        for (int i = 0; i < tasks.length; i++) {
            taskStatuses.add(new TaskStatus(i, status(tasks[i])));
        }
        return new StatusReport("c", status(connector), taskStatuses, "source");
    }

    private static List<String> states(StatusReport report) {
        List<String> states = new java.util.ArrayList<>();
        states.add(report.connector().state());
        report.tasks().forEach(t -> states.add(t.status().state()));
        return states;
    }

    @Test
    void withoutFlagsOnlyTheConnectorRestarts() {
        RestartPlan plan = RestartPlan.of(report("RUNNING", "FAILED", "RUNNING"), false, false);

        assertThat(plan.connector()).isTrue();
        assertThat(plan.tasks()).isEmpty();
        assertThat(plan.whole()).isFalse();
        assertThat(states(plan.planned())).containsExactly("RESTARTING", "FAILED", "RUNNING");
    }

    @Test
    void includeTasksRestartsTheWhole() {
        RestartPlan plan = RestartPlan.of(report("RUNNING", "FAILED", "RUNNING"), true, false);

        assertThat(plan.whole()).isTrue();
        assertThat(plan.tasks()).containsExactly(0, 1);
        assertThat(states(plan.planned())).containsOnly("RESTARTING");
        assertThat(plan.planned().tasks().get(0).status().trace())
                .as("a restarting task shows no trace")
                .isNull();
    }

    @Test
    void onlyFailedWithTasksRestartsTheFailedTasksAndNotARunningConnector() {
        RestartPlan plan = RestartPlan.of(report("RUNNING", "FAILED", "RUNNING", "FAILED"), true, true);

        assertThat(plan.connector()).isFalse();
        assertThat(plan.tasks()).containsExactly(0, 2);
        assertThat(states(plan.planned())).containsExactly("RUNNING", "RESTARTING", "RUNNING", "RESTARTING");
    }

    @Test
    void onlyFailedWithoutTasksRestartsAFailedConnectorAlone() {
        RestartPlan failed = RestartPlan.of(report("FAILED", "FAILED"), false, true);
        RestartPlan running = RestartPlan.of(report("RUNNING", "FAILED"), false, true);

        assertThat(failed.connector()).isTrue();
        assertThat(failed.tasks()).isEmpty();
        assertThat(running.connector()).isFalse();
        assertThat(states(running.planned())).containsExactly("RUNNING", "FAILED");
    }

    @Test
    void nothingFailedMeansNothingRestartsAndTheStatusIsUnchanged() {
        StatusReport healthy = report("RUNNING", "RUNNING");

        RestartPlan plan = RestartPlan.of(healthy, true, true);

        assertThat(plan.connector()).isFalse();
        assertThat(plan.tasks()).isEmpty();
        assertThat(plan.planned()).isEqualTo(healthy);
    }
}
