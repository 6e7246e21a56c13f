package io.tributary.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.runtime.testing.ManualClock;
import io.tributary.sdk.connector.TaskId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Restarts of failed tasks, on an injected clock and timer: delays double, attempts run out, health resets. */
class TaskRestartsTest {
    private static final TaskId TASK = new TaskId("orders", 0);
    private static final TaskRestarts.Policy THREE_TIMES =
            new TaskRestarts.Policy(3, Duration.ofSeconds(1), Duration.ofSeconds(5));

    /** A timer that runs nothing by itself: the test fires what it scheduled. */
    private static final class ManualDelays implements TaskRestarts.Delays {
        record Scheduled(Duration delay, Runnable action, CompletableFuture<Void> future) {}

        final List<Scheduled> scheduled = new ArrayList<>();

        @Override
        public Future<?> after(Duration delay, Runnable action) {
            Scheduled entry = new Scheduled(delay, action, new CompletableFuture<>());
            scheduled.add(entry);
            return entry.future();
        }

        /** Runs the last scheduled action unless it was cancelled. */
        void fireLast() {
            Scheduled last = scheduled.get(scheduled.size() - 1);
            if (!last.future().isCancelled()) {
                last.action().run();
            }
        }

        List<Duration> delays() {
            return scheduled.stream().map(Scheduled::delay).toList();
        }
    }

    private final ManualClock clock = new ManualClock();
    private final ManualDelays delays = new ManualDelays();
    private final TaskRestarts restarts = new TaskRestarts(clock, delays);
    private final AtomicInteger restarted = new AtomicInteger();

    /** The task fails at once, and its restart, when it comes, starts it again as the task set would. */
    private void failAndRestart() {
        restarts.failed(TASK, restarted::incrementAndGet);
        delays.fireLast();
        restarts.restarted(TASK);
    }

    @Test
    void delaysDoubleUpToTheCeilingAndTheTaskStaysFailedAfterItsAttempts() {
        TaskRestarts.Policy policy = new TaskRestarts.Policy(5, Duration.ofSeconds(1), Duration.ofSeconds(5));
        restarts.startedAfresh(TASK, policy);

        for (int i = 0; i < 5; i++) {
            failAndRestart();
        }

        assertThat(delays.delays())
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5));
        assertThat(restarts.failed(TASK, restarted::incrementAndGet))
                .as("the sixth failure in a row")
                .isEmpty();
        assertThat(restarted).hasValue(5);
    }

    @Test
    void aTaskThatRanAsLongAsTheLongestDelayCountsAfresh() {
        restarts.startedAfresh(TASK, THREE_TIMES);
        failAndRestart();
        failAndRestart();

        clock.advance(Duration.ofSeconds(5));

        assertThat(restarts.failed(TASK, restarted::incrementAndGet)).hasValue(Duration.ofSeconds(1));
    }

    @Test
    void aStartByHandResetsTheCountAndCancelsAPendingRestart() {
        restarts.startedAfresh(TASK, THREE_TIMES);
        failAndRestart();
        failAndRestart();
        restarts.failed(TASK, restarted::incrementAndGet);

        restarts.startedAfresh(TASK, THREE_TIMES);
        delays.fireLast();

        assertThat(restarted).as("the pending restart was cancelled").hasValue(2);
        assertThat(restarts.failed(TASK, restarted::incrementAndGet)).hasValue(Duration.ofSeconds(1));
    }

    @Test
    void aStoppedTaskIsNeverRestarted() {
        restarts.startedAfresh(TASK, THREE_TIMES);
        restarts.failed(TASK, restarted::incrementAndGet);

        restarts.forget(TASK);
        delays.fireLast();

        assertThat(restarted).hasValue(0);
        assertThat(restarts.failed(TASK, restarted::incrementAndGet)).isEmpty();
    }

    @Test
    void byDefaultAFailedTaskStaysFailed() {
        restarts.startedAfresh(
                TASK,
                TaskRestarts.Policy.of(
                        ConnectorConfig.parse(java.util.Map.of("name", "orders", "connector.class", "Anything"))));

        assertThat(restarts.failed(TASK, restarted::incrementAndGet)).isEmpty();
        assertThat(delays.scheduled).isEmpty();
    }

    @Test
    void unlimitedAttemptsNeverGiveUp() {
        restarts.startedAfresh(TASK, new TaskRestarts.Policy(-1, Duration.ofMillis(10), Duration.ofMillis(40)));

        for (int i = 0; i < 100; i++) {
            failAndRestart();
        }

        assertThat(restarted).hasValue(100);
        assertThat(delays.delays().get(99)).isEqualTo(Duration.ofMillis(40));
    }
}
