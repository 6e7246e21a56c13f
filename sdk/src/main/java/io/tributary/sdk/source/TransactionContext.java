package io.tributary.sdk.source;

import io.tributary.sdk.annotation.Experimental;

/**
 * Lets a source task decide where Kafka transactions end, when its connector defines transaction
 * boundaries. Calls only mark a boundary; the runtime commits or aborts after the current batch is
 * sent. Safe to call from the task thread.
 *
 * <p><b>Not honoured yet:</b> the runtime has no exactly-once source support and does not produce in
 * transactions, so {@link SourceTaskContext#transactionContext()} is always empty and no task receives
 * one.
 */
@Experimental
public interface TransactionContext {

    /** Commits the current transaction once every record polled so far is sent. */
    void commitTransaction();

    /**
     * Commits the current transaction right after the given record is sent.
     *
     * @param record a record this task returned from {@code poll}; never null
     */
    void commitTransaction(SourceRecord record);

    /** Aborts the current transaction: records polled since the last commit are discarded. */
    void abortTransaction();

    /**
     * Aborts the current transaction right after the given record, which is discarded with it.
     *
     * @param record a record this task returned from {@code poll}; never null
     */
    void abortTransaction(SourceRecord record);
}
