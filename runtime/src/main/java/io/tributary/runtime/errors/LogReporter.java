package io.tributary.runtime.errors;

import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs failures ({@code errors.log.enable}), with the records themselves only if asked to. */
public final class LogReporter implements ErrorReporter {
    private static final Logger LOG = LoggerFactory.getLogger(LogReporter.class);

    private final boolean includeRecords;

    /** @param includeRecords whether to log keys, values and headers ({@code errors.log.include.messages}) */
    public LogReporter(boolean includeRecords) {
        this.includeRecords = includeRecords;
    }

    @Override
    public boolean reportsFatalFailures() {
        return true;
    }

    @Override
    public CompletableFuture<Void> report(FailedOperation failure) {
        String where = failure.consumed() != null
                ? " on " + failure.consumed().topic() + "-" + failure.consumed().partition() + "@"
                        + failure.consumed().offset()
                : "";
        String what = includeRecords && failure.record() != null ? " record " + failure.record() : "";
        LOG.error(
                "Error in task {} at stage {}{}{}{}",
                failure.task(),
                failure.stage(),
                failure.executingClass() != null
                        ? " (" + failure.executingClass().getName() + ")"
                        : "",
                where,
                what,
                failure.error());
        return CompletableFuture.completedFuture(null);
    }
}
