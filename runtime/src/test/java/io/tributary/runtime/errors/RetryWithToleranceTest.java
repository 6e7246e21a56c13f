package io.tributary.runtime.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.tributary.runtime.testing.ManualClock;
import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.errors.RetriableException;
import io.tributary.sdk.source.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.junit.jupiter.api.Test;

/** Retrying failed pipeline stages, then tolerating or failing on what is left. */
class RetryWithToleranceTest {

    private static final TaskId TASK = new TaskId("orders-sink", 2);
    private static final Duration NO_RETRY_LIMIT = null;

    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final List<Duration> waits = new ArrayList<>();
    private final List<FailedOperation> reported = new ArrayList<>();

    /** An operation that fails with the given errors, one per call, then returns "done". */
    private static Callable<String> failingWith(Exception... errors) {
        AtomicInteger calls = new AtomicInteger();
        return () -> {
            int call = calls.getAndIncrement();
            if (call < errors.length) {
                throw errors[call];
            }
            return "done";
        };
    }

    private static Callable<String> failingTimes(int failures, Exception error) {
        Exception[] errors = new Exception[failures];
        Arrays.fill(errors, error);
        return failingWith(errors);
    }

    private static ErrorPolicy policy(Duration retryTimeout, Duration retryDelayMax, boolean tolerateAll) {
        return new ErrorPolicy(retryTimeout, retryDelayMax, tolerateAll, true, false, "", (short) 3, false);
    }

    /** Waits by moving the clock on, as a real back-off would let time pass. */
    private RetryWithTolerance.Backoff advancingClock() {
        return delay -> {
            waits.add(delay);
            clock.advance(delay);
            return true;
        };
    }

    private ErrorReporter recordingReporter() {
        return failure -> {
            reported.add(failure);
            return CompletableFuture.completedFuture(null);
        };
    }

    private RetryWithTolerance retrying(ErrorPolicy policy) {
        return new RetryWithTolerance(TASK, policy, List.of(recordingReporter()), clock, advancingClock());
    }

    private static Duration millis(long millis) {
        return Duration.ofMillis(millis);
    }

