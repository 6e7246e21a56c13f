package io.tributary.sdk.source;

import io.tributary.sdk.annotation.Experimental;

/**
 * Whether a source connector can deliver each record exactly once.
 *
 * <p><b>Not honoured yet:</b> the runtime has no exactly-once source support and never asks {@link
 * SourceConnector#exactlyOnceSupport}; every source connector runs at least once.
 */
@Experimental
public enum ExactlyOnceSupport {
    /** The connector's offsets identify every record uniquely and its reads repeat exactly from them. */
    SUPPORTED,
    /** Records may be written again after a failure. */
    UNSUPPORTED
}
