package io.tributary.runtime.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.runtime.testing.ManualClock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The work of departed workers, held back for the rebalance delay, on an injected clock. */
class DepartedWorkTest {
    private static final WorkItem A_TASK = new WorkItem("orders", 0);
    private static final WorkItem B_TASK = new WorkItem("orders", 1);
    private static final WorkItem B_CONNECTOR = WorkItem.connector("orders");
    private static final Set<WorkItem> WORK = Set.of(A_TASK, B_TASK, B_CONNECTOR);

    private final ManualClock clock = new ManualClock();

    private DepartedWork afterARoundOnTwoWorkers(Duration delay) {
        DepartedWork departed = new DepartedWork(delay, clock);
        assertThat(departed.holdBack(Set.of("a", "b"), Set.of(), WORK)).isEmpty();
        departed.assigned(Map.of("a", Set.of(A_TASK), "b", Set.of(B_TASK, B_CONNECTOR)));
        return departed;
    }

    @Test
    void withNoDelayNothingIsHeldBack() {
        DepartedWork departed = afterARoundOnTwoWorkers(Duration.ZERO);

        assertThat(departed.holdBack(Set.of("a"), Set.of(A_TASK), WORK)).isEmpty();
        assertThat(departed.untilNextRelease()).isEmpty();
    }

    @Test
    void aDepartedWorkersWorkWaitsForTheDelayThenIsHandedOut() {
        DepartedWork departed = afterARoundOnTwoWorkers(Duration.ofSeconds(30));

        assertThat(departed.holdBack(Set.of("a"), Set.of(A_TASK), WORK)).containsExactlyInAnyOrder(B_TASK, B_CONNECTOR);
        departed.assigned(Map.of("a", Set.of(A_TASK)));
        assertThat(departed.untilNextRelease()).hasValue(Duration.ofSeconds(30));

        clock.advance(Duration.ofSeconds(20));
        assertThat(departed.holdBack(Set.of("a"), Set.of(A_TASK), WORK))
                .as("a later round, within the delay")
                .containsExactlyInAnyOrder(B_TASK, B_CONNECTOR);
        assertThat(departed.untilNextRelease()).hasValue(Duration.ofSeconds(10));

        clock.advance(Duration.ofSeconds(10));
        assertThat(departed.holdBack(Set.of("a"), Set.of(A_TASK), WORK)).isEmpty();
        assertThat(departed.untilNextRelease()).isEmpty();
    }

    @Test
    void aWorkerBackWithinTheDelayGetsItsWorkHandedOutAtOnce() {
        DepartedWork departed = afterARoundOnTwoWorkers(Duration.ofSeconds(30));
        departed.holdBack(Set.of("a"), Set.of(A_TASK), WORK);
        departed.assigned(Map.of("a", Set.of(A_TASK)));

        clock.advance(Duration.ofSeconds(5));

        assertThat(departed.holdBack(Set.of("a", "b"), Set.of(A_TASK), WORK)).isEmpty();
    }

    @Test
    void workThatIsGoneOrHeldIsNotHeldBack() {
        DepartedWork departed = afterARoundOnTwoWorkers(Duration.ofSeconds(30));

        assertThat(departed.holdBack(Set.of("a"), Set.of(A_TASK, B_TASK), Set.of(A_TASK, B_TASK)))
                .as("B's task still claimed by a member, and B's connector deleted")
                .isEmpty();
    }
}
