package io.tributary.runtime.embed;

import io.tributary.runtime.storage.MemoryOffsetStore;
import io.tributary.runtime.worker.SourceTaskSteps;
import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Runs one source task through the runtime's own task runner, one step at a time, against an in-memory
 * producer whose sends are acknowledged or failed when the caller says so. The test kit's {@code
 * SourceTaskDriver} is built on it, so a driven test and a task on a worker run the same code: the same
 * offset tracking, the same retries and error policy, the same lifecycle.
 *
 * <p>Not thread-safe: every call, and every call into the task, runs on the caller's thread.
 */
public final class SourceTaskStepper implements AutoCloseable {
    private final String connector;
    private final MemoryOffsetStore offsets;
    private final InMemoryKafka producer;
    private final SourceTaskSteps steps;
    private int acknowledgedOrFailed;

    /**
     * The Kafka a stepped task writes to: a producer whose sends complete when the caller says so, and
     * which outlives the task instances that use it, as a cluster outlives a task's restarts.
     */
    private static final class InMemoryKafka extends MockProducer<byte[], byte[]> {
        private final java.time.Clock clock;
        private final Map<org.apache.kafka.common.TopicPartition, Long> nextOffsets = new HashMap<>();

        InMemoryKafka(java.time.Clock clock) {
            super(false, null, new ByteArraySerializer(), new ByteArraySerializer());
            this.clock = clock;
        }

        /**
         * Sends as Kafka would answer: to the partition the record names (0 when it names none), at the next
         * offset of that partition once acknowledged, stamped with the time it was sent when it has no
         * timestamp of its own.
         */
        @Override
        public synchronized java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(
                ProducerRecord<byte[], byte[]> record, org.apache.kafka.clients.producer.Callback callback) {
            org.apache.kafka.common.TopicPartition partition = new org.apache.kafka.common.TopicPartition(
                    record.topic(), record.partition() == null ? 0 : record.partition());
            long timestamp = record.timestamp() != null ? record.timestamp() : clock.millis();
            return super.send(record, (metadata, error) -> {
                if (error != null) {
                    callback.onCompletion(metadata, error);
                    return;
                }
                long offset = nextOffsets.merge(partition, 1L, Long::sum) - 1;
                callback.onCompletion(
                        new org.apache.kafka.clients.producer.RecordMetadata(
                                partition,
                                offset,
                                0,
                                timestamp,
                                record.key() == null ? -1 : record.key().length,
                                record.value() == null ? -1 : record.value().length),
                        null);
            });
        }

        @Override
        public void close(java.time.Duration timeout) {
            // The task closes its producer when it stops; the cluster it wrote to stays.
        }
    }

    private SourceTaskStepper(Builder builder) {
        this.connector = builder.id.connector();
        SourceTaskStepper previous = builder.previous;
        this.offsets = previous != null ? previous.offsets : new MemoryOffsetStore();
        this.producer = previous != null ? previous.producer : new InMemoryKafka(builder.clock);
        if (previous != null) {
            // What the previous instance left in flight never reaches Kafka: its sends fail, unseen by anyone.
            while (producer.errorNext(new org.apache.kafka.common.errors.NetworkException("the task was restarted"))) {
                previous.acknowledgedOrFailed++;
            }
            this.acknowledgedOrFailed = previous.acknowledgedOrFailed;
        }
        if (!builder.committedOffsets.isEmpty()) {
            offsets.commit(connector, builder.committedOffsets);
        }
        this.steps = new SourceTaskSteps(
                builder.id, builder.task, builder.taskConfig, builder.connectorSettings, offsets, producer);
    }

    /**
     * @param task the task instance to run; not started yet
     * @return a builder
     */
    public static Builder builder(SourceTask task) {
        return new Builder(Objects.requireNonNull(task, "task"));
    }

    /**
     * Polls the task once and hands what it returned to the producer, as one round of a worker's loop.
     *
     * @return the records polled; as the task returned them, null if it returned null
     * @throws io.tributary.sdk.errors.RetriableException if the poll failed and may be retried
     * @throws RuntimeException if the task failed, or Kafka refused an earlier record and the error policy
     *     does not tolerate it; the task is stopped first
     */
    public List<SourceRecord> poll() throws InterruptedException {
        return steps.poll();
    }

