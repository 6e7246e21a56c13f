package io.tributary.runtime.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.runtime.control.ControlException;
import io.tributary.runtime.control.TargetState;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.WithKafka;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A change the leader makes while a rebalance begins: another worker already wrote in the new generation, so
 * the leader's write, stamped with the generation before, is ignored by every worker. The leader makes it
 * again once it is settled in the new generation, or refuses it as a conflict; it never reports a change
 * that no worker applies.
 */
@WithKafka
class DistributedControlFencingIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The leader's place: in generation 4 until it is asked to settle in a later one, which it reaches or not. */
    private static final class Place implements DistributedControl.Cluster {
        final List<Integer> awaited = new CopyOnWriteArrayList<>();
        volatile int generation = 4;
        volatile boolean reachesLaterGenerations = true;

        @Override
        public boolean leads() {
            return true;
        }

        @Override
        public URI leaderUrl() {
            return URI.create("http://a:8083");
        }

        @Override
        public int generation() {
            return generation;
        }

        @Override
        public boolean awaitSettled(int atLeast, Duration timeout) {
            awaited.add(atLeast);
            if (atLeast > generation) {
                if (!reachesLaterGenerations) {
                    return false;
                }
                generation = atLeast;
            }
            return true;
        }

        @Override
        public String workerId() {
            return "a:8083";
        }
    }

    /**
     * Starts both logs, writes connector {@code orders} from the leader in generation 4, then its task
     * configurations from a follower already in generation 5.
     *
     * @return the leader's control
     */
    private static DistributedControl withAFollowerAhead(Place place, ConfigLog configs, ConfigLog follower) {
        configs.start(TIMEOUT);
        follower.start(TIMEOUT);
        configs.putConnector("orders", Map.of("connector.class", "X"), 4);
        follower.putTaskConfigs("orders", List.of(Map.of("t", "0")), 5);
        return new DistributedControl(place, configs, null, null, null, TIMEOUT);
    }

    @Test
    void aChangeFencedOffByAWorkerAlreadyInTheNextGenerationIsMadeAgainInIt(KafkaCluster kafka) {
        String topic = kafka.createTopic("configs", 1);
        Map<String, Object> clients = Map.of("bootstrap.servers", kafka.bootstrapServers());
        Place place = new Place();
        try (ConfigLog configs = new ConfigLog(topic, clients, () -> {}, r -> {});
                ConfigLog follower = new ConfigLog(topic, clients, () -> {}, r -> {})) {
            DistributedControl control = withAFollowerAhead(place, configs, follower);

            control.pause("orders");

            assertThat(configs.snapshot().targetStates())
                    .as("the pause, written again in generation 5")
                    .containsEntry("orders", TargetState.PAUSED);
            assertThat(place.awaited)
                    .as("settled before the change, then in the generation that fenced it off")
                    .containsExactly(0, 5);
        }
    }

    @Test
    void aChangeFencedOffOnAWorkerThatDoesNotReachTheNextGenerationIsAConflict(KafkaCluster kafka) {
        String topic = kafka.createTopic("configs", 1);
        Map<String, Object> clients = Map.of("bootstrap.servers", kafka.bootstrapServers());
        Place place = new Place();
        place.reachesLaterGenerations = false;
        try (ConfigLog configs = new ConfigLog(topic, clients, () -> {}, r -> {});
                ConfigLog follower = new ConfigLog(topic, clients, () -> {}, r -> {})) {
            DistributedControl control = withAFollowerAhead(place, configs, follower);

            assertThatThrownBy(() -> control.stop("orders"))
                    .isInstanceOfSatisfying(
                            ControlException.class,
                            e -> assertThat(e.reason()).isEqualTo(ControlException.Reason.CONFLICT))
                    .hasMessageContaining("rebalancing")
                    .hasMessageContaining("retry");
            assertThat(configs.snapshot().targetStates()).containsEntry("orders", TargetState.RUNNING);
        }
    }
}
