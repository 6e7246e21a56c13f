package io.tributary.runtime.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.runtime.control.ControlException;
import io.tributary.runtime.control.NotLeaderException;
import io.tributary.runtime.control.TargetState;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The refusals of changes that a worker cannot make now, decided before anything is read or written: during
 * a rebalance that does not end in time, on a worker that does not lead, and while no leader is known.
 */
class DistributedControlTest {

    /** A place in a cluster the test sets. */
    private static final class Place implements DistributedControl.Cluster {
        boolean settles = true;
        boolean leads;
        URI leader;
        final List<Duration> waits = new ArrayList<>();

        @Override
        public boolean leads() {
            return leads;
        }

        @Override
        public URI leaderUrl() {
            return leader;
        }

        @Override
        public int generation() {
            return 3;
        }

        @Override
        public boolean awaitSettled(int generation, Duration timeout) {
            waits.add(timeout);
            return settles;
        }

        @Override
        public String workerId() {
            return "b:8083";
        }
    }

    private final Place place = new Place();
    // Only the refusals are exercised: nothing reaches the logs, the support or the offsets.
    private final DistributedControl control =
            new DistributedControl(place, null, null, null, null, Duration.ofSeconds(15));

    @Test
    void aChangeDuringARebalanceThatDoesNotEndInTimeIsAConflictThatSaysWhy() {
        place.settles = false;

        assertThatThrownBy(() -> control.pause("orders"))
                .isInstanceOfSatisfying(
                        ControlException.class, e -> assertThat(e.reason()).isEqualTo(ControlException.Reason.CONFLICT))
                .hasMessageContaining("rebalancing")
                .hasMessageContaining("15 s")
                .hasMessageContaining("retry");
        assertThat(place.waits)
                .singleElement()
                .satisfies(wait -> assertThat(wait).isBetween(Duration.ofSeconds(14), Duration.ofSeconds(15)));
    }

    @Test
    void aChangeOnAWorkerThatDoesNotLeadNamesTheLeader() {
        place.leader = URI.create("http://a:8083");

        assertThatThrownBy(() ->
                        control.putConnectorConfig("orders", Map.of("connector.class", "X"), TargetState.RUNNING, true))
                .isInstanceOfSatisfying(
                        NotLeaderException.class, e -> assertThat(e.leaderUrl()).isEqualTo(URI.create("http://a:8083")))
                .hasMessageContaining("http://a:8083");
    }

    @Test
    void aChangeWhileNoLeaderIsKnownIsAConflict() {
        assertThatThrownBy(() -> control.restartTask(new io.tributary.sdk.connector.TaskId("orders", 0)))
                .isInstanceOfSatisfying(
                        ControlException.class, e -> assertThat(e.reason()).isEqualTo(ControlException.Reason.CONFLICT))
                .isNotInstanceOf(NotLeaderException.class)
                .hasMessageContaining("no leader is known");
    }
}
