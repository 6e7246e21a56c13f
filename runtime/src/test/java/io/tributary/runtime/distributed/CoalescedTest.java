package io.tributary.runtime.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A burst of asks becomes one action, taken after a delay; an ask after the action began starts another. */
class CoalescedTest {
    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private final AtomicInteger taken = new AtomicInteger();
    private final Coalesced rounds = new Coalesced(
            Duration.ofMillis(200),
            (delay, action) -> {
                delays.add(delay);
                scheduled.add(action);
            },
            taken::incrementAndGet);

    @Test
    void asksBeforeTheActionBeginsShareIt() {
        rounds.ask();
        rounds.ask();
        rounds.ask();

        assertThat(scheduled).hasSize(1);
        assertThat(delays).containsExactly(Duration.ofMillis(200));
        assertThat(taken).hasValue(0);
        scheduled.get(0).run();
        assertThat(taken).hasValue(1);
    }

    @Test
    void anAskAfterTheActionBeganIsTheFirstOfTheNextBurst() {
        rounds.ask();
        scheduled.get(0).run();

        rounds.ask();
        rounds.ask();

        assertThat(scheduled).hasSize(2);
        scheduled.get(1).run();
        assertThat(taken).hasValue(2);
    }

    @Test
    void aStoppedSchedulerTakesNothingAndLaterAsksTryAgain() {
        List<Runnable> accepted = new ArrayList<>();
        boolean[] stopped = {true};
        Coalesced coalesced = new Coalesced(
                Duration.ofMillis(10),
                (delay, action) -> {
                    if (stopped[0]) {
                        throw new RejectedExecutionException("stopped");
                    }
                    accepted.add(action);
                },
                taken::incrementAndGet);

        coalesced.ask();
        assertThat(taken).hasValue(0);
        stopped[0] = false;
        coalesced.ask();

        assertThat(accepted).hasSize(1);
        accepted.get(0).run();
        assertThat(taken).hasValue(1);
    }
}
