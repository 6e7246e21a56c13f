package io.tributary.runtime.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.runtime.control.TargetState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/**
 * A follower's task configurations fenced off by a worker already in a later generation are published
 * again after its next round, from what its connector instance gives then, unless it stopped or left.
 */
class TaskConfigPublicationsTest {
    private final ClusterConfig config = new ClusterConfig();
    private long offset;
    /** The writes that every worker applied, as "orders@5 [{t=0}]". */
    private final List<String> applied = new ArrayList<>();
    /** The generation below which writes are fenced off. */
    private int fencedBelow = 5;

    private int generation = 4;
    private final Map<String, List<Map<String, String>>> instancesHere = new HashMap<>();
    private final Queue<Runnable> herder = new ArrayDeque<>();
    private final TaskConfigPublications publications = new TaskConfigPublications(
            (connector, taskConfigs, stamped) -> {
                if (stamped < fencedBelow) {
                    throw new ConfigLog.FencedException("configs", fencedBelow);
                }
                applied.add(connector + "@" + stamped + " " + taskConfigs);
                for (int i = 0; i < taskConfigs.size(); i++) {
                    config.apply(
                            "task-" + connector + "-" + i,
                            ClusterConfig.taskRecord(taskConfigs.get(i), stamped),
                            offset++);
                }
                config.apply("commit-" + connector, ClusterConfig.commitRecord(taskConfigs.size(), stamped), offset++);
            },
            config::snapshot,
            () -> generation,
            connector -> Optional.ofNullable(instancesHere.get(connector)),
            herder::add);

    TaskConfigPublicationsTest() {
        config.apply("connector-orders", ClusterConfig.connectorRecord(Map.of(), 4), offset++);
    }

    private void runHerder() {
        while (!herder.isEmpty()) {
            herder.remove().run();
        }
    }

    @Test
    void aFencedPublicationIsMadeAgainAfterTheNextRoundWithWhatTheInstanceGivesThen() {
        publications.publish("orders", List.of(Map.of("t", "0")));
        assertThat(applied).isEmpty();

        generation = 5;
        instancesHere.put("orders", List.of(Map.of("t", "0"), Map.of("t", "1")));
        publications.afterRound();
        runHerder();

        assertThat(applied).containsExactly("orders@5 [{t=0}, {t=1}]");
        assertThat(config.snapshot().taskConfigs().get("orders")).hasSize(2);
    }

    @Test
    void aPublicationMadeAgainIsMadeOnceEvenAfterManyRounds() {
        publications.publish("orders", List.of(Map.of("t", "0")));
        generation = 5;
        instancesHere.put("orders", List.of(Map.of("t", "0")));

        publications.afterRound();
        publications.afterRound();
        runHerder();
        publications.afterRound();
        runHerder();

        assertThat(applied).containsExactly("orders@5 [{t=0}]");
    }

    @Test
    void aConnectorStoppedOrGoneFromThisWorkerMeanwhileIsNotPublishedAgain() {
        publications.publish("orders", List.of(Map.of("t", "0")));
        generation = 5;
        config.apply("target-state-orders", ClusterConfig.targetStateRecord(TargetState.STOPPED, 5), offset++);
        instancesHere.put("orders", List.of(Map.of("t", "0")));
        publications.afterRound();
        runHerder();

        config.apply("target-state-orders", ClusterConfig.targetStateRecord(TargetState.RUNNING, 5), offset++);
        publications.publish("orders", List.of(Map.of("t", "1")));
        fencedBelow = 6;
        publications.publish("orders", List.of(Map.of("t", "2")));
        instancesHere.remove("orders");
        publications.afterRound();
        runHerder();

        assertThat(applied)
                .as("only the publication made in the generation of the fence")
                .containsExactly("orders@5 [{t=1}]");
    }

    @Test
    void configurationsAlreadyPublishedAreNotWrittenAgain() {
        generation = 5;
        publications.publish("orders", List.of(Map.of("t", "0")));
        publications.publish("orders", List.of(Map.of("t", "0")));

        assertThat(applied).containsExactly("orders@5 [{t=0}]");
    }
}
