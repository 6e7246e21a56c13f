package io.tributary.runtime.errors;

import java.util.concurrent.CompletableFuture;

/** Records a failure somewhere: the log, a dead letter queue. */
public interface ErrorReporter extends AutoCloseable {

    /**
     * @param failure what failed
     * @return completes when the report is stored
     */
    CompletableFuture<Void> report(FailedOperation failure);

    /**
     * Says whether this reporter also hears of failures that stop the task ({@code errors.tolerance=none}).
     * A log does; a dead letter queue does not, since the record was not skipped and will be read again.
     *
     * @return true to be told of fatal failures too
     */
    default boolean reportsFatalFailures() {
        return false;
    }

    @Override
    default void close() {}
}
