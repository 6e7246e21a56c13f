package io.tributary.runtime.errors;

import java.time.Duration;

/**
 * A connector's error settings ({@code errors.*}). The worker reads them from a connector's configuration;
 * error handling itself knows nothing of where they came from.
 *
 * @param retryTimeout how long to retry a failing operation; zero never retries; null retries forever
 * @param retryDelayMax the longest wait between retries
 * @param tolerateAll whether bad records are skipped ({@code errors.tolerance=all}) rather than fatal
 * @param logErrors whether failures are logged
 * @param logRecords whether the log shows the records themselves
 * @param deadLetterQueueTopic the topic for records a sink could not process; empty for none
 * @param deadLetterQueueReplicationFactor the replication factor used when creating that topic
 * @param contextHeaders whether dead letter queue records carry headers saying what failed
 */
public record ErrorPolicy(
        Duration retryTimeout,
        Duration retryDelayMax,
        boolean tolerateAll,
        boolean logErrors,
        boolean logRecords,
        String deadLetterQueueTopic,
        short deadLetterQueueReplicationFactor,
        boolean contextHeaders) {

    /** Fail on the first error, never retry, log nothing extra: the defaults. */
    public static final ErrorPolicy FAIL_FAST =
            new ErrorPolicy(Duration.ZERO, Duration.ofMinutes(1), false, false, false, "", (short) 3, false);

    /** @return whether failed records go to a dead letter queue topic */
    public boolean hasDeadLetterQueue() {
        return !deadLetterQueueTopic.isEmpty();
    }
}
