package io.tributary.sdk.sink;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.connector.Task;
import io.tributary.sdk.connector.TopicPartition;
import java.util.Collection;
import java.util.Map;

/**
 * Writes records from Kafka to an external system.
 *
 * <p><b>Threads and lifecycle.</b> Every method except {@link #stop()} is called on the task's own
 * thread: {@link #start}, then {@link #open} for the partitions assigned, then {@link #put} with
 * each batch and {@link #preCommit} before offsets are committed; {@link #close} before partitions
 * move to another task; {@code stop} last, possibly from another thread while {@code put} runs.
 *
 * <p><b>Offsets.</b> The runtime commits the consumer's offsets only up to what {@link #preCommit}
 * returns, so a task that buffers writes says how far it has really written. After a restart or a
 * rebalance, consumption resumes from the committed offsets: a record not yet committed may be
 * delivered again, so writes should be idempotent.
 */
@Stable
public interface SinkTask extends Task {

    /**
     * Starts the task with the configuration its connector made for it.
     *
     * @param context the runtime's side of this task; valid until stop, never null
     */
    void start(SinkTaskContext context);

    /**
     * Writes a batch of records, or buffers them to write later. Records of one partition arrive in
     * offset order.
     *
     * @param records the batch, possibly empty; unmodifiable, never null
     * @throws io.tributary.sdk.errors.RetriableException to have the same batch delivered again after
     *     the back-off set with {@link SinkTaskContext#timeout(java.time.Duration)}
     */
    void put(Collection<SinkRecord> records);

    /**
     * Makes everything given to {@link #put} so far durable in the external system. Called by the
     * default {@link #preCommit}; optional, the default does nothing.
     *
     * @param currentOffsets the next offset to consume for each assigned partition; never null
     */
    default void flush(Map<TopicPartition, Long> currentOffsets) {}

    /**
     * Says how far the task has durably written, before the runtime commits the consumer's offsets.
     * The default calls {@link #flush} and returns {@code currentOffsets}: everything put is written.
     * A task that writes asynchronously returns less; returning an empty map commits nothing.
     *
     * @param currentOffsets the next offset to consume for each assigned partition, after the records
     *     already given to {@code put}; unmodifiable, never null
     * @return the next offset to consume, per partition, that is safe to commit; never null
     */
    default Map<TopicPartition, Long> preCommit(Map<TopicPartition, Long> currentOffsets) {
        flush(currentOffsets);
        return currentOffsets;
    }

    /**
     * Called when partitions are assigned to this task, before their first records are put, so it can
     * open writers or read offsets it keeps in the external system. Optional; the default does nothing.
     *
     * @param partitions the newly assigned partitions; unmodifiable, never null
     */
    default void open(Collection<TopicPartition> partitions) {}

    /**
     * Called when partitions are taken from this task, after their last records were put and committed,
     * so it can close their writers. Optional; the default does nothing.
     *
     * @param partitions the partitions leaving this task; unmodifiable, never null
     */
    default void close(Collection<TopicPartition> partitions) {}
}
