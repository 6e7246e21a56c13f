package io.tributary.runtime.errors;

import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.errors.RetriableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Runs one stage of a task's pipeline under the connector's error policy: retries retriable failures
 * with growing back-off until {@code errors.retry.timeout}; then, with {@code errors.tolerance=all},
 * reports the failure (log, dead letter queue) and throws {@link ToleratedFailureException} so the caller
 * skips the record, or, with {@code none}, throws {@link ToleranceExceededException} so the task fails.
 * Used by one task thread.
 */
public final class RetryWithTolerance implements AutoCloseable {
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(300);

    /** Waits between retries; returns false when the task is stopping and should give up. */
    @FunctionalInterface
    public interface Backoff {
        /**
         * @param delay how long to wait
         * @return false if the wait was cut short because the task is stopping
         * @throws InterruptedException if interrupted
         */
        boolean await(Duration delay) throws InterruptedException;
    }

    /**
     * A stage's operation, given what it works on as arguments rather than capturing it: written as a lambda
     * that captures nothing, it is one object for every call, where a capturing lambda is a new object per
     * record.
     *
     * @param <A> the first argument's type, such as the converter or transformation chain that runs
     * @param <B> the second argument's type, such as the record it runs on
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface Operation<A, B, T> {
        /**
         * @param first the first argument
         * @param second the second argument
         * @return the result
         * @throws Exception if the operation fails
         */
        T apply(A first, B second) throws Exception;
    }

    private final TaskId task;
    private final ErrorPolicy policy;
    private final List<ErrorReporter> reporters;
    private final Clock clock;
    private final Backoff backoff;
    private final AtomicLong tolerated = new AtomicLong();

    /**
     * @param task the task this serves
     * @param policy the connector's error settings
     * @param reporters where tolerated failures are reported
     * @param clock the clock for retry deadlines
     * @param backoff how to wait between retries
     */
    public RetryWithTolerance(
            TaskId task, ErrorPolicy policy, List<ErrorReporter> reporters, Clock clock, Backoff backoff) {
        this.task = task;
        this.policy = policy;
        this.reporters = List.copyOf(reporters);
        this.clock = clock;
        this.backoff = backoff;
    }

    /** @return the error policy */
    public ErrorPolicy policy() {
        return policy;
    }

    /** @return how many failures were tolerated so far */
    public long toleratedFailures() {
        return tolerated.get();
    }

    /**
     * Runs an operation with retries and tolerance, as {@link #execute(Stage, Class, ConsumerRecord,
     * ConnectRecord, Operation, Object, Object)} does.
     *
     * @param stage the stage
     * @param executingClass what runs; may be null
     * @param consumed the Kafka record being processed, for sinks; may be null
     * @param record the record being processed; may be null
     * @param operation the operation
     * @param <T> its result type
     * @return what the operation returned
     * @throws ToleratedFailureException if it failed and {@code errors.tolerance=all} skips the record: the
     *     failure was handed to the reporters
     * @throws ToleranceExceededException if the failure is not tolerated
     * @throws TaskStoppingException if the task was told to stop while waiting to retry: nothing is reported
     * @throws InterruptedException if interrupted while waiting to retry
     */
    public <T> T execute(
            Stage stage,
            Class<?> executingClass,
            ConsumerRecord<byte[], byte[]> consumed,
            ConnectRecord<?> record,
            Callable<T> operation)
            throws InterruptedException, ToleratedFailureException {
        return execute(stage, executingClass, consumed, record, (callable, unused) -> callable.call(), operation, null);
    }

    /**
     * Runs an operation with retries and tolerance. An operation that succeeds at once costs one call: the
     * clock is read, and the retry deadline ({@code errors.retry.timeout}) starts, only when it first fails.
     *
     * @param stage the stage
     * @param executingClass what runs; may be null
     * @param consumed the Kafka record being processed, for sinks; may be null
     * @param record the record being processed; may be null
     * @param operation the operation
     * @param first the operation's first argument
     * @param second the operation's second argument
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @param <T> the result type
     * @return what the operation returned
     * @throws ToleratedFailureException if it failed and {@code errors.tolerance=all} skips the record: the
     *     failure was handed to the reporters
     * @throws ToleranceExceededException if the failure is not tolerated
     * @throws TaskStoppingException if the task was told to stop while waiting to retry: nothing is reported
     * @throws InterruptedException if interrupted while waiting to retry
     */
    public <A, B, T> T execute(
            Stage stage,
            Class<?> executingClass,
            ConsumerRecord<byte[], byte[]> consumed,
            ConnectRecord<?> record,
            Operation<A, B, T> operation,
            A first,
            B second)
            throws InterruptedException, ToleratedFailureException {
        try {
            return operation.apply(first, second);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return retry(stage, executingClass, consumed, record, operation, first, second, e);
        }
    }

    /** Retries an operation that failed once, with growing back-off, until it succeeds or the deadline passes. */
    private <A, B, T> T retry(
            Stage stage,
            Class<?> executingClass,
            ConsumerRecord<byte[], byte[]> consumed,
            ConnectRecord<?> record,
            Operation<A, B, T> operation,
            A first,
            B second,
            Exception firstFailure)
            throws InterruptedException, ToleratedFailureException {
        Exception failure = firstFailure;
        Instant now = clock.instant();
        Instant deadline = policy.retryTimeout() == null ? null : now.plus(policy.retryTimeout());
        Duration delay = FIRST_BACKOFF;
        while (isRetriable(failure) && (deadline == null || now.isBefore(deadline))) {
            Duration wait = min(delay, policy.retryDelayMax());
            if (deadline != null) {
                wait = min(wait, Duration.between(now, deadline));
            }
            if (wait.isZero() || wait.isNegative()) {
                break;
            }
            if (!backoff.await(wait)) {
                // A stop is not a failure: the record is neither skipped nor fatal, it is left for the next run
                // of the task.
                throw new TaskStoppingException(stage);
            }
            // Stop doubling at the cap: with no retry timeout, doubling on would overflow Duration after about
            // 65 retries and fail the task with an ArithmeticException.
            delay = min(delay.multipliedBy(2), policy.retryDelayMax());
            try {
                return operation.apply(first, second);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failure = e;
            }
            now = clock.instant();
        }
        FailedOperation failed = new FailedOperation(task, stage, executingClass, failure, consumed, record);
        throw new ToleratedFailureException(stage, failure, fail(failed));
    }

    /**
     * Handles a failure, of {@link #execute} or from outside it, such as a record a sink task reported as
     * errant: reports it when tolerated, or throws.
     *
     * @param failure what failed
     * @return completes when every reporter stored the failure
     * @throws ToleranceExceededException if the failure is not tolerated
     */
    public CompletableFuture<Void> fail(FailedOperation failure) {
        if (!policy.tolerateAll()) {
            if (policy.logErrors()) {
                reporters.stream().filter(ErrorReporter::reportsFatalFailures).forEach(r -> r.report(failure));
            }
            throw new ToleranceExceededException(failure.stage(), failure.executingClass(), failure.error());
        }
        tolerated.incrementAndGet();
        CompletableFuture<?>[] reports =
                reporters.stream().map(r -> r.report(failure)).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(reports);
    }

    private static boolean isRetriable(Throwable e) {
        return e instanceof RetriableException || e instanceof org.apache.kafka.common.errors.RetriableException;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        reporters.forEach(ErrorReporter::close);
    }
}
