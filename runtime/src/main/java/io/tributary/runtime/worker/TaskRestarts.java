package io.tributary.runtime.worker;

import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.connector.TaskId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts failed tasks by themselves, when their connector asks for it, after a delay that doubles with
 * each failure up to a ceiling. A task that ran for at least the ceiling before it failed starts counting
 * again; a task that used up its attempts stays FAILED until restarted by hand. A start by hand (a REST
 * restart, a new configuration) resets the count and cancels a pending restart. Thread-safe.
 */
final class TaskRestarts {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRestarts.class);

    /** Runs an action after a delay; the future cancels it. */
    interface Delays {
        Future<?> after(Duration delay, Runnable action);
    }

    /**
     * A connector's wish for its failed tasks.
     *
     * @param maxAttempts restarts in a row before giving up; 0 never restarts, -1 never gives up
     * @param initialDelay the wait before the first restart
     * @param maxDelay the longest wait, and how long a task must run to start counting afresh
     */
    record Policy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
        static final Policy NEVER = new Policy(0, Duration.ZERO, Duration.ZERO);

        /** @return the policy a connector's configuration asks for */
        static Policy of(ParsedConfig connectorConfig) {
            return new Policy(
                    connectorConfig.getInt(ConnectorConfig.TASK_RESTART_MAX_ATTEMPTS),
                    Duration.ofMillis(connectorConfig.getLong(ConnectorConfig.TASK_RESTART_BACKOFF_INITIAL_MS)),
                    Duration.ofMillis(connectorConfig.getLong(ConnectorConfig.TASK_RESTART_BACKOFF_MAX_MS)));
        }

        /** @return the wait before restart number {@code attempt}, counted from 0 */
        Duration delay(int attempt) {
            long max = Math.max(initialDelay.toMillis(), maxDelay.toMillis());
            long delay = initialDelay.toMillis();
            for (int i = 0; i < attempt && delay < max; i++) {
                delay *= 2;
            }
            return Duration.ofMillis(Math.min(delay, max));
        }
    }

    /** One task's record: its policy, restarts so far, when it last started, and the restart it waits for. */
    private static final class Record {
        final Policy policy;
        int attempts;
        Instant started;
        Future<?> pending;

        Record(Policy policy, Instant started) {
            this.policy = policy;
            this.started = started;
        }
    }

    private final Clock clock;
    private final Delays delays;
    private final Map<TaskId, Record> records = new ConcurrentHashMap<>();

    TaskRestarts(Clock clock, Delays delays) {
        this.clock = clock;
        this.delays = delays;
    }

    /** A task was started by hand or with a new configuration: it counts from 0, under its policy now. */
    void startedAfresh(TaskId id, Policy policy) {
        Record previous = records.put(id, new Record(policy, clock.instant()));
        cancel(previous);
    }

    /** A task was started by {@link #failed}'s restart: it keeps its count. */
    void restarted(TaskId id) {
        Record record = records.get(id);
        if (record != null) {
            synchronized (record) {
                record.started = clock.instant();
                record.pending = null;
            }
        }
    }

    /** A task was stopped on purpose: nothing restarts it. */
    void forget(TaskId id) {
        cancel(records.remove(id));
    }

    /**
     * A task failed: schedules its restart when its policy allows one more.
     *
     * @param id the task
     * @param restart starts it again, if it is still to run here
     * @return the wait before the restart; empty when it will not restart
     */
    Optional<Duration> failed(TaskId id, Runnable restart) {
        Record record = records.get(id);
        if (record == null || record.policy.maxAttempts() == 0) {
            return Optional.empty();
        }
        synchronized (record) {
            Instant now = clock.instant();
            if (Duration.between(record.started, now).compareTo(record.policy.maxDelay()) >= 0) {
                record.attempts = 0; // it ran long enough to count as healthy before this failure
            }
            int max = record.policy.maxAttempts();
            if (max > 0 && record.attempts >= max) {
                LOG.error(
                        "Task {} failed again after {} restart(s); it stays FAILED until restarted by hand"
                                + " ({} = {})",
                        id,
                        record.attempts,
                        ConnectorConfig.TASK_RESTART_MAX_ATTEMPTS,
                        max);
                return Optional.empty();
            }
            Duration delay = record.policy.delay(record.attempts);
            record.attempts++;
            LOG.warn(
                    "Task {} failed; restarting it in {} ms (restart {} of {})",
                    id,
                    delay.toMillis(),
                    record.attempts,
                    max < 0 ? "unlimited" : Integer.toString(max));
            record.pending = delays.after(delay, restart);
            return Optional.of(delay);
        }
    }

    private static void cancel(Record record) {
        if (record != null) {
            synchronized (record) {
                if (record.pending != null) {
                    record.pending.cancel(false);
                    record.pending = null;
                }
            }
        }
    }
}
