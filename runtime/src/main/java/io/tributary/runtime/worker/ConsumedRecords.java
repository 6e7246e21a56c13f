package io.tributary.runtime.worker;

import io.tributary.sdk.sink.SinkRecord;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The records a sink task consumed whose offsets are not committed yet, found by where they were read
 * from: the original topic, partition and offset every {@link SinkRecord} and each of its copies carry.
 * An errant record report finds the bytes Kafka delivered here, whether it comes from {@code put}, from
 * {@code preCommit} or a later batch, or with a copy of the record.
 *
 * <p>At most {@code capacity} records are held, the oldest are let go first; a report of a record no
 * longer held is rebuilt from the record itself. Used on the task thread only.
 */
final class ConsumedRecords {
    private record Origin(String topic, int partition, long offset) {}

    private final int capacity;
    private final LinkedHashMap<Origin, ConsumerRecord<byte[], byte[]>> held = new LinkedHashMap<>();

    ConsumedRecords(int capacity) {
        this.capacity = capacity;
    }

    void add(ConsumerRecord<byte[], byte[]> consumed) {
        held.put(new Origin(consumed.topic(), consumed.partition(), consumed.offset()), consumed);
        if (held.size() > capacity) {
            Iterator<Origin> oldest = held.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /**
     * @param record a record the task was given, or a copy of it
     * @return what Kafka delivered for it, if still held
     */
    Optional<ConsumerRecord<byte[], byte[]>> find(SinkRecord record) {
        Origin origin = new Origin(
                record.originalTopicPartition().topic(),
                record.originalTopicPartition().partition(),
                record.originalKafkaOffset());
        return Optional.ofNullable(held.get(origin));
    }

    /** @param committed the next offsets committed, by partition: forget every record before them */
    void committed(Map<TopicPartition, Long> committed) {
        held.keySet().removeIf(origin -> {
            Long next = committed.get(new TopicPartition(origin.topic(), origin.partition()));
            return next != null && origin.offset() < next;
        });
    }

    /** @param partition a partition the task no longer reads: forget its records */
    void forget(TopicPartition partition) {
        held.keySet()
                .removeIf(origin ->
                        origin.topic().equals(partition.topic()) && origin.partition() == partition.partition());
    }

    int size() {
        return held.size();
    }
}
