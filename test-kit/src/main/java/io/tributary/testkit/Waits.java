package io.tributary.testkit;

import java.time.Duration;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * How the test kit waits: for a named condition, up to a deadline, checking at a fixed interval.
 * Defined in one place so every wait in the kit and in tests that use it behaves alike; there is no
 * sleeping anywhere.
 *
 * <pre>{@code
 * Waits.until("connector 'orders' is RUNNING", () -> status().equals("RUNNING"));
 * Waits.until("3 rows in 'orders'", Duration.ofSeconds(10), () -> db.count("orders") == 3);
 * }</pre>
 */
public final class Waits {
    /** How often conditions are checked. */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private static final Duration BUILT_IN_TIMEOUT = Duration.ofSeconds(30);

    /** A condition to wait for; an exception while checking counts as "not yet". */
    @FunctionalInterface
    public interface Condition {
        /**
         * @return whether the awaited state was reached
         * @throws Exception if it cannot be checked now
         */
        boolean check() throws Exception;
    }

    private Waits() {}

    /**
     * @return the deadline used when none is given: the {@code wait.timeout} setting, else 30 seconds
     */
    public static Duration defaultTimeout() {
        return TestKitSettings.getDuration("wait.timeout").orElse(BUILT_IN_TIMEOUT);
    }

    /**
     * Waits until a condition holds, up to {@link #defaultTimeout()}.
     *
     * @param description what is awaited, for the failure message
     * @param condition checked every {@link #POLL_INTERVAL}; may throw, which counts as not yet
     * @throws AssertionError if the deadline passes first
     */
    public static void until(String description, Condition condition) {
        until(description, defaultTimeout(), condition);
    }

    /**
     * Waits until a condition holds.
     *
     * @param description what is awaited, for the failure message
     * @param timeout the deadline
     * @param condition checked every {@link #POLL_INTERVAL}; may throw, which counts as not yet
     * @throws AssertionError if the deadline passes first
     */
    public static void until(String description, Duration timeout, Condition condition) {
        try {
            Awaitility.await(description)
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL_INTERVAL)
                    .ignoreExceptions()
                    .until(condition::check);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Expected " + description + " within " + timeout + " but it did not happen", e);
        }
    }

    /**
     * Waits until an assertion passes, and reports its last failure if it never does.
     *
     * @param description what is awaited, for the failure message
     * @param timeout the deadline
     * @param assertion run every {@link #POLL_INTERVAL} until it returns without throwing
     * @throws AssertionError with the last failure, if the deadline passes first
     */
    public static void untilAsserted(String description, Duration timeout, Runnable assertion) {
        try {
            Awaitility.await(description)
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL_INTERVAL)
                    .untilAsserted(assertion::run);
        } catch (ConditionTimeoutException e) {
            Throwable last = e.getCause() != null ? e.getCause() : e;
            String why = last.getMessage() != null ? last.getMessage().strip() : last.toString();
            throw new AssertionError("Expected " + description + " within " + timeout + " but: " + why, last);
        }
    }

    /**
     * Waits until a supplier returns a value that is not null.
     *
     * @param description what is awaited
     * @param timeout the deadline
     * @param supplier asked every {@link #POLL_INTERVAL}; may throw, which counts as not yet
     * @param <T> the value's type
     * @return the first value that is not null
     * @throws AssertionError if the deadline passes first
     */
    public static <T> T forValue(String description, Duration timeout, Supplier<T> supplier) {
        Object[] found = new Object[1];
        until(description, timeout, () -> (found[0] = supplier.get()) != null);
        @SuppressWarnings("unchecked")
        T value = (T) found[0];
        return value;
    }
}
