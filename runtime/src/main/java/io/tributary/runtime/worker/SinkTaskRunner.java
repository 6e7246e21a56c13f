package io.tributary.runtime.worker;

import io.tributary.runtime.errors.FailedOperation;
import io.tributary.runtime.errors.RetryWithTolerance;
import io.tributary.runtime.errors.RetryWithTolerance.Outcome;
import io.tributary.runtime.errors.Stage;
import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.sdk.errors.RetriableException;
import io.tributary.sdk.header.Headers;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTask;
import io.tributary.sdk.sink.TimestampType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
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
    private final Map<SinkRecord, ConsumerRecord<byte[], byte[]>> originals = new IdentityHashMap<>();
    private final List<CompletableFuture<Void>> pendingReports = new ArrayList<>();
    private boolean started;
    private boolean shuttingDown;

    SinkTaskRunner(
            Parts parts,
            TaskSettings settings,
            TaskControl control,
            StatusListener status,
            Clock clock,
            Runnable onClose) {
        super(parts.id(), settings, control, status, onClose);
        this.parts = parts;
        this.clock = clock;
        this.context = new SinkContext(parts.id(), parts.taskConfig(), parts.consumer(), this::reportErrant);
    }

    @Override
    protected void runTask() throws InterruptedException {
        parts.task().start(context);
        started = true;
        subscribe();
        report(State.RUNNING);
        LOG.info("Task {} started, reading {}", parts.id(), describeTopics());
        Instant nextCommit = clock.instant().plus(settings().offsetFlushInterval());
        boolean paused = false;
        while (!control.isStopping()) {
            if (control.isPaused() != paused) {
                paused = control.isPaused();
                setConnectorPaused(paused);
            }
            List<SinkRecord> batch = poll();
            if ((!batch.isEmpty() || !paused) && deliver(batch)) {
                batchOffsets.forEach((partition, next) -> {
                    if (currentOffsets.containsKey(partition)) {
                        currentOffsets.put(partition, next);
                    }
                });
            }
            batchOffsets.clear();
            if (context.takeCommitRequest() || !clock.instant().isBefore(nextCommit)) {
                commit(false);
                nextCommit = clock.instant().plus(settings().offsetFlushInterval());
            }
        }
        commit(true);
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

    private void setConnectorPaused(boolean paused) {
        if (paused) {
            parts.consumer().pause(parts.consumer().assignment());
            report(State.PAUSED);
        } else {
            context.resumeAllButTaskPaused();
            report(State.RUNNING);
        }
    }

    private List<SinkRecord> poll() throws InterruptedException {
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = parts.consumer().poll(POLL_TIMEOUT);
        } catch (WakeupException e) {
            return List.of();
        }
        originals.clear();
        batchOffsets.clear();
        List<SinkRecord> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> consumed : records) {
            TopicPartition partition = new TopicPartition(consumed.topic(), consumed.partition());
            batchOffsets.put(partition, consumed.offset() + 1);
            SinkRecord record = convertAndTransform(consumed);
            if (record != null) {
                originals.put(record, consumed);
                batch.add(record);
            }
        }
        return batch;
    }

    private SinkRecord convertAndTransform(ConsumerRecord<byte[], byte[]> consumed) throws InterruptedException {
        TaskConverters converters = parts.converters();
        Outcome<SchemaAndValue> key = parts.errors()
                .execute(
                        Stage.KEY_CONVERTER,
                        converters.key().getClass(),
                        consumed,
                        null,
                        () -> converters.key().toData(consumed.topic(), consumed.key()));
        if (key.failed()) {
            track(key);
            return null;
        }
        Outcome<SchemaAndValue> value = parts.errors()
                .execute(
                        Stage.VALUE_CONVERTER,
                        converters.value().getClass(),
                        consumed,
                        null,
                        () -> converters.value().toData(consumed.topic(), consumed.value()));
        if (value.failed()) {
            track(value);
            return null;
        }
        Outcome<Headers> headers = parts.errors()
                .execute(
                        Stage.HEADER_CONVERTER,
                        converters.header().getClass(),
                        consumed,
                        null,
                        () -> toSdkHeaders(consumed));
        if (headers.failed()) {
            track(headers);
            return null;
        }
        SinkRecord record = SinkRecord.builder()
                .topic(consumed.topic())
                .partition(consumed.partition())
                .kafkaOffset(consumed.offset())
                .key(key.value().schema(), key.value().value())
                .value(value.value().schema(), value.value().value())
                .timestamp(consumed.timestamp() < 0 ? null : consumed.timestamp(), timestampType(consumed))
                .headers(headers.value())
                .build();
        Outcome<SinkRecord> transformed = parts.errors()
                .execute(
                        Stage.TRANSFORMATION,
                        null,
                        consumed,
                        record,
                        () -> parts.transforms().apply(record));
        track(transformed);
        return transformed.value();
    }

    private Headers toSdkHeaders(ConsumerRecord<byte[], byte[]> consumed) {
        Headers headers = Headers.empty();
        for (org.apache.kafka.common.header.Header header : consumed.headers()) {
            SchemaAndValue converted =
                    parts.converters().header().toData(consumed.topic(), header.key(), header.value());
            headers = headers.with(header.key(), converted.schema(), converted.value());
        }
        return headers;
    }

    private static TimestampType timestampType(ConsumerRecord<byte[], byte[]> consumed) {
        return switch (consumed.timestampType()) {
            case CREATE_TIME -> TimestampType.CREATE_TIME;
            case LOG_APPEND_TIME -> TimestampType.LOG_APPEND_TIME;
            default -> TimestampType.NO_TIMESTAMP_TYPE;
        };
    }

    private void track(Outcome<?> outcome) {
        if (outcome.failed()) {
            pendingReports.add(outcome.report());
        }
    }

    /** Puts a batch, retrying it while the task asks to; false if the task stopped before it succeeded. */
    private boolean deliver(List<SinkRecord> batch) throws InterruptedException {
        List<SinkRecord> records = Collections.unmodifiableList(batch);
        while (true) {
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
                parts.consumer().pause(parts.consumer().assignment());
                boolean keepGoing = control.await(backoff);
                context.resumeAllButTaskPaused();
                if (!keepGoing) {
                    return false;
                }
            } catch (RuntimeException e) {
                if (!parts.errors().policy().tolerateAll() || records.size() <= 1) {
                    if (records.size() == 1 && parts.errors().policy().tolerateAll()) {
                        reportErrant(records.get(0), e);
                        return true;
                    }
                    throw e;
                }
                return deliverOneByOne(records, e);
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
        for (SinkRecord record : records) {
            if (!deliver(List.of(record))) {
                return false;
            }
        }
        return true;
    }

    private CompletableFuture<Void> reportErrant(SinkRecord record, Throwable error) {
        ConsumerRecord<byte[], byte[]> consumed = originals.get(record);
        Outcome<Void> outcome = parts.errors()
                .fail(new FailedOperation(
                        parts.id(), Stage.TASK_PUT, parts.task().getClass(), error, consumed, record));
        pendingReports.add(outcome.report());
        return outcome.report();
    }

    private void commit(boolean sync) throws InterruptedException {
        if (currentOffsets.isEmpty()) {
            return;
        }
        awaitReports();
        Map<io.tributary.sdk.connector.TopicPartition, Long> current = new LinkedHashMap<>();
        currentOffsets.forEach((tp, offset) ->
                current.put(new io.tributary.sdk.connector.TopicPartition(tp.topic(), tp.partition()), offset));
        Map<io.tributary.sdk.connector.TopicPartition, Long> allowed =
                parts.task().preCommit(Collections.unmodifiableMap(current));
        Map<TopicPartition, OffsetAndMetadata> toCommit = new LinkedHashMap<>();
        allowed.forEach((tp, offset) -> {
            TopicPartition partition = new TopicPartition(tp.topic(), tp.partition());
            if (currentOffsets.containsKey(partition) && offset != null) {
                toCommit.put(partition, new OffsetAndMetadata(offset));
            }
        });
        if (toCommit.isEmpty()) {
            return;
        }
        if (sync) {
            parts.consumer().commitSync(toCommit);
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
        LOG.debug("Task {} committed offsets {}", parts.id(), toCommit);
    }

    private void awaitReports() throws InterruptedException {
        for (CompletableFuture<Void> report : pendingReports) {
            try {
                report.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new io.tributary.sdk.errors.TributaryException(
                        "Task " + parts.id() + " could not write a failed record to the dead letter queue: "
                                + e.getCause() + "; check that the topic exists and the worker may write to it",
                        e.getCause());
            }
        }
        pendingReports.clear();
    }

    @Override
    public void stop() {
        control.stop();
        parts.consumer().wakeup();
    }

    @Override
    protected void release() {
        // The final commit and close happen here; the consumer's own revocation on close must not reach the task.
        shuttingDown = true;
        if (started) {
            try {
                Collection<io.tributary.sdk.connector.TopicPartition> assigned = context.assignment();
                if (!assigned.isEmpty()) {
                    parts.task().close(assigned);
                }
            } catch (RuntimeException e) {
                LOG.warn("Task {} threw from close()", parts.id(), e);
            }
            try {
                parts.task().stop();
            } catch (RuntimeException e) {
                LOG.warn("Task {} threw from stop()", parts.id(), e);
            }
        }
        try {
            parts.consumer().close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the consumer of task {} failed", parts.id(), e);
        }
        closeCommon(parts.errors(), parts.converters(), parts.transforms());
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
            parts.task().close(SinkContext.toSdk(partitions));
            partitions.forEach(currentOffsets::remove);
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
            if (control.isPaused()) {
                parts.consumer().pause(partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (shuttingDown) {
                return;
            }
            parts.task().close(SinkContext.toSdk(partitions));
            partitions.forEach(currentOffsets::remove);
        }
    }
}
