package io.tributary.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.tributary.runtime.worker.SubmittedRecords.Submitted;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.testkit.Waits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Which source offsets become committable as Kafka acknowledges a task's records. */
class SubmittedRecordsTest {

    private static final Map<String, Object> ORDERS = Map.of("table", "orders");
    private static final Map<String, Object> CUSTOMERS = Map.of("table", "customers");

    private final SubmittedRecords submitted = new SubmittedRecords();

    private static SourceRecord record(Map<String, Object> partition, Map<String, Object> offset) {
        return SourceRecord.builder()
                .sourcePartition(partition)
                .sourceOffset(offset)
                .topic("db-changes")
                .build();
    }

    private static Map<String, Object> position(long position) {
        return Map.of("position", position);
    }

    private Submitted submit(Map<String, Object> partition, long position) {
        return submitted.submit(record(partition, position(position)));
    }

    @Test
    void nothingIsCommittableBeforeAnyAcknowledgement() {
        submit(ORDERS, 1);
        submit(ORDERS, 2);

        assertThat(submitted.committableOffsets()).isEmpty();
        assertThat(submitted.outstanding()).isEqualTo(2);
    }

    @Test
    void commitsTheLastOffsetOfTheAcknowledgedPrefixOnly() {
        Submitted first = submit(ORDERS, 1);
        Submitted second = submit(ORDERS, 2);
        submit(ORDERS, 3);
        Submitted fourth = submit(ORDERS, 4);

        first.acknowledge();
        second.acknowledge();
        fourth.acknowledge();

        assertThat(submitted.committableOffsets()).containsExactly(entry(ORDERS, position(2)));
        assertThat(submitted.outstanding()).isEqualTo(1);
    }

    @Test
    void anAcknowledgementAfterAGapHoldsItsOffsetBack() {
        submit(ORDERS, 1);
        Submitted second = submit(ORDERS, 2);

        second.acknowledge();

        assertThat(submitted.committableOffsets()).isEmpty();
    }

    @Test
    void aLateAcknowledgementOfAnEarlierRecordReleasesTheLaterOnes() {
        Submitted first = submit(ORDERS, 1);
        Submitted second = submit(ORDERS, 2);
        Submitted third = submit(ORDERS, 3);
        second.acknowledge();
        third.acknowledge();
        assertThat(submitted.committableOffsets()).isEmpty();

        first.acknowledge();

        assertThat(submitted.committableOffsets()).containsExactly(entry(ORDERS, position(3)));
        assertThat(submitted.outstanding()).isZero();
    }

    @Test
    void offsetsAlreadyReturnedAreNotReturnedAgain() {
        submit(ORDERS, 1).acknowledge();
        assertThat(submitted.committableOffsets()).containsExactly(entry(ORDERS, position(1)));

        assertThat(submitted.committableOffsets()).isEmpty();

        submit(ORDERS, 2).acknowledge();
        assertThat(submitted.committableOffsets()).containsExactly(entry(ORDERS, position(2)));
    }

    @Test
    void acknowledgingTwiceCountsOnce() {
        Submitted first = submit(ORDERS, 1);
        submit(ORDERS, 2);

        first.acknowledge();
        first.acknowledge();

        assertThat(submitted.outstanding()).isEqualTo(1);
    }

    @Test
    void aSlowPartitionDoesNotHoldBackAnother() {
        submit(ORDERS, 1);
        Submitted ordersSecond = submit(ORDERS, 2);
        Submitted customersFirst = submit(CUSTOMERS, 10);
        Submitted customersSecond = submit(CUSTOMERS, 11);

        ordersSecond.acknowledge();
        customersFirst.acknowledge();
        customersSecond.acknowledge();

        assertThat(submitted.committableOffsets()).containsExactly(entry(CUSTOMERS, position(11)));
    }

    @Test
    void eachPartitionGetsItsOwnLatestOffset() {
        submit(ORDERS, 1).acknowledge();
        submit(CUSTOMERS, 10).acknowledge();
        submit(ORDERS, 2).acknowledge();

        assertThat(submitted.committableOffsets())
                .containsOnly(entry(ORDERS, position(2)), entry(CUSTOMERS, position(10)));
    }

    @Test
    void recordsWithoutPartitionOrOffsetAreTrackedButYieldNoOffset() {
        Submitted noPartitionNoOffset = submitted.submit(record(Map.of(), Map.of()));
        Submitted noOffset = submitted.submit(record(ORDERS, Map.of()));
        Submitted noPartition = submitted.submit(record(Map.of(), position(5)));
        assertThat(submitted.outstanding()).isEqualTo(3);

        noPartitionNoOffset.acknowledge();
        noOffset.acknowledge();
        noPartition.acknowledge();

        assertThat(submitted.committableOffsets()).isEmpty();
        assertThat(submitted.outstanding()).isZero();
    }

