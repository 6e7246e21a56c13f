package io.tributary.runtime.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.runtime.control.TargetState;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.Waits;
import io.tributary.testkit.WithKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two workers' views of one config topic: what one writes, the other replays, in order. */
@WithKafka
class ConfigLogIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void whatOneWorkerWritesEveryWorkerReplays(KafkaCluster kafka) throws Exception {
        String topic = kafka.createTopic("configs", 1);
        Map<String, Object> clients = Map.of("bootstrap.servers", kafka.bootstrapServers());
        AtomicInteger changes = new AtomicInteger();
        List<ClusterConfig.Restart> restarts = new CopyOnWriteArrayList<>();
        try (ConfigLog writer = new ConfigLog(topic, clients, () -> {}, r -> {});
                ConfigLog reader = new ConfigLog(topic, clients, changes::incrementAndGet, restarts::add)) {
            writer.start(TIMEOUT);
            reader.start(TIMEOUT);

            writer.putConnector("orders", Map.of("connector.class", "X", "topic", "o"), 1);
            writer.putTaskConfigs("orders", List.of(Map.of("t", "0"), Map.of("t", "1")), 1);
            writer.putTargetState("orders", TargetState.PAUSED, 1);
            writer.putConnector("users", Map.of("connector.class", "Y"), 1);
            writer.removeConnector("users");
            writer.requestRestart("orders", true, List.of(1), 1);
            assertThatThrownBy(() -> writer.requestRestart("orders", false, List.of(0), 0))
                    .as("a write behind the generation of one already applied is ignored, and its writer told so")
                    .isInstanceOfSatisfying(
                            ConfigLog.FencedException.class,
                            e -> assertThat(e.generation()).isEqualTo(1));

            Waits.until(
                    "the reader caught up",
                    () -> reader.snapshot().targetStates().containsKey("orders")
                            && !reader.snapshot().connectors().containsKey("users"));
            writer.readToEnd().get(30, TimeUnit.SECONDS);
            reader.readToEnd().get(30, TimeUnit.SECONDS);
            ClusterConfig.Snapshot seen = reader.snapshot();
            assertThat(seen.connectors()).containsOnlyKeys("orders");
            assertThat(seen.taskConfigs().get("orders")).containsExactly(Map.of("t", "0"), Map.of("t", "1"));
            assertThat(seen.targetStates()).containsEntry("orders", TargetState.PAUSED);
            assertThat(seen).isEqualTo(writer.snapshot());
            assertThat(changes.get()).isGreaterThanOrEqualTo(4);
            assertThat(restarts)
                    .as("the restart request, and not the one fenced off by its older generation")
                    .containsExactly(new ClusterConfig.Restart("orders", true, List.of(1)));
        }
        List<ClusterConfig.Restart> replayed = new CopyOnWriteArrayList<>();
        try (ConfigLog late = new ConfigLog(topic, clients, () -> {}, replayed::add)) {
            late.start(TIMEOUT);

            assertThat(replayed)
                    .as("restart requests older than the worker were meant for what ran before it")
                    .isEmpty();

            assertThat(late.snapshot().work())
                    .as("a worker that starts later replays the same")
                    .containsExactly(
                            WorkItem.connector("orders"), new WorkItem("orders", 0), new WorkItem("orders", 1));
        }
    }

    @Test
    void aWriterOneRebalanceBehindIsToldItsWriteWasIgnoredAndLandsItInTheLaterGeneration(KafkaCluster kafka) {
        String topic = kafka.createTopic("configs", 1);
        Map<String, Object> clients = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (ConfigLog leader = new ConfigLog(topic, clients, () -> {}, r -> {});
                ConfigLog follower = new ConfigLog(topic, clients, () -> {}, r -> {})) {
            leader.start(TIMEOUT);
            follower.start(TIMEOUT);
            leader.putConnector("orders", Map.of("connector.class", "X"), 4);
            // The follower got generation 5 of a rebalance first, and published task configurations in it.
            follower.putTaskConfigs("orders", List.of(Map.of("t", "0")), 5);

            assertThatThrownBy(() -> leader.putConnector("users", Map.of("connector.class", "Y"), 4))
                    .isInstanceOfSatisfying(
                            ConfigLog.FencedException.class,
                            e -> assertThat(e.generation()).isEqualTo(5))
                    .hasMessageContaining("generation 5")
                    .hasMessageContaining(topic);
            assertThat(leader.snapshot().connectors()).containsOnlyKeys("orders");

            leader.putConnector("users", Map.of("connector.class", "Y"), 5);

            assertThat(leader.snapshot().connectors()).containsOnlyKeys("orders", "users");
            assertThat(leader.snapshot().taskConfigs().get("orders")).containsExactly(Map.of("t", "0"));
        }
    }
}
