package io.tributary.sdk.source;

import io.tributary.sdk.annotation.Stable;

/** Whether a source connector's tasks can decide where transactions begin and end. */
@Stable
public enum ConnectorTransactionBoundaries {
    /** Tasks use {@link SourceTaskContext#transactionContext()} to commit and abort transactions. */
    SUPPORTED,
    /** The runtime decides transaction boundaries. */
    UNSUPPORTED
}
