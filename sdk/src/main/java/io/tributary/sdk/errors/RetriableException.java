package io.tributary.sdk.errors;

import io.tributary.sdk.annotation.Stable;

/**
 * A failure that may go away if the same operation is tried again: a database restarting, a network
 * timeout, a remote rate limit.
 *
 * <p>When a source task's {@code poll} or a sink task's {@code put} throws this exception, the
 * runtime keeps the task running: it calls {@code poll} again, or redelivers the same batch to
 * {@code put} after the back-off the task asked for (or a default). Retries stop after the time the
 * connector's {@code errors.retry.timeout} allows, after which the failure counts as fatal.
 */
@Stable
public class RetriableException extends TributaryException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong; never null
     */
    public RetriableException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong; never null
     * @param cause the underlying failure; may be null
     */
    public RetriableException(String message, Throwable cause) {
        super(message, cause);
    }
}
