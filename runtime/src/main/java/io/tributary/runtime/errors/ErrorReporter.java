package io.tributary.runtime.errors;

import java.util.concurrent.CompletableFuture;

/** Records a failure somewhere: the log, a dead letter queue. */
public interface ErrorReporter extends AutoCloseable {

    /**
     * @param failure what failed
     * @return completes when the report is stored
     */
    CompletableFuture<Void> report(FailedOperation failure);

    @Override
    default void close() {}
}
