package io.tributary.runtime.embed;

import io.tributary.runtime.convert.JsonConverter;
import io.tributary.runtime.worker.SinkTaskSteps;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.converter.ConverterType;
import io.tributary.sdk.header.Header;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * Runs one sink task through the runtime's own sink task runner, one step at a time, against an
 * in-memory Kafka: topics the caller appends records to, and a consumer group that remembers committed
 * offsets across restarts. The test kit's {@code SinkTaskDriver} is built on it, so a driven test and a
 * task on a worker run the same code: the same conversion, commits, pauses, retries, rebalances and
 * error policy.
 *
 * <p>Records given as {@link SinkRecord}s are written with the JSON converter (schemas enabled) and read
 * back through the runner, as a worker reads what a JSON-writing producer wrote. Time moves only when the
 * consumer waits, so retry back-offs pass at once. Not thread-safe: every call, and every call into the
 * task, runs on the caller's thread.
 */
public final class SinkTaskStepper implements AutoCloseable {
    private final InMemoryTopics kafka;
    private final SinkTaskSteps steps;

    private SinkTaskStepper(Builder builder) throws InterruptedException {
        this.kafka = builder.previous != null ? builder.previous.kafka : new InMemoryTopics();
        if (builder.previous == null) {
            builder.committedOffsets.forEach((partition, offset) -> kafka.committedOffsets.put(partition, offset));
        }
        Set<TopicPartition> assignment = new LinkedHashSet<>(builder.assignment);
        Set<String> topics = new LinkedHashSet<>();
        assignment.forEach(partition -> topics.add(partition.topic()));
        this.steps = new SinkTaskSteps(
                builder.id,
                builder.task,
                builder.taskConfig,
                builder.connectorSettings,
                kafka,
                List.copyOf(topics),
                kafka.clock,
                builder.reported);
        rebalance(assignment);
    }

    /**
     * @param task the task instance to run; not started yet
     * @return a builder
     */
    public static Builder builder(SinkTask task) {
        return new Builder(Objects.requireNonNull(task, "task"));
    }

    /**
     * Appends records to their partitions, written as the JSON converter writes them. They are read on the
     * next {@link #step()} from the partition's position, as a consumer reads.
     *
     * @param records records with the topic, partition and offset they are to have in Kafka
     */
    public void append(List<SinkRecord> records) {
        for (SinkRecord record : records) {
            kafka.append(kafka.write(record));
        }
    }

    /**
     * One round of a worker's loop: a poll of the consumer, then {@code put}, retried as the rules say.
     *
     * @throws RuntimeException if the task failed; it is stopped first
     */
    public void step() throws InterruptedException {
        steps.step();
    }

    /** Commits what {@code preCommit} allows, as a worker does periodically or when the task asks. */
    public void commit() throws InterruptedException {
        steps.commit();
    }

    /**
     * Moves the task's partitions, as its consumer group would: those that leave are committed and closed,
     * those that arrive are opened, on the next poll, which this runs.
     *
     * @param assignment the task's partitions from now on
     */
    public void rebalance(Collection<TopicPartition> assignment) throws InterruptedException {
        List<TopicPartition> partitions = List.copyOf(assignment);
        Map<TopicPartition, Long> beginnings = new HashMap<>();
        partitions.forEach(partition -> beginnings.put(partition, 0L));
        kafka.updateBeginningOffsets(beginnings);
        kafka.schedulePollTask(() -> kafka.rebalance(partitions));
        step();
    }

    /** @return the partitions assigned to the task, by topic and partition number */
    public Set<TopicPartition> assignment() {
        return ordered(kafka.assignment());
    }

    /** @return the partitions paused, by the task or by the runtime, by topic and partition number */
    public Set<TopicPartition> paused() {
        return ordered(kafka.paused());
    }

    private static Set<TopicPartition> ordered(Set<TopicPartition> partitions) {
        Set<TopicPartition> ordered = new LinkedHashSet<>();
        partitions.stream()
                .sorted(java.util.Comparator.comparing(TopicPartition::topic)
                        .thenComparingInt(TopicPartition::partition))
                .forEach(ordered::add);
        return java.util.Collections.unmodifiableSet(ordered);
    }

