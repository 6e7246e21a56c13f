package io.tributary.runtime.worker;

import io.tributary.sdk.sink.SinkRecord;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
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
 * <p>Records are held as the consumer returned them, one list per partition and poll, and are only
 * searched when a report comes: holding a poll's records costs nothing per record.
 *
 * <p>At most {@code capacity} records are held, the oldest are let go first; a report of a record no
 * longer held is rebuilt from the record itself. (A poll's list of which only the older part was let go
 * stays in memory whole until the rest goes too.) Used on the task thread only.
 */
final class ConsumedRecords {

    /** The records of one partition from one poll, in offset order; those before {@code start} are let go. */
    private static final class Run {
        private final TopicPartition partition;
        private final List<ConsumerRecord<byte[], byte[]>> records;
        private int start;

        Run(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> records) {
            this.partition = partition;
            this.records = records;
        }

        int held() {
            return records.size() - start;
        }

        /** @return the index of the first held record at or past the offset; the size when none is */
        int indexOf(long offset) {
            int low = start;
            int high = records.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (records.get(middle).offset() < offset) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        boolean isOf(String topic, int partitionNumber) {
            return partition.partition() == partitionNumber && partition.topic().equals(topic);
        }
    }

    private final int capacity;
    /** Oldest first, over every partition. */
    private final Deque<Run> runs = new ArrayDeque<>();

    private int held;

    ConsumedRecords(int capacity) {
        this.capacity = capacity;
    }

    /**
     * @param partition the partition the records were read from
     * @param records what one poll returned for it, in offset order; kept as it is, not copied
     */
    void add(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> records) {
        if (records.isEmpty()) {
            return;
        }
        runs.addLast(new Run(partition, records));
        held += records.size();
        while (held > capacity) {
            Run oldest = runs.peekFirst();
            int excess = held - capacity;
            if (oldest.held() <= excess) {
                runs.pollFirst();
                held -= oldest.held();
            } else {
                oldest.start += excess;
                held -= excess;
            }
        }
    }

    /**
     * @param record a record the task was given, or a copy of it
     * @return what Kafka delivered for it, if still held
     */
    Optional<ConsumerRecord<byte[], byte[]>> find(SinkRecord record) {
        String topic = record.originalTopicPartition().topic();
        int partition = record.originalTopicPartition().partition();
        long offset = record.originalKafkaOffset();
        // Newest first: a report is most often about a record of the latest batches.
        Iterator<Run> newestFirst = runs.descendingIterator();
        while (newestFirst.hasNext()) {
            Run run = newestFirst.next();
            if (run.isOf(topic, partition)) {
                int index = run.indexOf(offset);
                if (index < run.records.size() && run.records.get(index).offset() == offset) {
                    return Optional.of(run.records.get(index));
                }
            }
        }
        return Optional.empty();
    }

    /** @param committed the next offsets committed, by partition: forget every record before them */
    void committed(Map<TopicPartition, Long> committed) {
        Iterator<Run> all = runs.iterator();
        while (all.hasNext()) {
            Run run = all.next();
            Long next = committed.get(run.partition);
            if (next != null) {
                int firstKept = run.indexOf(next);
                held -= firstKept - run.start;
                run.start = firstKept;
                if (run.held() == 0) {
                    all.remove();
                }
            }
        }
    }

    /** @param partition a partition the task no longer reads: forget its records */
    void forget(TopicPartition partition) {
        Iterator<Run> all = runs.iterator();
        while (all.hasNext()) {
            Run run = all.next();
            if (run.partition.equals(partition)) {
                held -= run.held();
                all.remove();
            }
        }
    }

    int size() {
        return held;
    }
}
