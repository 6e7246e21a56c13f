package io.tributary.runtime.worker;

import io.tributary.runtime.errors.ErrorPolicy;
import io.tributary.runtime.errors.FailedOperation;
import io.tributary.runtime.errors.RetryWithTolerance;
import io.tributary.runtime.errors.Stage;
import io.tributary.runtime.errors.TaskStoppingException;
import io.tributary.runtime.errors.ToleranceExceededException;
import io.tributary.runtime.errors.ToleratedFailureException;
import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.errors.RetriableException;
import io.tributary.sdk.errors.TributaryException;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one sink task on its own thread: consumer poll → converters → transformations → put; then,
 * every {@code offset.flush.interval.ms} or when the task asks, pre-commit and a commit of the
 * consumer offsets the task allows. Partitions assigned and revoked by the consumer group reach the
 * task as open and close; pause, resume and offset resets the task asks for reach the consumer.
 */
final class SinkTaskRunner extends AbstractTaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SinkTaskRunner.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(1);
    private static final Duration FIRST_RETRY_BACKOFF = Duration.ofMillis(300);
    /** How many consumed records are held for errant record reports, beyond which they are rebuilt. */
    private static final int HELD_RECORDS = 10_000;

    /**
     * What a sink task runner is made of.
     *
     * @param id the task
     * @param task the task instance
     * @param taskConfig the configuration its connector made for it
     * @param converters its converters
     * @param transforms its transformation chain; returns null to drop a record
     * @param consumer the consumer that reads its topics; closed with the runner
     * @param topics the topics to read, or empty when a pattern is used
     * @param topicsPattern the pattern of topics to read, or null
     * @param errors its error policy
     */
    record Parts(
            TaskId id,
            SinkTask task,
            Map<String, String> taskConfig,
            TaskConverters converters,
            UnaryOperator<SinkRecord> transforms,
            Consumer<byte[], byte[]> consumer,
            List<String> topics,
            Pattern topicsPattern,
            RetryWithTolerance errors) {}

    private final Parts parts;
    private final Clock clock;
    private final SinkContext context;
    private final Map<TopicPartition, Long> currentOffsets = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> batchOffsets = new LinkedHashMap<>();
    private final ConsumedRecords consumed = new ConsumedRecords(HELD_RECORDS);
    private final SinkRecordReader reader;
    private final List<CompletableFuture<Void>> pendingReports = new ArrayList<>();
    /** The batch the task has not taken yet; kept across retries, pruned of partitions taken away. */
    private List<SinkRecord> pending = List.of();

    private boolean connectorPaused;
    private boolean retrying;
    private boolean shuttingDown;

    SinkTaskRunner(
            Parts parts,
            RunnerServices services,
            TaskControl control,
            java.util.function.Consumer<TaskRunner> onClose) {
        super(parts.id(), services, control, onClose);
        this.parts = parts;
        this.clock = services.clock();
        this.reader = new SinkRecordReader(parts.errors(), parts.converters(), parts.transforms());
        this.context = new SinkContext(
                parts.id(),
                parts.taskConfig(),
                parts.consumer(),
                this::reportErrant,
                () -> connectorPaused || retrying);
    }

    @Override
    protected void startTask() {
        parts.task().start(context);
    }

    @Override
    protected void runTask() throws InterruptedException {
        subscribe();
        report(State.RUNNING);
        LOG.info("Task {} started, reading {}", parts.id(), describeTopics());
        Instant nextCommit = clock.instant().plus(settings().offsetFlushInterval());
        while (!control.isStopping()) {
            if (control.isPaused() != connectorPaused) {
                connectorPaused = control.isPaused();
                context.applyPauses();
                report(connectorPaused ? State.PAUSED : State.RUNNING);
            }
            step();
            if (context.takeCommitRequest() || !clock.instant().isBefore(nextCommit)) {
                commit(false);
                nextCommit = clock.instant().plus(settings().offsetFlushInterval());
            }
        }
        commit(true);
    }

    /**
     * One round of the loop: polls the consumer once (rebalances happen here), converts and transforms
     * what it returned, and puts it, retrying as the rules say.
     */
    void step() throws InterruptedException {
        pending = poll();
        if (!pending.isEmpty() || !connectorPaused) {
            if (deliverPending()) {
                batchOffsets.forEach((partition, next) -> {
                    if (currentOffsets.containsKey(partition)) {
                        currentOffsets.put(partition, next);
                    }
                });
            }
        }
        batchOffsets.clear();
        pending = List.of();
    }

    /** Starts the task and subscribes, as the loop does, for a caller that steps it by hand. */
    void startStepping() {
        if (!startOnce()) {
            throw new IllegalStateException("Task " + id() + " was stopped before it started");
        }
        subscribe();
        report(State.RUNNING);
    }

    /**
     * Commits what {@code preCommit} allows, synchronously, as the loop does every {@code
     * offset.flush.interval.ms} or when the task asks.
     */
    void commitNow() throws InterruptedException {
        context.takeCommitRequest();
        commit(true);
    }

    /** @return the next offset to commit of each assigned partition: past every record the task took */
    Map<TopicPartition, Long> currentOffsets() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(currentOffsets));
    }

    /**
     * Ends a task stepped by hand as the loop ends: unless it failed, the final commit; then the
     * partitions close, the task stops and its clients are released.
     *
     * @param failed whether the task failed
     */
    void stopStepping(boolean failed) throws InterruptedException {
        control.stop();
        try {
            if (!failed) {
                commit(true);
            }
        } finally {
            finish();
            report(failed ? State.FAILED : State.STOPPED);
        }
    }

    private String describeTopics() {
        return parts.topicsPattern() != null ? "topics matching " + parts.topicsPattern() : "topics " + parts.topics();
    }

    private void subscribe() {
        ConsumerRebalanceListener listener = new RebalanceListener();
        if (parts.topicsPattern() != null) {
            parts.consumer().subscribe(parts.topicsPattern(), listener);
        } else {
            parts.consumer().subscribe(parts.topics(), listener);
        }
    }

    private List<SinkRecord> poll() throws InterruptedException {
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = parts.consumer().poll(POLL_TIMEOUT);
        } catch (WakeupException e) {
            return List.of();
        }
        batchOffsets.clear();
        List<SinkRecord> batch = new ArrayList<>(records.count());
        SinkRecord.Builder builder = SinkRecord.builder();
        // Partition by partition, in the order the consumer's own iterator gives the records.
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> ofPartition = records.records(partition);
            if (ofPartition.isEmpty()) {
                continue;
            }
            consumed.add(partition, ofPartition);
            topicUsed(partition.topic());
            io.tributary.sdk.connector.TopicPartition readFrom =
                    new io.tributary.sdk.connector.TopicPartition(partition.topic(), partition.partition());
            for (ConsumerRecord<byte[], byte[]> record : ofPartition) {
                SinkRecord converted = convertAndTransform(record, readFrom, builder);
                if (converted != null) {
                    batch.add(converted);
                }
            }
            batchOffsets.put(partition, ofPartition.get(ofPartition.size() - 1).offset() + 1);
        }
        return batch;
    }

    private SinkRecord convertAndTransform(
            ConsumerRecord<byte[], byte[]> consumed,
            io.tributary.sdk.connector.TopicPartition readFrom,
            SinkRecord.Builder builder)
            throws InterruptedException {
        try {
            return reader.read(consumed, readFrom, builder);
        } catch (ToleratedFailureException skipped) {
            pendingReports.add(skipped.report());
            return null;
        }
    }

    /**
     * Puts the pending batch. A {@link RetriableException} puts it again after a back-off, for as long as
     * the task asks. With {@code errors.tolerance=all}, a record-level failure ({@link DataException}) of a
     * batch puts its records one by one, and those that fail go to the error reporters. Any other failure
     * is retried until {@code errors.retry.timeout}, then fails the task.
     *
     * @return false if the task stopped before the batch was taken
     */
    private boolean deliverPending() throws InterruptedException {
        Instant retryDeadline = null;
        Duration otherBackoff = FIRST_RETRY_BACKOFF;
        while (true) {
            List<SinkRecord> records = Collections.unmodifiableList(pending);
            try {
                parts.task().put(records);
                context.applyOffsetResets(currentOffsets).forEach(batchOffsets::remove);
                return true;
            } catch (RetriableException e) {
                Duration backoff = context.backoff().orElse(DEFAULT_RETRY_BACKOFF);
                LOG.warn(
                        "Task {} asked to retry a batch of {} records in {}: {}",
                        parts.id(),
                        records.size(),
                        backoff,
                        e.getMessage());
                if (!backOff(backoff)) {
                    return false;
                }
            } catch (ToleranceExceededException | TaskStoppingException e) {
                throw e;
            } catch (DataException e) {
                if (!parts.errors().policy().tolerateAll()) {
                    throw e;
                }
                if (records.size() == 1) {
                    reportErrant(records.get(0), e);
                    return true;
                }
                return deliverOneByOne(records, e);
            } catch (RuntimeException e) {
                ErrorPolicy policy = parts.errors().policy();
                if (retryDeadline == null) {
                    retryDeadline = policy.retryTimeout() == null
                            ? Instant.MAX
                            : clock.instant().plus(policy.retryTimeout());
                }
                Instant now = clock.instant();
                if (!now.isBefore(retryDeadline)) {
                    throw new TributaryException(
                            "Task " + parts.id() + " failed to put " + records.size() + " records: " + e
                                    + (policy.retryTimeout() != null
                                                    && !policy.retryTimeout().isZero()
                                            ? " (retried for errors.retry.timeout.ms="
                                                    + policy.retryTimeout().toMillis() + ")"
                                            : "")
                                    + ". A failure of the whole batch is not a bad record, so errors.tolerance does not"
                                    + " skip it",
                            e);
                }
                Duration backoff = min(otherBackoff, policy.retryDelayMax());
                if (retryDeadline != Instant.MAX) {
                    backoff = min(backoff, Duration.between(now, retryDeadline));
                }
                LOG.warn(
                        "Task {} failed to put a batch of {} records; retrying in {}: {}",
                        parts.id(),
                        records.size(),
                        backoff,
                        e.toString());
                if (!backOff(backoff)) {
                    return false;
                }
                otherBackoff = min(otherBackoff.multipliedBy(2), policy.retryDelayMax());
            }
        }
    }

    /** Finds the records a failed batch choked on: each goes to the error reporters, the rest are put. */
    private boolean deliverOneByOne(List<SinkRecord> records, RuntimeException batchFailure)
            throws InterruptedException {
        LOG.warn(
                "Task {} failed to put a batch of {} records ({}); putting them one by one to find the bad ones",
                parts.id(),
                records.size(),
                batchFailure.toString());
        List<SinkRecord> batch = new ArrayList<>(records);
        for (SinkRecord record : batch) {
            if (!isAssigned(record)) {
                continue;
            }
            pending = List.of(record);
            if (!deliverPending()) {
                return false;
            }
        }
        return true;
    }

    private boolean isAssigned(SinkRecord record) {
        return currentOffsets.containsKey(new TopicPartition(
                record.originalTopicPartition().topic(),
                record.originalTopicPartition().partition()));
    }

    /**
     * Waits before a batch is put again. The consumer keeps polling, with every partition paused, so the
     * task stays in its group however long the back-off; rebalances during it reach the task as usual.
     *
     * @return false if the task is told to stop first
     */
    private boolean backOff(Duration backoff) {
        retrying = true;
        context.applyPauses();
        try {
            Instant until = clock.instant().plus(backoff);
            while (!control.isStopping()) {
                Duration left = Duration.between(clock.instant(), until);
                if (left.isNegative() || left.isZero()) {
                    return true;
                }
                ConsumerRecords<byte[], byte[]> none = parts.consumer().poll(min(left, POLL_TIMEOUT));
                if (!none.isEmpty()) {
                    throw new IllegalStateException("Task " + parts.id() + " read " + none.count()
                            + " records while every partition was paused for a retry back-off");
                }
            }
            return false;
        } catch (WakeupException e) {
            return false;
        } finally {
            retrying = false;
            if (!control.isStopping()) {
                context.applyPauses();
            }
        }
    }

    private CompletableFuture<Void> reportErrant(SinkRecord record, Throwable error) {
        ConsumerRecord<byte[], byte[]> original = consumed.find(record).orElseGet(() -> reader.rebuild(record));
        CompletableFuture<Void> report = parts.errors()
                .fail(new FailedOperation(
                        parts.id(), Stage.TASK_PUT, parts.task().getClass(), error, original, record));
        pendingReports.add(report);
        return report;
    }

    private void commit(boolean sync) throws InterruptedException {
        if (currentOffsets.isEmpty() || isCancelled()) {
            return;
        }
        awaitReports();
        Map<io.tributary.sdk.connector.TopicPartition, Long> current = new LinkedHashMap<>();
        currentOffsets.forEach((tp, offset) ->
                current.put(new io.tributary.sdk.connector.TopicPartition(tp.topic(), tp.partition()), offset));
        Map<io.tributary.sdk.connector.TopicPartition, Long> allowed =
                parts.task().preCommit(Collections.unmodifiableMap(current));
        // A rewind asked for in preCommit (the task lost writes) comes before the next records, not after them.
        context.applyOffsetResets(currentOffsets);
        awaitReports();
        Map<TopicPartition, OffsetAndMetadata> toCommit = new LinkedHashMap<>();
        Map<TopicPartition, Long> committed = new LinkedHashMap<>();
        if (allowed == null) {
            LOG.warn(
                    "Task {} returned null from preCommit; nothing is committed. Return an empty map instead",
                    parts.id());
            return;
        }
        allowed.forEach((tp, offset) -> {
            TopicPartition partition = new TopicPartition(tp.topic(), tp.partition());
            Long consumed = currentOffsets.get(partition);
            if (consumed == null || offset == null) {
                return;
            }
            if (offset > consumed) {
                // Committing past what was consumed would skip records nobody wrote.
                LOG.warn(
                        "Task {} asked to commit offset {} of {}, past the {} records it was given; that offset is"
                                + " not committed",
                        parts.id(),
                        offset,
                        partition,
                        consumed);
                return;
            }
            toCommit.put(partition, new OffsetAndMetadata(offset));
            committed.put(partition, offset);
        });
        if (toCommit.isEmpty()) {
            return;
        }
        if (sync) {
            commitSync(toCommit);
        } else {
            parts.consumer().commitAsync(toCommit, (offsets, error) -> {
                if (error != null) {
                    LOG.warn(
                            "Task {} could not commit offsets {}; they will be committed next time: {}",
                            parts.id(),
                            offsets,
                            error.toString());
                }
            });
        }
        consumed.committed(committed);
        LOG.debug("Task {} committed offsets {}", parts.id(), toCommit);
    }

    private void commitSync(Map<TopicPartition, OffsetAndMetadata> toCommit) {
        try {
            parts.consumer().commitSync(toCommit);
        } catch (WakeupException e) {
            // A stop request woke the consumer up; the wake-up is spent, and the commit is still wanted.
            parts.consumer().commitSync(toCommit);
        }
    }

    private void awaitReports() throws InterruptedException {
        for (CompletableFuture<Void> report : pendingReports) {
            try {
                report.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new TributaryException(
                        "Task " + parts.id() + " could not write a failed record to the dead letter queue: "
                                + e.getCause() + "; check that the topic exists and the worker may write to it",
                        e.getCause());
            }
        }
        pendingReports.clear();
    }

    @Override
    protected void wakeUp() {
        parts.consumer().wakeup();
    }

    @Override
    protected boolean stopsFromOutside() {
        return false;
    }

    @Override
    protected void beforeStop() {
        // The partitions close here; the consumer's own revocation on close must not reach the task again.
        shuttingDown = true;
        Collection<io.tributary.sdk.connector.TopicPartition> assigned = SinkContext.toSdk(currentOffsets.keySet());
        if (!assigned.isEmpty()) {
            try {
                parts.task().close(assigned);
            } catch (RuntimeException e) {
                LOG.warn("Task {} threw from close()", parts.id(), e);
            }
        }
    }

    @Override
    protected void stopTask() {
        parts.task().stop();
    }

    @Override
    protected void release() {
        shuttingDown = true;
        try {
            parts.consumer().close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.warn("Closing the consumer of task {} failed", parts.id(), e);
        }
        closeCommon(parts.errors(), parts.converters(), parts.transforms());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Passes partition moves to the task, committing what it has written before partitions leave. */
    private final class RebalanceListener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty() || shuttingDown) {
                return;
            }
            try {
                commit(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("Task {} could not commit before partitions {} were revoked", parts.id(), partitions, e);
            }
            closePartitions(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            for (TopicPartition partition : partitions) {
                currentOffsets.put(partition, parts.consumer().position(partition));
            }
            parts.task().open(SinkContext.toSdk(partitions));
            context.applyOffsetResets(currentOffsets);
            context.applyPauses();
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (shuttingDown) {
                return;
            }
            closePartitions(partitions);
        }

        private void closePartitions(Collection<TopicPartition> partitions) {
            parts.task().close(SinkContext.toSdk(partitions));
            partitions.forEach(partition -> {
                currentOffsets.remove(partition);
                batchOffsets.remove(partition);
                consumed.forget(partition);
            });
            context.forget(partitions);
            // Records of partitions taken away are not put again: their new owner reads them.
            pending = pending.stream().filter(SinkTaskRunner.this::isAssigned).toList();
        }
    }
}