    /** @return the next offset to commit of each assigned partition: past every record the task took */
    public Map<TopicPartition, Long> positions() {
        return steps.currentOffsets();
    }

    /** @return every offset committed for the task's group, by partition, including past assignments */
    public Map<TopicPartition, Long> committedOffsets() {
        return Map.copyOf(kafka.committedOffsets);
    }

    /** @return whether the task is stopped, by {@link #stop()} or because it failed */
    public boolean isStopped() {
        return steps.isStopped();
    }

    /** Stops the task as a worker does: the final commit, {@code close} of its partitions, then {@code stop}. */
    public void stop() throws InterruptedException {
        steps.stop();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** A clock that moves only when the consumer waits. */
    private static final class WaitClock extends Clock {
        private Instant now = Instant.parse("2024-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /**
     * Topics as a log per partition, read by one consumer of one group. It keeps every record, so a
     * consumer that seeks back or starts over from a committed offset reads them again, and it outlives
     * the task instances that use it, as a cluster outlives a task's restarts.
     */
    private static final class InMemoryTopics extends MockConsumer<byte[], byte[]> {
        private static final int MAX_POLL_RECORDS = 500;

        final WaitClock clock = new WaitClock();
        final Map<TopicPartition, Long> committedOffsets = new LinkedHashMap<>();
        /** The assigned partitions that have a position: the others start at their committed offset. */
        private final Set<TopicPartition> started = new java.util.HashSet<>();

        private final Map<TopicPartition, TreeMap<Long, ConsumerRecord<byte[], byte[]>>> log = new HashMap<>();
        private final JsonConverter keys = json(ConverterType.KEY);
        private final JsonConverter values = json(ConverterType.VALUE);
        private final JsonConverter headers = json(ConverterType.HEADER);

        InMemoryTopics() {
            super("earliest");
        }

        private static JsonConverter json(ConverterType type) {
            JsonConverter converter = new JsonConverter();
            converter.configure(Map.of(JsonConverter.SCHEMAS_ENABLE, "true"), type);
            return converter;
        }

        ConsumerRecord<byte[], byte[]> write(SinkRecord record) {
            String topic = record.topic();
            RecordHeaders written = new RecordHeaders();
            for (Header header : record.headers()) {
                written.add(header.key(), headers.fromData(topic, header.key(), header.schema(), header.value()));
            }
            return new ConsumerRecord<>(
                    topic,
                    record.kafkaPartition() == null ? 0 : record.kafkaPartition(),
                    record.kafkaOffset(),
                    record.timestamp() == null ? ConsumerRecord.NO_TIMESTAMP : record.timestamp(),
                    record.timestamp() == null ? TimestampType.NO_TIMESTAMP_TYPE : kafkaType(record),
                    ConsumerRecord.NULL_SIZE,
                    ConsumerRecord.NULL_SIZE,
                    keys.fromData(topic, record.keySchema(), record.key()),
                    values.fromData(topic, record.valueSchema(), record.value()),
                    written,
                    Optional.empty());
        }

        private static TimestampType kafkaType(SinkRecord record) {
            return switch (record.timestampType()) {
                case CREATE_TIME -> TimestampType.CREATE_TIME;
                case LOG_APPEND_TIME -> TimestampType.LOG_APPEND_TIME;
                default -> TimestampType.NO_TIMESTAMP_TYPE;
            };
        }

        synchronized void append(ConsumerRecord<byte[], byte[]> record) {
            log.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new TreeMap<>())
                    .put(record.offset(), record);
        }

        /** Serves records from the log, from each assigned, unpaused partition's position. */
        @Override
        public synchronized ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
            super.poll(Duration.ZERO);
            Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> served = new LinkedHashMap<>();
            int room = MAX_POLL_RECORDS;
            for (TopicPartition partition : assignment()) {
                if (paused().contains(partition) || room == 0) {
                    continue;
                }
                TreeMap<Long, ConsumerRecord<byte[], byte[]>> records = log.get(partition);
                if (records == null) {
                    continue;
                }
                List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record :
                        records.tailMap(position(partition), true).values()) {
                    if (room-- == 0) {
                        break;
                    }
                    batch.add(record);
                }
                if (!batch.isEmpty()) {
                    served.put(partition, batch);
                    seek(partition, batch.get(batch.size() - 1).offset() + 1);
                }
            }
            if (served.isEmpty()) {
                clock.advance(timeout);
            }
            return new ConsumerRecords<>(served, Map.of());
        }

        /** Remembers what is committed, also past the consumer's assignment; the consumer commits this way. */
        @Override
        public synchronized void commitAsync(
                Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
            offsets.forEach((partition, offset) -> committedOffsets.put(partition, offset.offset()));
            super.commitAsync(offsets, callback);
        }

        /** Leaves the group: the task is gone, its group's committed offsets stay for the next instance. */
        @Override
        public synchronized void close(Duration timeout) {
            unsubscribe();
        }

        /** Starts a partition newly assigned where its group left off: the committed offset, or 0. */
        @Override
        public synchronized long position(TopicPartition partition) {
            if (started.add(partition)) {
                long start = committedOffsets.getOrDefault(partition, 0L);
                seek(partition, start);
                return start;
            }
            return super.position(partition);
        }

        @Override
        public synchronized void rebalance(Collection<TopicPartition> newAssignment) {
            started.retainAll(newAssignment);
            super.rebalance(newAssignment);
        }

        @Override
        public synchronized void unsubscribe() {
            started.clear();
            super.unsubscribe();
        }
    }

