package io.tributary.testkit.harness;

import io.tributary.testkit.Waits;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Watches a connector's status until it reaches what a test expects, or reaches a state from which it
 * never will (a failure, while waiting for RUNNING), or the deadline passes. The polling itself is the
 * test kit's {@link Waits}, so the harness waits like every other part of the kit.
 */
final class StatusWait {

    /**
     * @param last the last status seen
     * @param reached whether it is the expected one
     */
    record Outcome(StatusSnapshot last, boolean reached) {}

    private StatusWait() {}

    /**
     * @param description what is awaited, such as {@code connector 'orders' to be RUNNING}
     * @param observe reads the status
     * @param timeout the deadline; null checks once, now
     * @param expected the status awaited
     * @param hopeless a status from which the expected one cannot follow, which ends the wait at once
     * @return the last status seen, and whether it is the expected one
     */
    static Outcome await(
            String description,
            Supplier<StatusSnapshot> observe,
            Duration timeout,
            Predicate<StatusSnapshot> expected,
            Predicate<StatusSnapshot> hopeless) {
        AtomicReference<StatusSnapshot> last = new AtomicReference<>(observe.get());
        if (timeout != null && !expected.test(last.get()) && !hopeless.test(last.get())) {
            try {
                Waits.until(description, timeout, () -> {
                    StatusSnapshot seen = observe.get();
                    last.set(seen);
                    return expected.test(seen) || hopeless.test(seen);
                });
            } catch (AssertionError deadlinePassed) {
                // The caller reports the last status seen, which says more than the deadline alone.
            }
        }
        return new Outcome(last.get(), expected.test(last.get()));
    }

    /**
     * @param subject what was expected of, such as {@code connector 'orders'}
     * @param expectation such as {@code be RUNNING}
     * @param timeout the deadline; null when the status was checked once
     * @param actual such as {@code was FAILED: ...}
     * @return "Expected connector 'orders' to be RUNNING within PT30S but was FAILED: ..."
     */
    static String failure(String subject, String expectation, Duration timeout, String actual) {
        return "Expected " + subject + " to " + expectation + (timeout == null ? "" : " within " + timeout) + " but "
                + actual;
    }
}
