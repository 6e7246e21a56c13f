package io.tributary.sdk.source;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.connector.Task;
import java.util.List;

/**
 * Reads records from an external system for Kafka.
 *
 * <p><b>Threads and lifecycle.</b> The runtime calls {@link #start}, then {@link #poll()} in a loop,
 * all on the task's own thread. {@link #commitRecord} and {@link #commit()} are called on a runtime
 * thread as Kafka acknowledges records and as offsets are committed, concurrently with {@code poll}.
 * {@link #stop()} is called on another thread, possibly while {@code poll} is blocked: it should make
 * {@code poll} return soon. No {@code poll} follows {@code stop}.
 *
 * <p><b>Offsets.</b> Each record carries a source partition and offset. The runtime commits an offset
 * only after Kafka acknowledged that record and every record polled before it for the same partition;
 * after a restart, {@link SourceTaskContext#offsetReader()} returns the last committed offset of each
 * partition, from which the task resumes.
 */
@Stable
public interface SourceTask extends Task {

    /**
     * Starts the task with the configuration its connector made for it. Read where to resume from
     * {@link SourceTaskContext#offsetReader()} here.
     *
     * @param context the runtime's side of this task; valid until stop, never null
     */
    void start(SourceTaskContext context);

    /**
     * Returns the next records, or an empty list when there are none yet. May block for a short while
     * (a second or so) waiting for data, but should return regularly so the task can be paused or
     * stopped. The runtime sends the records in order and limits how many are in flight, so a task is
     * slowed down, not overrun, when Kafka falls behind.
     *
     * @return records to send, in order; an empty list when there are none; never null
     * @throws InterruptedException if the thread is interrupted while waiting for data
     * @throws io.tributary.sdk.errors.RetriableException to have {@code poll} called again later
     */
    List<SourceRecord> poll() throws InterruptedException;

    /**
     * Called after offsets up to the latest acknowledged records were committed, for tasks that
     * acknowledge reads in the external system in bulk. Optional; the default does nothing.
     *
     * @throws InterruptedException if the thread is interrupted
     */
    default void commit() throws InterruptedException {}

    /**
     * Called once per record after Kafka acknowledged it, or after a transformation or the error
     * policy dropped it, for tasks that acknowledge reads one by one. Optional; the default does
     * nothing.
     *
     * @param record the record as the task returned it from {@code poll}; never null
     * @param metadata where Kafka stored the record; null if the record was dropped before it was sent
     * @throws InterruptedException if the thread is interrupted
     */
    default void commitRecord(SourceRecord record, RecordMetadata metadata) throws InterruptedException {}
}
