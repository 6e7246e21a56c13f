package io.tributary.sdk.source;

import io.tributary.sdk.annotation.Stable;

/** Whether a source connector can deliver each record exactly once. */
@Stable
public enum ExactlyOnceSupport {
    /** The connector's offsets identify every record uniquely and its reads repeat exactly from them. */
    SUPPORTED,
    /** Records may be written again after a failure. */
    UNSUPPORTED
}
