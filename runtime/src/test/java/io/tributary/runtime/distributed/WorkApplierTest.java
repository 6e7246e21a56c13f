package io.tributary.runtime.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.runtime.control.TargetState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a worker starts, stops, restarts and pauses as rounds and configuration changes come. */
class WorkApplierTest {
    private final RecordingEngine engine = new RecordingEngine(true);
    private final List<String> calls = engine.calls;
    private final WorkApplier applier = new WorkApplier(engine);
    private final ClusterConfig config = new ClusterConfig();
    private long offset;

    private ClusterConfig.Snapshot write(String key, String value) {
        config.apply(key, value, offset++);
        return config.snapshot();
    }

    private ClusterConfig.Snapshot orders(String version, int tasks) {
        write("connector-orders", ClusterConfig.connectorRecord(Map.of("v", version), 1));
        for (int i = 0; i < tasks; i++) {
            write("task-orders-" + i, ClusterConfig.taskRecord(Map.of("t", Integer.toString(i), "v", version), 1));
        }
        return write("commit-orders", ClusterConfig.commitRecord(tasks, 1));
    }

    private static final WorkItem CONNECTOR = WorkItem.connector("orders");
    private static final WorkItem TASK_0 = new WorkItem("orders", 0);
    private static final WorkItem TASK_1 = new WorkItem("orders", 1);

    @Test
    void aRoundStartsWhatItAssignsConnectorsFirst() {
        ClusterConfig.Snapshot snapshot = orders("1", 2);

        applier.onRound(Set.of(), Set.of(TASK_1, CONNECTOR, TASK_0));
        applier.reconcile(snapshot);

        assertThat(calls)
                .containsExactly("start orders {v=1}", "start orders-0 {t=0, v=1}", "start orders-1 {t=1, v=1}");
        assertThat(applier.running()).containsExactly(CONNECTOR, TASK_0, TASK_1);
    }

    @Test
    void aRoundStopsWhatItRevokesAndLeavesTheStartsToTheReconcile() {
        ClusterConfig.Snapshot snapshot = orders("1", 2);
        applier.onRound(Set.of(), Set.of(CONNECTOR, TASK_0));
        applier.reconcile(snapshot);
        calls.clear();

        applier.onRound(Set.of(TASK_0), Set.of(CONNECTOR, TASK_1));
        assertThat(calls).containsExactly("stop orders-0");
        applier.reconcile(snapshot);

        assertThat(calls).containsExactly("stop orders-0", "start orders-1 {t=1, v=1}");
    }

    @Test
    void anItemRevokedWhileTheStartsAreUnderWayIsNotStarted() {
        ClusterConfig.Snapshot snapshot = orders("1", 2);
        applier.onRound(Set.of(), Set.of(CONNECTOR, TASK_0, TASK_1));
        List<WorkItem> pending = applier.outOfLine(snapshot);
        assertThat(pending).containsExactly(CONNECTOR, TASK_0, TASK_1);

        applier.bringInLine(pending.get(0), snapshot);
        applier.onRound(Set.of(TASK_1), Set.of(CONNECTOR, TASK_0));
        pending.subList(1, pending.size()).forEach(item -> applier.bringInLine(item, snapshot));

        assertThat(calls).containsExactly("start orders {v=1}", "start orders-0 {t=0, v=1}");
        assertThat(applier.outOfLine(snapshot)).isEmpty();
    }

    @Test
    void aNewConfigurationRestartsTheConnectorAndItsTasks() {
        applier.onRound(Set.of(), Set.of(CONNECTOR, TASK_0));
        applier.reconcile(orders("1", 1));
        calls.clear();

        applier.reconcile(orders("2", 1));

        assertThat(calls)
                .containsExactly("stop orders", "start orders {v=2}", "stop orders-0", "start orders-0 {t=0, v=2}");
    }

    @Test
    void aNewTargetStatePausesAndResumesWithoutRestarting() {
        applier.onRound(Set.of(), Set.of(CONNECTOR, TASK_0));
        applier.reconcile(orders("1", 1));
        calls.clear();

        applier.reconcile(write("target-state-orders", ClusterConfig.targetStateRecord(TargetState.PAUSED, 1)));
        applier.reconcile(write("target-state-orders", ClusterConfig.targetStateRecord(TargetState.RUNNING, 1)));

        assertThat(calls)
                .containsExactly("pause orders", "pause tasks of orders", "resume orders", "resume tasks of orders");
    }

    @Test
    void aStoppedOrDeletedConnectorStopsAndAnAssignedTaskWaitsForItsConfiguration() {
        applier.onRound(Set.of(), Set.of(CONNECTOR, TASK_0, TASK_1));
        applier.reconcile(orders("1", 1));
        assertThat(applier.running()).as("task 1 has no configuration yet").containsExactly(CONNECTOR, TASK_0);
        calls.clear();

        applier.reconcile(write("target-state-orders", ClusterConfig.targetStateRecord(TargetState.STOPPED, 1)));

        assertThat(calls).containsExactly("stop orders", "stop orders-0");
        assertThat(applier.running()).isEmpty();
    }

    @Test
    void losingTheMembershipStopsEverything() {
        applier.onRound(Set.of(), Set.of(CONNECTOR, TASK_0));
        applier.reconcile(orders("1", 1));
        calls.clear();

        applier.stopAll();
        applier.reconcile(orders("2", 1));

        assertThat(calls).containsExactly("stop orders", "stop orders-0");
    }
}
