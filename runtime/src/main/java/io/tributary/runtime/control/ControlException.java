package io.tributary.runtime.control;

import io.tributary.sdk.errors.TributaryException;
import java.util.Objects;

/**
 * A request that cannot be carried out, and why, in terms a REST client or a command line can act on. The
 * message names what was asked for and what to do instead.
 */
public class ControlException extends TributaryException {
    private static final long serialVersionUID = 1L;

    /** Why a request was refused. */
    public enum Reason {
        /** The request is malformed or the connector's state does not allow it. */
        BAD_REQUEST,
        /** The connector, task or plugin does not exist. */
        NOT_FOUND,
        /** A connector of that name already exists. */
        ALREADY_EXISTS,
        /** The request clashes with work in progress, such as a rebalance; it may be retried. */
        CONFLICT,
        /** The worker cannot answer now, for example because Kafka cannot be reached; it may be retried. */
        UNAVAILABLE
    }

    private final Reason reason;

    /**
     * @param reason why the request was refused
     * @param message what was wrong and what to do
     */
    public ControlException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param reason why the request was refused
     * @param message what was wrong and what to do
     * @param cause the underlying failure
     */
    public ControlException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the request was refused */
    public Reason reason() {
        return reason;
    }

    /**
     * @param message what was not found
     * @return the refusal for something that does not exist
     */
    public static ControlException notFound(String message) {
        return new ControlException(Reason.NOT_FOUND, message);
    }

    /**
     * @param message what was wrong and what to do
     * @return a refusal of a malformed or untimely request
     */
    public static ControlException badRequest(String message) {
        return new ControlException(Reason.BAD_REQUEST, message);
    }
}
