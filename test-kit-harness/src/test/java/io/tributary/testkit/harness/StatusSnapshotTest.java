package io.tributary.testkit.harness;

import static io.tributary.testkit.harness.HarnessAssertions.assertThat;

import io.tributary.runtime.worker.ConnectorStateInfo;
import io.tributary.runtime.worker.ConnectorStateInfo.TaskState;
import io.tributary.runtime.worker.State;
import io.tributary.runtime.worker.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusSnapshotTest {
    private static final Status RUNNING = new Status(State.RUNNING, null, "w1");

    private static StatusSnapshot snapshot(Status connector, Status... tasks) {
        List<TaskState> taskStates = new ArrayList<>();
        for (int i = 0; i < tasks.length; i++) {
            taskStates.add(new TaskState(i, tasks[i]));
        }
        return new StatusSnapshot("orders", new ConnectorStateInfo("orders", "sink", connector, taskStates));
    }

    private static Status failedWith(Throwable error) {
        return Status.failed("w1", error);
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
        assertThat(snapshot(RUNNING, new Status(State.UNASSIGNED, null, "w1")).state())
                .isEqualTo("UNASSIGNED");
        assertThat(snapshot(new Status(State.PAUSED, null, "w1"), RUNNING).state())
                .isEqualTo("PAUSED");
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
        Status unassigned = new Status(State.UNASSIGNED, null, "w1");

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
