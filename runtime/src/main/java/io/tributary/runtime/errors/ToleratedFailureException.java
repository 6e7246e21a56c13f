package io.tributary.runtime.errors;

import java.util.concurrent.CompletableFuture;

/**
 * An operation failed, and {@code errors.tolerance=all} skips the record it was processing: the failure
 * went to the error reporters, and the caller drops the record and goes on. Checked, so that every caller
 * of {@link RetryWithTolerance#execute} says what skipping means for it. It carries no stack trace: it is
 * how a skip reaches the caller, not a problem of its own, and the failure it carries has one.
 */
public final class ToleratedFailureException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient CompletableFuture<Void> report;

    /**
     * @param stage where it failed
     * @param cause the failure
     * @param report completes when every reporter stored the failure
     */
    ToleratedFailureException(Stage stage, Throwable cause, CompletableFuture<Void> report) {
        super(stage + " failed and the record is skipped (errors.tolerance=all): " + cause, cause, false, false);
        this.report = report;
    }

    /** @return completes when every reporter (log, dead letter queue) stored the failure */
    public CompletableFuture<Void> report() {
        return report;
    }
}
