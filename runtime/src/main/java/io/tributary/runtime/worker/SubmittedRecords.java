package io.tributary.runtime.worker;

import io.tributary.sdk.source.SourceRecord;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tracks a source task's records from poll to acknowledgement, so that an offset is committed only
 * once Kafka acknowledged that record and every record polled before it for the same source
 * partition. Records of different source partitions do not hold each other back.
 *
 * <p>A record is submitted as soon as it is polled, before it is transformed, converted or sent, so the
 * order of submission is the order of polling.
 *
 * <p>{@link #submit} and {@link #committableOffsets()} are called on the task thread; {@link
 * Submitted#acknowledge()} and {@link Submitted#abandon()} on producer threads, where they take no lock:
 * they only mark their record, and the task thread collects what was marked. So a producer acknowledging
 * a batch never waits for the task thread, nor the task thread for it. {@link #awaitAllAcknowledged} may
 * be called on any thread.
 */
final class SubmittedRecords {
    private static final int PENDING = 0;
    private static final int ACKNOWLEDGED = 1;
    private static final int ABANDONED = 2;
    /** How many records a partition takes before it lets go of those acknowledged meanwhile. */
    private static final int COLLECT_EVERY = 1024;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Submitted.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One record on its way to Kafka. */
    final class Submitted {
        private final Map<String, Object> offset;
        /** {@link #PENDING}, then {@link #ACKNOWLEDGED} or {@link #ABANDONED}; set once, through {@link #STATE}. */
        private volatile int state;

        private Submitted(Map<String, Object> offset) {
            this.offset = offset;
        }

        /** Marks the record acknowledged (or dropped on purpose): its offset may now be committed. */
        void acknowledge() {
            settle(ACKNOWLEDGED);
        }

        /**
         * Gives the record up: it was not sent and will not be, because the task stops. It is no longer
         * waited for, but it is never acknowledged either, so no offset of its source partition is committed
         * past it and it is polled again after a restart.
         */
        void abandon() {
            settle(ABANDONED);
        }

        private void settle(int settled) {
            if (STATE.compareAndSet(this, PENDING, settled) && outstanding.decrementAndGet() == 0) {
                synchronized (SubmittedRecords.this) {
                    SubmittedRecords.this.notifyAll();
                }
            }
        }

        private boolean isAcknowledged() {
            return state == ACKNOWLEDGED;
        }
    }

    /**
     * The records of one source partition not yet known to be acknowledged, oldest first, and the latest
     * offset of those already let go. Records are let go as their acknowledged prefix grows, every {@value
     * #COLLECT_EVERY} records and at each commit, so a partition does not hold every record polled between
     * two commits.
     */
    private static final class PartitionRecords {
        private final Deque<Submitted> records = new ArrayDeque<>();
        /** The offset of the latest record let go, which was acknowledged as were all before it; null for none. */
        private Map<String, Object> committable;

        private int addedSinceCollected;

        void add(Submitted record) {
            records.addLast(record);
            if (++addedSinceCollected == COLLECT_EVERY) {
                collectAcknowledged();
            }
        }

        /** Lets go of the acknowledged prefix, keeping only the latest offset in it. */
        void collectAcknowledged() {
            addedSinceCollected = 0;
            Submitted first;
            while ((first = records.peekFirst()) != null && first.isAcknowledged()) {
                records.pollFirst();
                if (!first.offset.isEmpty()) {
                    committable = first.offset;
                }
            }
        }
    }

    private final Map<Map<String, Object>, PartitionRecords> byPartition = new HashMap<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    /**
     * The partition of the previous record (the very map, not an equal one) and its records: tasks often poll
     * runs of records of one partition, which then find their records without hashing the partition.
     */
    private Map<String, ?> lastPartition;

    private PartitionRecords lastRecords;

    /**
     * @param record a record just polled
     * @return its handle, to acknowledge it
     */
    @SuppressWarnings("unchecked")
    Submitted submit(SourceRecord record) {
        Map<String, ?> partition = record.sourcePartition();
        PartitionRecords records;
        if (partition == lastPartition) {
            records = lastRecords;
        } else {
            records = byPartition.computeIfAbsent((Map<String, Object>) partition, p -> new PartitionRecords());
            lastPartition = partition;
            lastRecords = records;
        }
        Submitted submitted = new Submitted((Map<String, Object>) record.sourceOffset());
        records.add(submitted);
        outstanding.incrementAndGet();
        return submitted;
    }

    /**
     * Removes the acknowledged prefix of each partition's records and returns the latest offset of each.
     *
     * @return offsets that are safe to commit, by source partition; records without a partition or
     *     offset are left out
     */
    Map<Map<String, Object>, Map<String, Object>> committableOffsets() {
        Map<Map<String, Object>, Map<String, Object>> committable = new LinkedHashMap<>();
        Iterator<Map.Entry<Map<String, Object>, PartitionRecords>> partitions =
                byPartition.entrySet().iterator();
        while (partitions.hasNext()) {
            Map.Entry<Map<String, Object>, PartitionRecords> entry = partitions.next();
            PartitionRecords records = entry.getValue();
            records.collectAcknowledged();
            if (records.committable != null && !entry.getKey().isEmpty()) {
                committable.put(entry.getKey(), records.committable);
            }
            records.committable = null;
            if (records.records.isEmpty()) {
                partitions.remove();
                if (records == lastRecords) {
                    lastPartition = null;
                    lastRecords = null;
                }
            }
        }
        return committable;
    }

    /** @return how many records were submitted but not yet acknowledged */
    int outstanding() {
        return outstanding.get();
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
        while (outstanding.get() > 0) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