    private static ConsumerRecord<byte[], byte[]> consumed() {
        return new ConsumerRecord<>(
                "orders", 4, 1234L, "key".getBytes(StandardCharsets.UTF_8), "value".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSucceedingOperationReturnsItsValueWithoutWaiting() throws Exception {
        RetryWithTolerance errors = retrying(policy(Duration.ofMinutes(5), Duration.ofMinutes(1), false));

        String result = errors.execute(Stage.TASK_PUT, null, null, null, () -> "done");

        assertThat(result).isEqualTo("done");
        assertThat(waits).isEmpty();
    }

    @Test
    void aSucceedingOperationDoesNotReadTheClock() throws Exception {
        Clock unreadable = new Clock() {
            @Override
            public Instant instant() {
                throw new AssertionError("the clock was read though nothing failed");
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        RetryWithTolerance errors = new RetryWithTolerance(
                TASK,
                policy(Duration.ofMinutes(5), Duration.ofMinutes(1), false),
                List.of(recordingReporter()),
                unreadable,
                advancingClock());

        assertThat(errors.execute(Stage.VALUE_CONVERTER, null, null, null, () -> "done"))
                .isEqualTo("done");
        Object tombstone = errors.execute(Stage.VALUE_CONVERTER, null, null, null, () -> null);
        assertThat(tombstone).isNull();
    }

    @Test
    void anOperationGivenItsArgumentsGetsTheSameArgumentsOnEveryRetry() throws Exception {
        RetryWithTolerance errors = retrying(policy(Duration.ofMinutes(5), Duration.ofMinutes(1), false));
        List<String> calls = new ArrayList<>();

        String result = errors.execute(
                Stage.VALUE_CONVERTER,
                null,
                null,
                null,
                (prefix, value) -> {
                    calls.add(prefix + value);
                    if (calls.size() < 3) {
                        throw new RetriableException("schema registry unavailable");
                    }
                    return prefix + value;
                },
                "order-",
                7);

        assertThat(result).isEqualTo("order-7");
        assertThat(calls).containsExactly("order-7", "order-7", "order-7");
        assertThat(waits).containsExactly(millis(300), millis(600));
    }

    @Test
    void theRetryTimeoutCountsFromTheFirstFailureNotFromTheStartOfASlowAttempt() throws Exception {
        RetryWithTolerance errors = retrying(policy(millis(1000), Duration.ofMinutes(1), false));
        AtomicInteger calls = new AtomicInteger();

        String result = errors.execute(Stage.TASK_PUT, null, null, null, () -> {
            if (calls.getAndIncrement() == 0) {
                clock.advance(Duration.ofSeconds(5));
                throw new RetriableException("timed out after 5 s");
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(waits).containsExactly(millis(300));
    }

    @Test
    void retriesAnSdkRetriableFailureWithDoublingDelaysUntilItSucceeds() throws Exception {
        RetryWithTolerance errors = retrying(policy(Duration.ofMinutes(5), Duration.ofMinutes(1), false));

        String result = errors.execute(
                Stage.TASK_PUT, null, null, null, failingTimes(3, new RetriableException("database is restarting")));

        assertThat(result).isEqualTo("done");
        assertThat(waits).containsExactly(millis(300), millis(600), millis(1200));
        assertThat(reported).isEmpty();
    }

    @Test
    void retriesKafkaRetriableFailuresToo() throws Exception {
        RetryWithTolerance errors = retrying(policy(Duration.ofMinutes(5), Duration.ofMinutes(1), false));

        String result = errors.execute(
                Stage.KAFKA_PRODUCE,
                null,
                null,
                null,
                failingWith(
                        new NotEnoughReplicasException("2 of 3 replicas in sync"),
                        new org.apache.kafka.common.errors.TimeoutException("metadata not ready")));

        assertThat(result).isEqualTo("done");
        assertThat(waits).containsExactly(millis(300), millis(600));
    }

    @Test
    void delaysStopGrowingAtRetryDelayMax() throws Exception {
        RetryWithTolerance errors = retrying(policy(Duration.ofMinutes(5), millis(1000), false));

        errors.execute(Stage.TASK_POLL, null, null, null, failingTimes(5, new RetriableException("rate limited")));

        assertThat(waits).containsExactly(millis(300), millis(600), millis(1000), millis(1000), millis(1000));
    }

    @Test
    void theLastDelayIsCutToTheTimeLeftBeforeTheDeadline() {
        RetryWithTolerance errors = retrying(policy(millis(1000), Duration.ofMinutes(1), true));

        assertThatExceptionOfType(ToleratedFailureException.class)
                .isThrownBy(() -> errors.execute(
                        Stage.TASK_POLL, null, null, null, failingTimes(100, new RetriableException("still down"))))
                .satisfies(skipped -> assertThat(skipped.report()).isCompleted())
                .withCauseInstanceOf(RetriableException.class);

        assertThat(waits).containsExactly(millis(300), millis(600), millis(100));
        assertThat(reported)
                .singleElement()
                .satisfies(failure -> assertThat(failure.error())
                        .isInstanceOf(RetriableException.class)
                        .hasMessage("still down"));
    }

    @Test
    void aRetriableFailureOutlastingTheDeadlineIsFatalWithToleranceNone() {
        RetryWithTolerance errors = retrying(policy(millis(1000), Duration.ofMinutes(1), false));

        assertThatExceptionOfType(ToleranceExceededException.class)
                .isThrownBy(() -> errors.execute(
                        Stage.TASK_PUT, null, null, null, failingTimes(100, new RetriableException("still down"))))
                .withCauseInstanceOf(RetriableException.class);
        assertThat(waits).containsExactly(millis(300), millis(600), millis(100));
    }

    @Test
    void aZeroRetryTimeoutNeverRetries() {
        RetryWithTolerance errors = retrying(policy(Duration.ZERO, Duration.ofMinutes(1), false));

        assertThatExceptionOfType(ToleranceExceededException.class)
                .isThrownBy(() -> errors.execute(
                        Stage.TASK_PUT, null, null, null, failingTimes(1, new RetriableException("down"))));
        assertThat(waits).isEmpty();
    }

    @Test
    void withoutRetryTimeoutRetriesUntilSuccessHoweverLongItTakes() throws Exception {
        RetryWithTolerance errors = retrying(policy(NO_RETRY_LIMIT, Duration.ofMinutes(1), false));

        String result = errors.execute(
                Stage.TASK_PUT, null, null, null, failingTimes(200, new RetriableException("down for hours")));

        assertThat(result).isEqualTo("done");
        assertThat(waits).hasSize(200);
        assertThat(waits.subList(8, 200)).containsOnly(Duration.ofMinutes(1));
    }

    @Test
    void aNonRetriableFailureWithToleranceNoneStopsTheTaskNamingTheStage() {
        RetryWithTolerance errors = retrying(policy(Duration.ofMinutes(5), Duration.ofMinutes(1), false));
        IllegalStateException bug = new IllegalStateException("unexpected null field 'id'");

        assertThatExceptionOfType(ToleranceExceededException.class)
                .isThrownBy(
                        () -> errors.execute(Stage.VALUE_CONVERTER, String.class, consumed(), null, failingWith(bug)))
                .satisfies(e -> assertThat(e.stage()).isEqualTo(Stage.VALUE_CONVERTER))
                .withMessageContaining("VALUE_CONVERTER")
                .withMessageContaining("java.lang.String")
                .withMessageContaining("errors.tolerance")
                .havingCause()
                .isSameAs(bug);
        assertThat(waits).isEmpty();
        assertThat(errors.toleratedFailures()).isZero();
    }

    @Test
    void withToleranceNoneOnlyReportersOfFatalFailuresHearOfThem() {
        List<FailedOperation> logged = new java.util.ArrayList<>();
        ErrorReporter log = new ErrorReporter() {
            @Override
            public java.util.concurrent.CompletableFuture<Void> report(FailedOperation failure) {
                logged.add(failure);
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }

            @Override
            public boolean reportsFatalFailures() {
                return true;
            }
        };
        RetryWithTolerance errors = new RetryWithTolerance(
                new io.tributary.sdk.connector.TaskId("c", 0),
                policy(Duration.ZERO, Duration.ofMinutes(1), false),
                List.of(log, failure -> {
                    reported.add(failure);
                    return java.util.concurrent.CompletableFuture.completedFuture(null);
                }),
                java.time.Clock.systemUTC(),
                delay -> true);

        assertThatExceptionOfType(ToleranceExceededException.class)
                .isThrownBy(() -> errors.execute(
                        Stage.TASK_PUT, null, null, null, failingWith(new IllegalArgumentException("bad"))));

        assertThat(logged).singleElement().satisfies(f -> assertThat(f.stage()).isEqualTo(Stage.TASK_PUT));
        assertThat(reported)
                .as("a dead letter queue must not receive records that were not skipped")
                .isEmpty();
    }

    @Test
    void withToleranceNoneAndLoggingOffNothingIsReported() {
        ErrorPolicy quiet =
                new ErrorPolicy(Duration.ZERO, Duration.ofMinutes(1), false, false, false, "", (short) 3, false);
        RetryWithTolerance errors = retrying(quiet);

        assertThatExceptionOfType(ToleranceExceededException.class)
                .isThrownBy(() -> errors.execute(
                        Stage.TASK_PUT, null, null, null, failingWith(new IllegalArgumentException("bad"))));

        assertThat(reported).isEmpty();
    }

    @Test
    void aNonRetriableFailureWithToleranceAllIsReportedAndSkipped() {
        RetryWithTolerance errors = retrying(policy(Duration.ofMinutes(5), Duration.ofMinutes(1), true));
        ConsumerRecord<byte[], byte[]> consumed = consumed();
        SourceRecord record = SourceRecord.builder().topic("orders").build();
        IllegalArgumentException error = new IllegalArgumentException("not JSON");

        assertThatExceptionOfType(ToleratedFailureException.class)
                .isThrownBy(
                        () -> errors.execute(Stage.KEY_CONVERTER, Integer.class, consumed, record, failingWith(error)))
                .satisfies(skipped -> assertThat(skipped.report()).isCompleted())
                .withMessageContaining("KEY_CONVERTER")
                .havingCause()
                .isSameAs(error);
        assertThat(reported)
                .containsExactly(
                        new FailedOperation(TASK, Stage.KEY_CONVERTER, Integer.class, error, consumed, record));
        assertThat(waits).isEmpty();
        assertThat(errors.toleratedFailures()).isEqualTo(1);
    }

    @Test
    void countsEveryToleratedFailure() throws Exception {
        RetryWithTolerance errors = retrying(policy(Duration.ofMinutes(5), Duration.ofMinutes(1), true));

        assertThatExceptionOfType(ToleratedFailureException.class)
                .isThrownBy(() -> errors.execute(
                        Stage.TRANSFORMATION, null, null, null, failingWith(new IllegalStateException("one"))));
        errors.execute(Stage.TRANSFORMATION, null, null, null, () -> "fine");
        assertThatExceptionOfType(ToleratedFailureException.class)
                .isThrownBy(() -> errors.execute(
                        Stage.TRANSFORMATION, null, null, null, failingWith(new IllegalStateException("two"))));

        assertThat(errors.toleratedFailures()).isEqualTo(2);
        assertThat(reported).extracting(f -> f.error().getMessage()).containsExactly("one", "two");
    }

    @Test
    void theReportCompletesOnlyWhenEveryReporterHasStoredTheFailure() throws InterruptedException {
        CompletableFuture<Void> slowStore = new CompletableFuture<>();
        RetryWithTolerance errors = new RetryWithTolerance(
                TASK,
                policy(Duration.ofMinutes(5), Duration.ofMinutes(1), true),
                List.of(recordingReporter(), failure -> slowStore),
                clock,
                advancingClock());

        CompletableFuture<Void> report;
        try {
            errors.execute(Stage.TASK_PUT, null, null, null, failingWith(new IllegalStateException("bad")));
            throw new AssertionError("the failure was not tolerated");
        } catch (ToleratedFailureException skipped) {
            report = skipped.report();
        }
        assertThat(report).isNotDone();

        slowStore.complete(null);

        assertThat(report).isCompleted();
    }

    @Test
    void aStopDuringTheBackoffAbandonsTheRecordWithoutReportingOrToleratingIt() {
        List<Duration> asked = new ArrayList<>();
        RetryWithTolerance errors = new RetryWithTolerance(
                TASK,
                policy(NO_RETRY_LIMIT, Duration.ofMinutes(1), true),
                List.of(recordingReporter()),
                clock,
                delay -> {
                    asked.add(delay);
                    return false;
                });
        AtomicInteger calls = new AtomicInteger();

        assertThatExceptionOfType(TaskStoppingException.class)
                .isThrownBy(() -> errors.execute(Stage.VALUE_CONVERTER, null, null, null, () -> {
                    calls.incrementAndGet();
                    throw new RetriableException("down");
                }))
                .withMessageContaining("VALUE_CONVERTER");
        assertThat(calls).hasValue(1);
        assertThat(asked).containsExactly(millis(300));
        assertThat(reported)
                .as("a stop is not a failure: nothing goes to the reporters")
                .isEmpty();
        assertThat(errors.toleratedFailures()).isZero();
    }

    @Test
    void aStopDuringTheBackoffWithToleranceNoneIsNotAFailure() {
        RetryWithTolerance errors = new RetryWithTolerance(
                TASK, policy(NO_RETRY_LIMIT, Duration.ofMinutes(1), false), List.of(), clock, delay -> false);

        assertThatExceptionOfType(TaskStoppingException.class)
                .isThrownBy(() -> errors.execute(
                        Stage.TASK_PUT, null, null, null, failingTimes(1, new RetriableException("down"))));
    }

    @Test
    void anInterruptedWaitIsPassedOnWithoutReporting() {
        RetryWithTolerance errors = new RetryWithTolerance(
                TASK,
                policy(NO_RETRY_LIMIT, Duration.ofMinutes(1), true),
                List.of(recordingReporter()),
                clock,
                delay -> {
                    throw new InterruptedException("stopping");
                });

        assertThatExceptionOfType(InterruptedException.class)
                .isThrownBy(() -> errors.execute(
                        Stage.TASK_POLL, null, null, null, failingTimes(1, new RetriableException("down"))));
        assertThat(reported).isEmpty();
        assertThat(errors.toleratedFailures()).isZero();
    }

    @Test
    void closingClosesEveryReporter() {
        AtomicInteger closed = new AtomicInteger();
        ErrorReporter closeable = new ErrorReporter() {
            @Override
            public CompletableFuture<Void> report(FailedOperation failure) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
        RetryWithTolerance errors =
                new RetryWithTolerance(TASK, ErrorPolicy.FAIL_FAST, List.of(closeable, closeable), clock, d -> true);

        errors.close();

        assertThat(closed).hasValue(2);
    }
}
