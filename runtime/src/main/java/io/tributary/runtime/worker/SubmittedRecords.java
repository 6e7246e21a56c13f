package io.tributary.runtime.worker;

import io.tributary.sdk.source.SourceRecord;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tracks a source task's records from poll to acknowledgement, so that an offset is committed only
 * once Kafka acknowledged that record and every record polled before it for the same source
 * partition. Records of different source partitions do not hold each other back.
 *
 * <p>A record is submitted as soon as it is polled, before it is transformed, converted or sent, so the
 * order of submission is the order of polling.
 *
 * <p>{@link #submit} is called on the task thread; {@link Submitted#acknowledge()} on producer
 * threads; {@link #committableOffsets()} on the task thread. Thread-safe.
 */
final class SubmittedRecords {

    /** One record on its way to Kafka. */
    final class Submitted {
        private final Map<String, Object> partition;
        private final Map<String, Object> offset;
        private volatile boolean acknowledged;
        private boolean abandoned;

        private Submitted(Map<String, Object> partition, Map<String, Object> offset) {
            this.partition = partition;
            this.offset = offset;
        }

        /** Marks the record acknowledged (or dropped on purpose): its offset may now be committed. */
        void acknowledge() {
            synchronized (SubmittedRecords.this) {
                if (!acknowledged && !abandoned) {
                    acknowledged = true;
                    outstanding--;
                    SubmittedRecords.this.notifyAll();
                }
            }
        }

        /**
         * Gives the record up: it was not sent and will not be, because the task stops. It is no longer
         * waited for, but it is never acknowledged either, so no offset of its source partition is committed
         * past it and it is polled again after a restart.
         */
        void abandon() {
            synchronized (SubmittedRecords.this) {
                if (!acknowledged && !abandoned) {
                    abandoned = true;
                    outstanding--;
                    SubmittedRecords.this.notifyAll();
                }
            }
        }
    }

    private final Map<Map<String, Object>, Deque<Submitted>> byPartition = new HashMap<>();
    private int outstanding;

    /**
     * @param record a record just polled
     * @return its handle, to acknowledge it
     */
    @SuppressWarnings("unchecked")
    synchronized Submitted submit(SourceRecord record) {
        Map<String, Object> partition = (Map<String, Object>) record.sourcePartition();
        Map<String, Object> offset = (Map<String, Object>) record.sourceOffset();
        Submitted submitted = new Submitted(partition, offset);
        byPartition.computeIfAbsent(partition, p -> new ArrayDeque<>()).addLast(submitted);
        outstanding++;
        return submitted;
    }

    /**
     * Removes the acknowledged prefix of each partition's records and returns the latest offset of each.
     *
     * @return offsets that are safe to commit, by source partition; records without a partition or
     *     offset are left out
     */
    synchronized Map<Map<String, Object>, Map<String, Object>> committableOffsets() {
        Map<Map<String, Object>, Map<String, Object>> committable = new LinkedHashMap<>();
        Iterator<Map.Entry<Map<String, Object>, Deque<Submitted>>> partitions =
                byPartition.entrySet().iterator();
        while (partitions.hasNext()) {
            Map.Entry<Map<String, Object>, Deque<Submitted>> entry = partitions.next();
            Deque<Submitted> records = entry.getValue();
            while (!records.isEmpty() && records.peekFirst().acknowledged) {
                Submitted done = records.pollFirst();
                if (!done.partition.isEmpty() && !done.offset.isEmpty()) {
                    committable.put(done.partition, done.offset);
                }
            }
            if (records.isEmpty()) {
                partitions.remove();
            }
        }
        return committable;
    }

    /** @return how many records were submitted but not yet acknowledged */
    synchronized int outstanding() {
        return outstanding;
    }

    /**
     * Waits until every submitted record is acknowledged.
     *
     * @param timeoutMillis the longest wait
     * @return whether none is outstanding
     * @throws InterruptedException if interrupted
     */
    synchronized boolean awaitAllAcknowledged(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (outstanding > 0) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
