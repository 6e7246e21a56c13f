package io.tributary.sdk.sink;

import io.tributary.sdk.annotation.Stable;
import java.util.concurrent.Future;

/**
 * Reports a record a sink task could not write, so the task can carry on with its neighbours. The
 * runtime applies the connector's error settings: with {@code errors.tolerance=all} the record is
 * logged if {@code errors.log.enable} is set and sent to the dead letter queue topic if one is
 * configured, with headers that say what failed; with {@code errors.tolerance=none} reporting fails
 * the task.
 *
 * <p>Safe to call from the task's thread. The runtime does not commit the record's offset until the
 * report is complete.
 */
@Stable
@FunctionalInterface
public interface ErrantRecordReporter {

    /**
     * Reports a record and why it failed.
     *
     * @param record the record as given to {@code put}; never null
     * @param error why it could not be written; never null
     * @return completes when the report is stored (for example in the dead letter queue); wait on it
     *     only if the task must know
     * @throws io.tributary.sdk.errors.TributaryException if the error policy does not tolerate errors
     */
    Future<Void> report(SinkRecord record, Throwable error);
}
