package io.tributary.sdk.errors;

import io.tributary.sdk.annotation.Stable;

/**
 * The root of every exception the SDK defines and the runtime understands.
 *
 * <p>Thrown from a connector or task, a plain {@code TributaryException} is <em>fatal</em>: the runtime
 * stops the connector or task, marks it {@code FAILED} and shows this exception's message and trace
 * in its status. Throw a {@link RetriableException} instead when trying again later may succeed.
 *
 * <p>Messages should say what went wrong and what the operator can do about it, for example {@code
 * "Table 'orders' has no column 'id'; add it or set 'incrementing.column.name' to an existing
 * column"}.
 */
@Stable
public class TributaryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and what to do about it; never null
     */
    public TributaryException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it; never null
     * @param cause the underlying failure; may be null
     */
    public TributaryException(String message, Throwable cause) {
        super(message, cause);
    }
}
