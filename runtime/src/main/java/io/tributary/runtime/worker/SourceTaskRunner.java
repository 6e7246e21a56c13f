package io.tributary.runtime.worker;

import io.tributary.runtime.errors.RetryWithTolerance;
import io.tributary.runtime.errors.Stage;
import io.tributary.runtime.errors.TaskStoppingException;
import io.tributary.runtime.errors.ToleratedFailureException;
import io.tributary.runtime.storage.OffsetStore;
import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.errors.RetriableException;
import io.tributary.sdk.errors.TributaryException;
import io.tributary.sdk.header.Header;
import io.tributary.sdk.source.OffsetStorageReader;
import io.tributary.sdk.source.RecordMetadata;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import io.tributary.sdk.source.TransactionContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one source task on its own thread: poll → transformations → converters → producer. Offsets are
 * committed periodically, and only up to the records Kafka acknowledged (see {@link SubmittedRecords});
 * at most {@code source.max.in.flight.records} records are unacknowledged at once, so a slow Kafka slows
 * polling down instead of filling memory.
 */
final class SourceTaskRunner extends AbstractTaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SourceTaskRunner.class);

    /**
     * What a source task runner is made of.
     *
     * @param id the task
     * @param task the task instance
     * @param taskConfig the configuration its connector made for it
     * @param converters its converters
     * @param transforms its transformation chain; returns null to drop a record
     * @param producer the producer that sends its records; closed with the runner
     * @param offsets where its source offsets are stored
     * @param errors its error policy
     * @param topics creates topics the task writes to, as {@code topic.creation.*} says; null when off
     */
    record Parts(
            TaskId id,
            SourceTask task,
            Map<String, String> taskConfig,
            TaskConverters converters,
            UnaryOperator<SourceRecord> transforms,
            Producer<byte[], byte[]> producer,
            OffsetStore offsets,
            RetryWithTolerance errors,
            TopicCreator topics) {}

    private static final Duration FIRST_POLL_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_POLL_BACKOFF = Duration.ofSeconds(10);

    private final Parts parts;
    private final Clock clock;
    private final SubmittedRecords submitted = new SubmittedRecords();
    private final Semaphore inFlight;
    private final AtomicReference<Throwable> sendFailure = new AtomicReference<>();
    /** Records Kafka acknowledged (or that were dropped), for {@code commitRecord} on the task thread. */
    private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();

    private record Acknowledged(SourceRecord record, RecordMetadata metadata) {}

    SourceTaskRunner(Parts parts, RunnerServices services, TaskControl control, Consumer<TaskRunner> onClose) {
        super(parts.id(), services, control, onClose);
        this.parts = parts;
        this.clock = services.clock();
        this.inFlight = new Semaphore(services.settings().maxInFlightRecords());
    }

    @Override
    protected void startTask() {
        parts.task().start(new Context());
    }

    @Override
    protected void runTask() throws InterruptedException {
        TaskSettings settings = settings();
        report(State.RUNNING);
        LOG.info("Task {} started", parts.id());
        Instant nextCommit = clock.instant().plus(settings.offsetFlushInterval());
        Duration pollBackoff = FIRST_POLL_BACKOFF;
        boolean failed = true;
        try {
            while (!control.isStopping()) {
                if (control.isPaused()) {
                    commitOffsets();
                    report(State.PAUSED);
                    if (!control.awaitUnpaused()) {
                        break;
                    }
                    report(State.RUNNING);
                }
                try {
                    step();
                    pollBackoff = FIRST_POLL_BACKOFF;
                } catch (RetriableException | org.apache.kafka.common.errors.RetriableException e) {
                    LOG.warn(
                            "Task {} failed to poll and will poll again in {}: {}",
                            parts.id(),
                            pollBackoff,
                            e.toString());
                    control.await(pollBackoff);
                    pollBackoff = min(pollBackoff.multipliedBy(2), maxPollBackoff());
                    continue;
                }
                if (!clock.instant().isBefore(nextCommit)) {
                    commitOffsets();
                    nextCommit = clock.instant().plus(settings.offsetFlushInterval());
                }
            }
            failed = false;
        } finally {
            finalCommit(failed);
        }
    }

    /**
     * One round of the loop: fails if Kafka refused an earlier record, polls the task once, sends what it
     * returned, and tells the task of the records acknowledged since the last round.
     *
     * @return the records polled, as the task returned them: empty or null when none
     * @throws RetriableException if the task's poll failed and may be retried
     */
    List<SourceRecord> step() throws InterruptedException {
        failIfSendFailed();
        List<SourceRecord> polled = parts.task().poll();
        if (polled != null && !polled.isEmpty()) {
            sendBatch(polled);
        }
        commitAcknowledgedRecords();
        return polled;
    }

    /** Starts the task as the loop does, for a caller that steps it by hand. */
    void startStepping() {
        if (!startOnce()) {
            throw new IllegalStateException("Task " + id() + " was stopped before it started");
        }
        report(State.RUNNING);
    }

    /**
     * Ends a task stepped by hand as the loop ends: the final commit, waiting for records in flight no
     * longer than {@code offset.flush.timeout.ms}, then the task's {@code stop} and the release of its
     * clients.
     *
     * @param failed whether the task failed: its final commit's own failure is then only logged
     */
    void stopStepping(boolean failed) throws InterruptedException {
        control.stop();
        try {
            finalCommit(failed);
        } finally {
            finish();
            report(failed ? State.FAILED : State.STOPPED);
        }
    }

    private Duration maxPollBackoff() {
        return min(parts.errors().policy().retryDelayMax(), MAX_POLL_BACKOFF);
    }

    /**
     * Sends a batch in order. Every record is tracked from the start, so none can be committed past one
     * before it that was not acknowledged; a stop ends the batch, and what it did not send is abandoned.
     */
    private void sendBatch(List<SourceRecord> batch) throws InterruptedException {
        List<SubmittedRecords.Submitted> handles = new ArrayList<>(batch.size());
        for (SourceRecord record : batch) {
            handles.add(submitted.submit(record));
        }
        for (int i = 0; i < batch.size(); i++) {
            boolean sent;
            try {
                sent = send(batch.get(i), handles.get(i));
            } catch (TaskStoppingException e) {
                sent = false;
            }
            if (!sent) {
                handles.subList(i, handles.size()).forEach(SubmittedRecords.Submitted::abandon);
                LOG.info(
                        "Task {} is stopping: {} polled records were not sent and will be polled again",
                        parts.id(),
                        batch.size() - i);
                return;
            }
        }
    }

    @Override
    protected void stopTask() {
        parts.task().stop();
    }

    @Override
    protected boolean stopsFromOutside() {
        return true;
    }

    @Override
    protected void onCancel() {
        // The producer is thread-safe: closing it at once fails every send still in it, so nothing more of this
        // task reaches Kafka while its replacement runs.
        try {
            parts.producer().close(Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.warn("Closing the producer of cancelled task {} failed", parts.id(), e);
        }
    }

    @Override
    protected void release() {
        try {
            parts.producer().close(Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.warn("Closing the producer of task {} failed", parts.id(), e);
        }
        closeCommon(parts.errors(), parts.converters(), parts.transforms());
    }

    /** @return false if the task is stopping and the record was not sent */
    private boolean send(SourceRecord polled, SubmittedRecords.Submitted handle) throws InterruptedException {
        ProducerRecord<byte[], byte[]> producerRecord;
        try {
            producerRecord = toProducerRecord(polled);
        } catch (ToleratedFailureException skipped) {
            // Reported already: the record is skipped, as if a transformation had dropped it.
            producerRecord = null;
        }
        if (producerRecord == null) {
            dropped(polled, handle);
            return true;
        }
        if (!acquirePermit()) {
            return false;
        }
        topicUsed(producerRecord.topic());
        try {
            parts.producer().send(producerRecord, (metadata, error) -> {
                inFlight.release();
                if (error != null) {
                    onSendError(polled, handle, error);
                    return;
                }
                handle.acknowledge();
                acknowledged.add(new Acknowledged(
                        polled,
                        new RecordMetadata(
                                new TopicPartition(metadata.topic(), metadata.partition()),
                                metadata.offset(),
                                metadata.timestamp())));
            });
        } catch (RuntimeException e) {
            // send() itself threw (a closed producer, a record too large for the buffer): the callback will not
            // run, so give the permit back here; the record stays unacknowledged and holds its offset back.
            inFlight.release();
            handle.abandon();
            if (control.isStopping()) {
                return false;
            }
            throw e;
        }
        return true;
    }

    /**
     * Transforms and converts a polled record.
     *
     * @return what to send; null when a transformation dropped the record
     * @throws ToleratedFailureException if a stage failed and the record is skipped
     */
    private ProducerRecord<byte[], byte[]> toProducerRecord(SourceRecord polled)
            throws InterruptedException, ToleratedFailureException {
        // The operations capture nothing, so that running them allocates nothing per record.
        RetryWithTolerance errors = parts.errors();
        SourceRecord record = errors.execute(
                Stage.TRANSFORMATION,
                null,
                null,
                polled,
                (transforms, toTransform) -> transforms.apply(toTransform),
                parts.transforms(),
                polled);
        if (record == null) {
            return null;
        }
        String topic = record.topic();
        if (parts.topics() != null) {
            parts.topics().ensureTopic(topic);
        }
        TaskConverters converters = parts.converters();
        byte[] key = errors.execute(
                Stage.KEY_CONVERTER,
                converters.key().getClass(),
                null,
                record,
                (converter, toConvert) -> converter.fromData(toConvert.topic(), toConvert.keySchema(), toConvert.key()),
                converters.key(),
                record);
        byte[] value = errors.execute(
                Stage.VALUE_CONVERTER,
                converters.value().getClass(),
                null,
                record,
                (converter, toConvert) ->
                        converter.fromData(toConvert.topic(), toConvert.valueSchema(), toConvert.value()),
                converters.value(),
                record);
        // The header converter has nothing to do for a record without headers.
        RecordHeaders headers = record.headers().isEmpty()
                ? null
                : errors.execute(
                        Stage.HEADER_CONVERTER,
                        converters.header().getClass(),
                        null,
                        record,
                        () -> toKafkaHeaders(record));
        return new ProducerRecord<>(topic, record.kafkaPartition(), record.timestamp(), key, value, headers);
    }

    /** Waits for room among the in-flight records; false if the task is stopping first. */
    private boolean acquirePermit() throws InterruptedException {
        while (!control.isStopping()) {
            if (inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                return true;
            }
            failIfSendFailed();
        }
        return false;
    }

    private RecordHeaders toKafkaHeaders(SourceRecord record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(
                    header.key(),
                    parts.converters()
                            .header()
                            .fromData(record.topic(), header.key(), header.schema(), header.value()));
        }
        return headers;
    }

    /** Runs on the producer's thread. */
    private void onSendError(SourceRecord record, SubmittedRecords.Submitted handle, Exception error) {
        if (control.isStopping()) {
            // The producer is being closed and aborts what it still holds: the record stays unacknowledged, so its
            // offset is not committed and it is sent again after a restart.
            handle.abandon();
            LOG.debug(
                    "Task {} is stopping; a record to '{}' was not sent: {}",
                    parts.id(),
                    record.topic(),
                    error.toString());
        } else if (parts.errors().policy().tolerateAll()) {
            LOG.warn(
                    "Task {} could not send a record to '{}' and skips it (errors.tolerance=all): {}",
                    parts.id(),
                    record.topic(),
                    error.toString());
            handle.acknowledge();
            acknowledged.add(new Acknowledged(record, null));
        } else {
            // Never acknowledged, so no offset passes it; the task fails at its next step.
            handle.abandon();
            sendFailure.compareAndSet(null, error);
        }
    }

    private void dropped(SourceRecord record, SubmittedRecords.Submitted handle) {
        handle.acknowledge();
        acknowledged.add(new Acknowledged(record, null));
    }

    /** Tells the task, on the task thread, of the records Kafka acknowledged. */
    private void commitAcknowledgedRecords() throws InterruptedException {
        Acknowledged done;
        while ((done = acknowledged.poll()) != null) {
            try {
                parts.task().commitRecord(done.record(), done.metadata());
            } catch (RuntimeException e) {
                LOG.warn("Task {} threw from commitRecord; the record's offset is committed anyway", parts.id(), e);
            }
        }
    }

    private void failIfSendFailed() {
        Throwable failure = sendFailure.get();
        if (failure != null) {
            throw new TributaryException(
                    "Kafka did not accept a record of task " + parts.id() + ": " + failure
                            + ". Check the topic exists and the producer settings, or set errors.tolerance=all to"
                            + " skip such records",
                    failure);
        }
    }

    /**
     * Commits the offsets of what Kafka acknowledged so far and calls the task's {@code commit}: what the
     * loop does every {@code offset.flush.interval.ms}, and a caller stepping the task does when it likes.
     */
    void commitOffsets() throws InterruptedException {
        if (isCancelled()) {
            return;
        }
        commitAcknowledgedRecords();
        Map<Map<String, Object>, Map<String, Object>> offsets = submitted.committableOffsets();
        if (!offsets.isEmpty()) {
            parts.offsets().commit(parts.id().connector(), offsets);
            LOG.debug("Task {} committed offsets of {} source partitions", parts.id(), offsets.size());
        }
        parts.task().commit();
    }

    /**
     * Waits, at most {@code offset.flush.timeout.ms}, for the records still in flight, then commits the
     * offsets of those acknowledged. Records the producer has not sent by then are abandoned when it closes.
     */
    private void finalCommit(boolean failed) throws InterruptedException {
        try {
            finalCommit();
        } catch (RuntimeException e) {
            if (!failed) {
                throw e;
            }
            // The task already failed: that failure is the one to report.
            LOG.warn("Task {} failed, and its final commit failed too", parts.id(), e);
        }
    }

    private void finalCommit() throws InterruptedException {
        if (!submitted.awaitAllAcknowledged(settings().offsetFlushTimeout().toMillis())) {
            LOG.warn(
                    "Task {} stops with {} records not acknowledged within offset.flush.timeout.ms ({}); their offsets"
                            + " stay uncommitted and they will be sent again after a restart",
                    parts.id(),
                    submitted.outstanding(),
                    settings().offsetFlushTimeout());
        }
        commitOffsets();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The task's view of the runtime. */
    private final class Context implements SourceTaskContext {
        private final OffsetStorageReader reader =
                new ConnectorOffsetReader(parts.id().connector(), parts.offsets());

        @Override
        public TaskId taskId() {
            return parts.id();
        }

        @Override
        public Map<String, String> config() {
            return parts.taskConfig();
        }

        @Override
        public OffsetStorageReader offsetReader() {
            return reader;
        }

        @Override
        public Optional<TransactionContext> transactionContext() {
            return Optional.empty();
        }
    }
}
