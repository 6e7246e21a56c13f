package io.tributary.sdk.source;

import io.tributary.sdk.annotation.Experimental;

/**
 * Whether a source connector's tasks can decide where transactions begin and end.
 *
 * <p><b>Not honoured yet:</b> the runtime has no exactly-once source support and never asks {@link
 * SourceConnector#canDefineTransactionBoundaries}.
 */
@Experimental
public enum ConnectorTransactionBoundaries {
    /** Tasks use {@link SourceTaskContext#transactionContext()} to commit and abort transactions. */
    SUPPORTED,
    /** The runtime decides transaction boundaries. */
    UNSUPPORTED
}
