package io.tributary.sdk.sink;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.connector.TaskContext;
import io.tributary.sdk.connector.TopicPartition;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The runtime's side of a running sink task. Call its methods from the task's thread, inside {@code
 * start}, {@code open}, {@code put}, {@code preCommit} or {@code close}.
 */
@Stable
public interface SinkTaskContext extends TaskContext {

    /**
     * Asks the runtime to consume the given partitions from the given offsets next, for tasks that
     * keep their offsets in the external system. Takes effect before the next batch.
     *
     * @param offsets the next offset to consume, per partition; never null
     */
    void offsets(Map<TopicPartition, Long> offsets);

    /**
     * Asks the runtime to consume one partition from an offset next.
     *
     * @param partition an assigned partition; never null
     * @param offset the next offset to consume
     */
    default void offset(TopicPartition partition, long offset) {
        offsets(Map.of(partition, offset));
    }

    /**
     * Sets how long to wait before delivering a batch again after {@code put} threw a {@link
     * io.tributary.sdk.errors.RetriableException}.
     *
     * @param backoff the wait; never null or negative
     */
    void timeout(Duration backoff);

    /** @return the partitions currently assigned to this task; unmodifiable, never null */
    Set<TopicPartition> assignment();

    /**
     * Stops fetching records from the given partitions until they are resumed, for example while the
     * external system is busy. Their position is kept.
     *
     * @param partitions assigned partitions; never null
     */
    void pause(TopicPartition... partitions);

    /**
     * Resumes fetching from paused partitions.
     *
     * @param partitions assigned partitions; never null
     */
    void resume(TopicPartition... partitions);

    /** Asks the runtime to commit offsets soon, through {@link SinkTask#preCommit}. */
    void requestCommit();

    /**
     * Returns the reporter for records this task cannot write. Always available: the connector's error
     * settings decide what reporting does (send to the dead letter queue and continue, or fail the task
     * when {@code errors.tolerance=none}).
     *
     * @return the reporter; never null
     */
    ErrantRecordReporter errantRecordReporter();
}
