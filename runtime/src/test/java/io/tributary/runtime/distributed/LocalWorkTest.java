package io.tributary.runtime.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * How a worker's rounds, configuration changes and lost memberships meet: rounds only stop, starts run
 * afterwards on their own executor (here a queue the test runs), and nothing started survives a loss.
 */
class LocalWorkTest {
    private static final WorkItem CONNECTOR = WorkItem.connector("orders");
    private static final WorkItem TASK_0 = new WorkItem("orders", 0);
    private static final WorkItem TASK_1 = new WorkItem("orders", 1);
    private static final Set<WorkItem> ALL = Set.of(CONNECTOR, TASK_0, TASK_1);

    private final RecordingEngine engine = new RecordingEngine(false);
    private final List<String> calls = engine.calls;
    private final Set<String> runningHere = engine.running;
    private final Map<String, Consumer<String>> duringStart = engine.duringStart;

    private final Queue<Runnable> starts = new ArrayDeque<>();
    private final ClusterConfig config = new ClusterConfig();
    private final LocalWork work = new LocalWork(engine, config::snapshot, starts::add, () -> {
        calls.add("stop everything");
        runningHere.clear();
    });

    LocalWorkTest() {
        long offset = 0;
        config.apply("connector-orders", ClusterConfig.connectorRecord(Map.of("v", "1"), 1), offset++);
        for (int i = 0; i < 2; i++) {
            config.apply("task-orders-" + i, ClusterConfig.taskRecord(Map.of("t", Integer.toString(i)), 1), offset++);
        }
        config.apply("commit-orders", ClusterConfig.commitRecord(2, 1), offset);
    }

    private static Membership.Round round(int generation, Set<WorkItem> assigned, Set<WorkItem> revoked, int losses) {
        return new Membership.Round(generation, false, "", assigned, revoked, losses);
    }

    private void runStarts() {
        while (!starts.isEmpty()) {
            starts.remove().run();
        }
    }

    @Test
    void aRoundReturnsBeforeAnythingStartsAndTheStartsRunAfterIt() {
        assertThat(work.onRound(round(1, ALL, Set.of(), 0), () -> calls.add("applied")))
                .isTrue();
        calls.remove("applied");

        assertThat(calls).as("nothing started on the round's thread").isEmpty();
        assertThat(starts).hasSize(1);
        runStarts();

        assertThat(calls).containsExactly("start orders", "start orders-0", "start orders-1");
        assertThat(work.running()).containsExactly(CONNECTOR, TASK_0, TASK_1);
    }

    @Test
    void aRoundStopsWhatItRevokesBeforeItReturns() {
        work.onRound(round(1, ALL, Set.of(), 0), () -> {});
        runStarts();
        calls.clear();

        work.onRound(round(2, Set.of(CONNECTOR, TASK_0), Set.of(TASK_1), 0), () -> {});

        assertThat(calls).containsExactly("stop orders-1");
        assertThat(runningHere).containsExactly("orders", "orders-0");
    }

    @Test
    void changesThatComeBeforeAPassBeginsShareIt() {
        work.onRound(round(1, ALL, Set.of(), 0), () -> {});
        work.reconcile();
        work.reconcile();

        assertThat(starts).hasSize(1);
        runStarts();
        work.reconcile();
        assertThat(starts).hasSize(1);
    }

    @Test
    void anItemWhoseStartOverlapsTheStopOfALossIsStoppedAgain() {
        // The watchdog stops everything while task 0 is being started, before the engine counts it as running:
        // the stop misses it.
        duringStart.put("orders-0", item -> work.onLost(1));
        work.onRound(round(1, ALL, Set.of(), 0), () -> {});

        runStarts();

        assertThat(calls)
                .containsExactly("start orders", "start orders-0", "stop everything", "stop orders-0")
                .as("task 1 is not started once the membership is lost")
                .doesNotContain("start orders-1");
        assertThat(runningHere).isEmpty();
    }

    @Test
    void nothingStartsOnceTheMembershipIsLostUntilARoundAfterTheLoss() {
        work.onRound(round(1, ALL, Set.of(), 0), () -> {});
        work.onLost(1);
        runStarts();
        assertThat(calls).containsExactly("stop everything");

        work.onRound(round(3, ALL, Set.of(), 1), () -> {});
        runStarts();

        assertThat(calls).containsExactly("stop everything", "start orders", "start orders-0", "start orders-1");
        assertThat(runningHere).containsExactly("orders", "orders-0", "orders-1");
    }

    @Test
    void aRoundDuringWhichTheMembershipWasLostIsNotApplied() {
        work.onRound(round(1, ALL, Set.of(), 0), () -> {});
        runStarts();
        calls.clear();

        // Generation 2 was handed over before the loss and reaches the work after it: others may run its items.
        work.onLost(1);
        List<String> applied = new ArrayList<>();
        assertThat(work.onRound(round(2, Set.of(CONNECTOR, TASK_0), Set.of(TASK_1), 0), () -> applied.add("2")))
                .isFalse();
        assertThat(applied)
                .as("the worker takes nothing of the round: no generation, no leadership")
                .isEmpty();
        runStarts();

        assertThat(calls).containsExactly("stop everything");
        assertThat(runningHere).isEmpty();
    }

    @Test
    void closingStopsEverythingAndNothingStartsAfter() {
        work.onRound(round(1, Set.of(CONNECTOR), Set.of(), 0), () -> {});
        runStarts();

        work.onRound(round(2, ALL, Set.of(), 0), () -> {});
        work.close();
        runStarts();
        work.onRound(round(3, ALL, Set.of(), 0), () -> {});
        runStarts();

        assertThat(calls).containsExactly("start orders", "stop orders");
        assertThat(work.running()).isEmpty();
    }

    @Test
    void aRestartReachesOnlyWhatRunsHere() {
        work.onRound(round(1, Set.of(CONNECTOR, TASK_0), Set.of(), 0), () -> {});
        runStarts();
        calls.clear();

        assertThat(work.restart(TASK_0)).isTrue();
        assertThat(work.restart(TASK_1)).isFalse();

        assertThat(calls).containsExactly("stop orders-0", "start orders-0");
    }

    @Test
    void anItemThatCannotBeBroughtInLineDoesNotKeepTheOthersFromStarting() {
        duringStart.put("orders", item -> {
            throw new IllegalStateException("cannot start " + item);
        });

        work.onRound(round(1, ALL, Set.of(), 0), () -> {});
        runStarts();

        assertThat(calls).containsExactly("start orders", "start orders-0", "start orders-1");
        assertThat(runningHere).containsExactly("orders-0", "orders-1");
    }
}