    /** @return how many records were sent and are neither acknowledged nor failed yet */
    public int inFlight() {
        // The producer keeps every send in its history, completed or not.
        return producer.history().size() - acknowledgedOrFailed;
    }

    /** Acknowledges the oldest record in flight, as Kafka would. @return false if none was in flight */
    public boolean acknowledgeNext() {
        boolean done = producer.completeNext();
        if (done) {
            acknowledgedOrFailed++;
        }
        return done;
    }

    /**
     * Fails the send of the oldest record in flight.
     *
     * @param error what Kafka answered
     * @return false if none was in flight
     */
    public boolean failNext(RuntimeException error) {
        boolean done = producer.errorNext(error);
        if (done) {
            acknowledgedOrFailed++;
        }
        return done;
    }

    /** @return every record sent to the producer, in order, as bytes */
    public List<ProducerRecord<byte[], byte[]>> sent() {
        return producer.history();
    }

    /** Commits the offsets of what was acknowledged, as a worker does periodically, then the task's {@code commit}. */
    public void commit() throws InterruptedException {
        steps.commit();
    }

    /** @return the committed source offsets by source partition, as the task's offset reader reads them */
    public Map<Map<String, Object>, Map<String, Object>> committedOffsets() {
        return new LinkedHashMap<>(offsets.allOffsets(connector));
    }

    /**
     * @param partition a source partition, in whatever number types the task uses
     * @return its committed offset, found as the task's offset reader finds it; null if none
     */
    public Map<String, Object> committedOffset(Map<String, ?> partition) {
        return offsets.offsets(connector, List.of(new LinkedHashMap<String, Object>(partition))).values().stream()
                .findFirst()
                .orElse(null);
    }

    /** @return whether the task is stopped, by {@link #stop()} or because it failed */
    public boolean isStopped() {
        return steps.isStopped();
    }

    /** Stops the task as a worker does: a final commit of what was acknowledged, then its {@code stop}. */
    public void stop() throws InterruptedException {
        steps.stop();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** Describes a stepper. */
    public static final class Builder {
        private final SourceTask task;
        private TaskId id = new TaskId("test-connector", 0);
        private Map<String, String> taskConfig = Map.of();
        private final Map<String, String> connectorSettings = new HashMap<>();
        private final Map<Map<String, Object>, Map<String, Object>> committedOffsets = new LinkedHashMap<>();
        private SourceTaskStepper previous;
        private java.time.Clock clock = java.time.Clock.systemUTC();

        private Builder(SourceTask task) {
            this.task = task;
        }

        /** @param taskId the task's id; its connector name keys the offsets */
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
         * @param partition a source partition
         * @param offset the offset committed for it before the task starts
         */
        public Builder committedOffset(Map<String, ?> partition, Map<String, ?> offset) {
            committedOffsets.put(new LinkedHashMap<>(partition), new LinkedHashMap<>(offset));
            return this;
        }

        /**
         * Runs the task as a restart of another on the same worker: it reads the offsets that one committed
         * and writes to the same Kafka, whose partitions' offsets go on increasing. What the other left in
         * flight is lost.
         *
         * @param stepper the stepper of the previous instance, stopped
         * @return this builder
         */
        public Builder restartOf(SourceTaskStepper stepper) {
            if (!stepper.isStopped()) {
                throw new IllegalStateException(
                        "Stop the previous task before starting its replacement: a task" + " never runs twice at once");
            }
            this.previous = stepper;
            return this;
        }

        /**
         * @param kafkaClock the clock of the in-memory Kafka, which stamps records sent without a timestamp
         * @return this builder
         */
        public Builder clock(java.time.Clock kafkaClock) {
            this.clock = Objects.requireNonNull(kafkaClock, "clock");
            return this;
        }

        /** @return the stepper, its task started */
        public SourceTaskStepper start() {
            return new SourceTaskStepper(this);
        }
    }
}
