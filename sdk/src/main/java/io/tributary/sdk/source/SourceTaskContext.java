package io.tributary.sdk.source;

import io.tributary.sdk.annotation.Experimental;
import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.connector.TaskContext;
import java.util.Optional;

/** The runtime's side of a running source task. */
@Stable
public interface SourceTaskContext extends TaskContext {

    /**
     * Reads the offsets committed for this connector's source partitions, to resume where a previous
     * run stopped.
     *
     * @return the reader; never null
     */
    OffsetStorageReader offsetReader();

    /**
     * Returns the transaction context when the connector defines its own transaction boundaries
     * ({@code transaction.boundary=connector} on a worker with exactly-once source support).
     *
     * <p><b>Not honoured yet:</b> the runtime has no exactly-once source support; it always returns
     * empty.
     *
     * @return the transaction context, or empty when the runtime decides transaction boundaries
     */
    @Experimental
    Optional<TransactionContext> transactionContext();
}
