package io.tributary.runtime.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.runtime.control.TargetState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The config topic's records, applied one by one, as every worker replays them. */
class ClusterConfigTest {
    private final ClusterConfig config = new ClusterConfig();
    private long offset;

    private boolean apply(String key, String value) {
        return config.apply(key, value, offset++);
    }

    @Test
    void tasksAppearOnlyWhenTheirCommitArrives() {
        apply("connector-orders", ClusterConfig.connectorRecord(Map.of("topic", "o"), 1));
        apply("task-orders-0", ClusterConfig.taskRecord(Map.of("t", "0"), 1));
        apply("task-orders-1", ClusterConfig.taskRecord(Map.of("t", "1"), 1));

        assertThat(config.snapshot().taskConfigs()).doesNotContainKey("orders");
        assertThat(config.snapshot().work()).containsExactly(WorkItem.connector("orders"));

        assertThat(apply("commit-orders", ClusterConfig.commitRecord(2, 1))).isTrue();

        assertThat(config.snapshot().taskConfigs().get("orders")).containsExactly(Map.of("t", "0"), Map.of("t", "1"));
        assertThat(config.snapshot().work())
                .containsExactly(WorkItem.connector("orders"), new WorkItem("orders", 0), new WorkItem("orders", 1));
        assertThat(config.snapshot().offset()).isEqualTo(4);
    }

    @Test
    void afterTheGroupWasMadeAnewItsLowerGenerationsCountAgain() {
        apply("connector-orders", ClusterConfig.connectorRecord(Map.of("v", "old"), 6));
        assertThat(apply("connector-users", ClusterConfig.connectorRecord(Map.of(), 1)))
                .as("a generation behind one applied")
                .isFalse();

        assertThat(apply(ClusterConfig.GENERATIONS_RESTARTED + "a", ClusterConfig.generationsRestartedRecord(1, 6)))
                .as("changes no configuration")
                .isFalse();
        assertThat(apply("connector-users", ClusterConfig.connectorRecord(Map.of(), 1)))
                .isTrue();
        assertThat(apply("connector-orders", ClusterConfig.connectorRecord(Map.of("v", "new"), 2)))
                .isTrue();
        assertThat(apply("connector-orders", ClusterConfig.connectorRecord(Map.of("v", "zombie"), 1)))
                .as("fencing goes on from the new generations")
                .isFalse();

        assertThat(config.snapshot().connectors()).containsOnlyKeys("orders", "users");
        assertThat(config.snapshot().connectors().get("orders")).containsEntry("v", "new");
        assertThat(config.highestGeneration()).isEqualTo(2);
    }

    @Test
    void aRestartOfGenerationsWrittenBeforeALaterGenerationCameIsIgnored() {
        apply("connector-orders", ClusterConfig.connectorRecord(Map.of("v", "old"), 6));
        // A leader saw 6 and wrote its record late, after a record of generation 7 came.
        apply("connector-orders", ClusterConfig.connectorRecord(Map.of("v", "current"), 7));

        apply(ClusterConfig.GENERATIONS_RESTARTED + "b", ClusterConfig.generationsRestartedRecord(1, 6));

        assertThat(apply("connector-orders", ClusterConfig.connectorRecord(Map.of("v", "zombie"), 6)))
                .isFalse();
        assertThat(config.snapshot().connectors().get("orders")).containsEntry("v", "current");
        assertThat(config.highestGeneration()).isEqualTo(7);
    }

    @Test
    void aCommitWithoutItsTasksKeepsThePreviousOnes() {
        apply("connector-orders", ClusterConfig.connectorRecord(Map.of(), 1));
        apply("task-orders-0", ClusterConfig.taskRecord(Map.of("t", "first"), 1));
        apply("commit-orders", ClusterConfig.commitRecord(1, 1));

        assertThat(apply("commit-orders", ClusterConfig.commitRecord(2, 1))).isFalse();

        assertThat(config.snapshot().taskConfigs().get("orders")).containsExactly(Map.of("t", "first"));
    }

    @Test
    void aStoppedConnectorHasNoWorkAndADeletedOneIsGone() {
        apply("connector-orders", ClusterConfig.connectorRecord(Map.of(), 1));
        apply("task-orders-0", ClusterConfig.taskRecord(Map.of(), 1));
        apply("commit-orders", ClusterConfig.commitRecord(1, 1));
        apply("target-state-orders", ClusterConfig.targetStateRecord(TargetState.STOPPED, 1));

        assertThat(config.snapshot().targetStates()).containsEntry("orders", TargetState.STOPPED);
        assertThat(config.snapshot().work()).isEmpty();

        apply("connector-orders", null);

        assertThat(config.snapshot().connectors()).isEmpty();
        assertThat(config.snapshot().targetStates()).isEmpty();
        assertThat(config.snapshot().taskConfigs()).isEmpty();
    }

    @Test
    void aLateWriteFromAnOlderGenerationIsIgnored() {
        apply("connector-orders", ClusterConfig.connectorRecord(Map.of("v", "1"), 3));
        apply("task-orders-0", ClusterConfig.taskRecord(Map.of("by", "leader of 4"), 4));
        apply("commit-orders", ClusterConfig.commitRecord(1, 4));

        boolean zombie = apply("task-orders-0", ClusterConfig.taskRecord(Map.of("by", "zombie of 3"), 3))
                | apply("commit-orders", ClusterConfig.commitRecord(1, 3))
                | apply("target-state-orders", ClusterConfig.targetStateRecord(TargetState.PAUSED, 3));

        assertThat(zombie).isFalse();
        assertThat(config.snapshot().taskConfigs().get("orders")).containsExactly(Map.of("by", "leader of 4"));
        assertThat(config.snapshot().targetStates()).containsEntry("orders", TargetState.RUNNING);
        assertThat(config.highestGeneration()).isEqualTo(4);
    }

    @Test
    void unreadableRecordsAreSkipped() {
        assertThat(apply("connector-orders", "not json")).isFalse();
        assertThat(apply("something-else", "{}")).isFalse();
        assertThat(config.snapshot().connectors()).isEmpty();
        assertThat(List.of(config.snapshot().offset())).containsExactly(2L);
    }
}