    /** Describes a stepper. */
    public static final class Builder {
        private final SinkTask task;
        private TaskId id = new TaskId("test-connector", 0);
        private Map<String, String> taskConfig = Map.of();
        private final Map<String, String> connectorSettings = new HashMap<>();
        private final Map<TopicPartition, Long> committedOffsets = new LinkedHashMap<>();
        private List<TopicPartition> assignment = List.of();
        private BiConsumer<ConnectRecord<?>, Throwable> reported = (record, error) -> {};
        private SinkTaskStepper previous;

        private Builder(SinkTask task) {
            this.task = task;
        }

        /** @param taskId the task's id */
        public Builder taskId(TaskId taskId) {
            this.id = Objects.requireNonNull(taskId, "taskId");
            return this;
        }

        /** @param config the configuration the task starts with */
        public Builder taskConfig(Map<String, String> config) {
            this.taskConfig = Map.copyOf(config);
            return this;
        }

        /**
         * @param name a connector setting, such as {@code errors.tolerance}
         * @param value its value
         */
        public Builder connectorSetting(String name, String value) {
            connectorSettings.put(name, value);
            return this;
        }

        /**
         * @param partition a partition
         * @param offset the offset its group committed before the task starts
         */
        public Builder committedOffset(TopicPartition partition, long offset) {
            committedOffsets.put(partition, offset);
            return this;
        }

        /** @param partitions the partitions the task is given when it starts */
        public Builder assignment(Collection<TopicPartition> partitions) {
            this.assignment = List.copyOf(partitions);
            return this;
        }

        /** @param listener told of each record the error policy handled (the task's errant records too) */
        public Builder onReported(BiConsumer<ConnectRecord<?>, Throwable> listener) {
            this.reported = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Runs the task as a restart of another: it reads the same topics, in the same group, from the
         * offsets the other committed.
         *
         * @param stepper the stepper of the previous instance, stopped
         */
        public Builder restartOf(SinkTaskStepper stepper) {
            if (!stepper.isStopped()) {
                throw new IllegalStateException(
                        "Stop the previous task before starting its replacement: a task" + " never runs twice at once");
            }
            this.previous = stepper;
            return this;
        }

        /** @return the stepper, its task started and given its assignment */
        public SinkTaskStepper start() {
            try {
                return new SinkTaskStepper(this);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting the task", e);
            }
        }
    }
}
