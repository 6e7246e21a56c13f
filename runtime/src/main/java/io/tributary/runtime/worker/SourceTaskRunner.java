package io.tributary.runtime.worker;

import io.tributary.runtime.errors.RetryWithTolerance;
import io.tributary.runtime.errors.RetryWithTolerance.Outcome;
import io.tributary.runtime.errors.Stage;
import io.tributary.runtime.storage.OffsetStore;
import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.header.Header;
import io.tributary.sdk.source.OffsetStorageReader;
import io.tributary.sdk.source.RecordMetadata;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import io.tributary.sdk.source.TransactionContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
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

    private final Parts parts;
    private final Clock clock;
    private final SubmittedRecords submitted = new SubmittedRecords();
    private final Semaphore inFlight;
    private final AtomicReference<Throwable> sendFailure = new AtomicReference<>();
    private boolean started;

    SourceTaskRunner(
            Parts parts,
            TaskSettings settings,
            TaskControl control,
            StatusListener status,
            Clock clock,
            Runnable onClose) {
        super(parts.id(), settings, control, status, onClose);
        this.parts = parts;
        this.clock = clock;
        this.inFlight = new Semaphore(settings.maxInFlightRecords());
    }

    @Override
    protected void runTask() throws InterruptedException {
        TaskSettings settings = settings();
        parts.task().start(new Context());
        started = true;
        report(State.RUNNING);
        LOG.info("Task {} started", parts.id());
        Instant nextCommit = clock.instant().plus(settings.offsetFlushInterval());
        while (!control.isStopping()) {
            if (control.isPaused()) {
                commitOffsets();
                report(State.PAUSED);
                if (!control.awaitUnpaused()) {
                    break;
                }
                report(State.RUNNING);
            }
            failIfSendFailed();
            Outcome<List<SourceRecord>> polled = parts.errors()
                    .execute(
                            Stage.TASK_POLL,
                            parts.task().getClass(),
                            null,
                            null,
                            () -> parts.task().poll());
            if (polled.value() != null) {
                for (SourceRecord record : polled.value()) {
                    send(record);
                }
            }
            if (!clock.instant().isBefore(nextCommit)) {
                commitOffsets();
                nextCommit = clock.instant().plus(settings.offsetFlushInterval());
            }
        }
        finalCommit();
    }

    @Override
    protected void release() {
        if (started && !control.isStopping()) {
            stopTask();
        }
        try {
            parts.producer().close(java.time.Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.warn("Closing the producer of task {} failed", parts.id(), e);
        }
        closeCommon(parts.errors(), parts.converters(), parts.transforms());
    }

    private void send(SourceRecord polled) throws InterruptedException {
        Outcome<SourceRecord> transformed = parts.errors()
                .execute(
                        Stage.TRANSFORMATION,
                        null,
                        null,
                        polled,
                        () -> parts.transforms().apply(polled));
        if (transformed.value() == null) {
            dropped(polled);
            return;
        }
        SourceRecord record = transformed.value();
        String topic = record.topic();
        if (parts.topics() != null) {
            parts.topics().ensureTopic(topic);
        }
        TaskConverters converters = parts.converters();
        Outcome<byte[]> key = parts.errors()
                .execute(
                        Stage.KEY_CONVERTER,
                        converters.key().getClass(),
                        null,
                        record,
                        () -> converters.key().fromData(topic, record.keySchema(), record.key()));
        Outcome<byte[]> value = key.failed()
                ? key
                : parts.errors()
                        .execute(
                                Stage.VALUE_CONVERTER,
                                converters.value().getClass(),
                                null,
                                record,
                                () -> converters.value().fromData(topic, record.valueSchema(), record.value()));
        Outcome<RecordHeaders> headers = value.failed()
                ? new Outcome<>(null, true, value.report())
                : parts.errors()
                        .execute(
                                Stage.HEADER_CONVERTER,
                                converters.header().getClass(),
                                null,
                                record,
                                () -> toKafkaHeaders(record));
        if (headers.failed()) {
            dropped(polled);
            return;
        }
        ProducerRecord<byte[], byte[]> producerRecord = new ProducerRecord<>(
                topic, record.kafkaPartition(), record.timestamp(), key.value(), value.value(), headers.value());
        while (!inFlight.tryAcquire(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            failIfSendFailed();
            if (control.isStopping()) {
                return;
            }
        }
        // Tracked only once it is really sent: a record abandoned above because the task stops is not tracked,
        // so its offset is never committed and it is polled again after a restart.
        SubmittedRecords.Submitted handle = submitted.submit(polled);
        parts.producer().send(producerRecord, (metadata, error) -> {
            inFlight.release();
            if (error != null) {
                onSendError(polled, handle, error);
                return;
            }
            handle.acknowledge();
            commitRecord(
                    polled,
                    new RecordMetadata(
                            new TopicPartition(metadata.topic(), metadata.partition()),
                            metadata.offset(),
                            metadata.timestamp()));
        });
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

    private void onSendError(SourceRecord record, SubmittedRecords.Submitted handle, Exception error) {
        if (parts.errors().policy().tolerateAll()) {
            LOG.warn(
                    "Task {} could not send a record to '{}' and skips it (errors.tolerance=all): {}",
                    parts.id(),
                    record.topic(),
                    error.toString());
            handle.acknowledge();
            commitRecord(record, null);
        } else {
            sendFailure.compareAndSet(null, error);
            control.stop();
        }
    }

    private void dropped(SourceRecord record) {
        submitted.submit(record).acknowledge();
        commitRecord(record, null);
    }

    private void commitRecord(SourceRecord record, RecordMetadata metadata) {
        try {
            parts.task().commitRecord(record, metadata);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Task {} threw from commitRecord; the record's offset is committed anyway", parts.id(), e);
        }
    }

    private void failIfSendFailed() {
        Throwable failure = sendFailure.get();
        if (failure != null) {
            throw new io.tributary.sdk.errors.TributaryException(
                    "Kafka did not accept a record of task " + parts.id() + ": " + failure
                            + ". Check the topic exists and the producer settings, or set errors.tolerance=all to"
                            + " skip such records",
                    failure);
        }
    }

    private void commitOffsets() {
        Map<Map<String, Object>, Map<String, Object>> offsets = submitted.committableOffsets();
        if (!offsets.isEmpty()) {
            parts.offsets().commit(parts.id().connector(), offsets);
            LOG.debug("Task {} committed offsets of {} source partitions", parts.id(), offsets.size());
        }
        try {
            parts.task().commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void finalCommit() throws InterruptedException {
        parts.producer().flush();
        if (!submitted.awaitAllAcknowledged(settings().offsetFlushTimeout().toMillis())) {
            LOG.warn(
                    "Task {} stops with {} records not yet acknowledged; their offsets stay uncommitted and they"
                            + " will be sent again after a restart",
                    parts.id(),
                    submitted.outstanding());
        }
        commitOffsets();
        failIfSendFailed();
    }

    @Override
    public void stop() {
        if (!control.isStopping()) {
            control.stop();
            stopTask();
        }
    }

    private void stopTask() {
        try {
            parts.task().stop();
        } catch (RuntimeException e) {
            LOG.warn("Task {} threw from stop()", parts.id(), e);
        }
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
