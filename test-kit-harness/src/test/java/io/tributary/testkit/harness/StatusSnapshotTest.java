package io.tributary.testkit.harness;

import static io.tributary.testkit.harness.HarnessAssertions.assertThat;

import io.tributary.runtime.embed.ConnectorStatus;
import io.tributary.runtime.embed.ConnectorStatus.State;
import io.tributary.runtime.embed.ConnectorStatus.TaskStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusSnapshotTest {
    private static final Part RUNNING = new Part(State.RUNNING, null);

    /** The state and trace of a connector or a task. */
    private record Part(State state, String trace) {}

    private static StatusSnapshot snapshot(Part connector, Part... tasks) {
        List<TaskStatus> taskStatuses = new ArrayList<>();
        for (int i = 0; i < tasks.length; i++) {
            taskStatuses.add(new TaskStatus(i, tasks[i].state(), "w1", tasks[i].trace()));
        }
        return new StatusSnapshot(
                "orders",
                new ConnectorStatus("orders", "sink", connector.state(), "w1", connector.trace(), taskStatuses));
    }

    private static Part in(State state) {
        return new Part(state, null);
    }

    private static Part failedWith(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return new Part(State.FAILED, trace.toString());
    }

    @Test
    void aFailedTaskMakesTheConnectorFailedAndShowsTheStartOfItsTrace() {
        StatusSnapshot seen = snapshot(RUNNING, RUNNING, failedWith(new IllegalStateException("disk full")));

        assertThat(seen.failed()).isTrue();
        assertThat(seen.running()).isFalse();
        assertThat(seen.state()).isEqualTo("FAILED");
        assertThat(seen.describe())
                .startsWith("FAILED: task 1: java.lang.IllegalStateException: disk full\n\tat ")
                .endsWith("\n[connector RUNNING, task 0 RUNNING, task 1 FAILED]");
    }

    @Test
    void aLongTraceKeepsItsFirstLinesAndEveryCause() {
        Exception error = new RuntimeException("outer", new IllegalArgumentException("the real cause"));

        String excerpt = StatusSnapshot.excerpt(failedWith(error).trace());

        assertThat(excerpt.lines().limit(6)).allSatisfy(line -> assertThat(line).doesNotContain("left out"));
        assertThat(excerpt)
                .startsWith("java.lang.RuntimeException: outer")
                .contains("Caused by: java.lang.IllegalArgumentException: the real cause")
                .containsPattern("\t\\.\\.\\. \\(\\d+ lines? left out\\)");
    }

    @Test
    void stateNamesWhatKeepsTheConnectorFromRunning() {
        assertThat(snapshot(RUNNING, RUNNING).state()).isEqualTo("RUNNING");
        assertThat(snapshot(RUNNING).state()).isEqualTo("RUNNING with no tasks");
        assertThat(snapshot(RUNNING, in(State.UNASSIGNED)).state()).isEqualTo("UNASSIGNED");
        assertThat(snapshot(in(State.PAUSED), RUNNING).state()).isEqualTo("PAUSED");
        assertThat(new StatusSnapshot("orders", null).describe()).startsWith("not deployed");
    }

    @Test
    void aMissingTaskIsDescribedWithWhatTheConnectorHas() {
        StatusSnapshot seen = snapshot(RUNNING, RUNNING);

        assertThat(seen.describeTask(0)).isEqualTo("RUNNING [connector RUNNING, task 0 RUNNING]");
        assertThat(seen.describeTask(3)).isEqualTo("absent [connector RUNNING, task 0 RUNNING]");
    }

    @Test
    void tasksCountAsStartedOnceEachReportedAStateOfItsOwn() {
        Part unassigned = in(State.UNASSIGNED);

        assertThat(snapshot(unassigned).tasksStarted()).isFalse();
        assertThat(snapshot(RUNNING, RUNNING, unassigned).tasksStarted()).isFalse();
        assertThat(snapshot(RUNNING, RUNNING, failedWith(new IllegalStateException("x")))
                        .tasksStarted())
                .isTrue();
        assertThat(snapshot(failedWith(new IllegalStateException("x"))).tasksStarted())
                .isTrue();
        assertThat(new StatusSnapshot("orders", null).tasksStarted()).isTrue();
    }
}