    @Test
    void aRecordWithoutOffsetStillHoldsBackLaterRecordsOfItsPartition() {
        Submitted withoutOffset = submitted.submit(record(ORDERS, Map.of()));
        submit(ORDERS, 2).acknowledge();
        assertThat(submitted.committableOffsets()).isEmpty();

        withoutOffset.acknowledge();

        assertThat(submitted.committableOffsets()).containsExactly(entry(ORDERS, position(2)));
    }

    @Test
    void aRecordWithoutOffsetAfterAnotherKeepsTheEarlierOffsetCommittable() {
        submit(ORDERS, 1).acknowledge();
        submitted.submit(record(ORDERS, Map.of())).acknowledge();

        assertThat(submitted.committableOffsets()).containsExactly(entry(ORDERS, position(1)));
    }

    @Test
    void aLongRunOfRecordsCommitsUpToItsFirstUnacknowledgedRecord() {
        List<Submitted> run = new ArrayList<>();
        for (long position = 1; position <= 5_000; position++) {
            run.add(submit(ORDERS, position));
        }
        for (int i = 0; i < run.size(); i++) {
            if (i != 2_999) {
                run.get(i).acknowledge();
            }
        }
        submit(ORDERS, 5_001);

        assertThat(submitted.committableOffsets()).containsExactly(entry(ORDERS, position(2_999)));
        assertThat(submitted.outstanding()).isEqualTo(2);

        run.get(2_999).acknowledge();

        assertThat(submitted.committableOffsets()).containsExactly(entry(ORDERS, position(5_000)));
        assertThat(submitted.outstanding()).isEqualTo(1);
    }

    @Test
    void equalPartitionMapsAreOnePartitionWhicheverMapARecordCarries() {
        Submitted first = submit(new HashMap<>(ORDERS), 1);
        Submitted second = submit(new HashMap<>(ORDERS), 2);
        Submitted customers = submit(CUSTOMERS, 10);
        Submitted third = submit(ORDERS, 3);

        second.acknowledge();
        third.acknowledge();
        customers.acknowledge();
        assertThat(submitted.committableOffsets()).containsExactly(entry(CUSTOMERS, position(10)));

        first.acknowledge();

        assertThat(submitted.committableOffsets()).containsExactly(entry(ORDERS, position(3)));
    }

    @Test
    void anAbandonedRecordHoldsItsPartitionBackForGood() {
        submit(ORDERS, 1).acknowledge();
        Submitted abandoned = submit(ORDERS, 2);
        submit(ORDERS, 3).acknowledge();

        abandoned.abandon();
        abandoned.acknowledge();

        assertThat(submitted.committableOffsets()).containsExactly(entry(ORDERS, position(1)));
        assertThat(submitted.outstanding()).isZero();
    }

    @Test
    void awaitingWithNothingSubmittedReturnsAtOnce() throws InterruptedException {
        assertThat(submitted.awaitAllAcknowledged(0)).isTrue();
    }

    @Test
    void awaitingGivesUpAfterTheTimeoutWhileARecordIsOutstanding() throws InterruptedException {
        submit(ORDERS, 1).acknowledge();
        submit(ORDERS, 2);

        long start = System.nanoTime();
        boolean allAcknowledged = submitted.awaitAllAcknowledged(50);

        assertThat(allAcknowledged).isFalse();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(45);
    }

    @Test
    void awaitingReturnsOnceAnotherThreadAcknowledgesTheLastRecord() throws Exception {
        Submitted first = submit(ORDERS, 1);
        Submitted second = submit(CUSTOMERS, 1);
        first.acknowledge();
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Thread waiter = new Thread(
                () -> {
                    try {
                        result.complete(submitted.awaitAllAcknowledged(TimeUnit.SECONDS.toMillis(30)));
                    } catch (InterruptedException | RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                },
                "awaiting-acknowledgements");
        waiter.start();
        Waits.until(
                "the waiting thread is blocked in awaitAllAcknowledged",
                () -> waiter.getState() == Thread.State.TIMED_WAITING);
        assertThat(result).isNotDone();

        second.acknowledge();

        assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(submitted.outstanding()).isZero();
        waiter.join(TimeUnit.SECONDS.toMillis(30));
    }
}
