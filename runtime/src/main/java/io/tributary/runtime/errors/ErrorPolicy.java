package io.tributary.runtime.errors;

import io.tributary.runtime.worker.ConnectorConfig;
import io.tributary.sdk.config.ParsedConfig;
import java.time.Duration;
import java.util.Locale;

/**
 * A connector's error settings ({@code errors.*}).
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

    /**
     * @param config a parsed connector configuration (see {@link ConnectorConfig})
     * @return its error settings
     */
    public static ErrorPolicy from(ParsedConfig config) {
        long retryMs = config.getLong(ConnectorConfig.ERRORS_RETRY_TIMEOUT);
        return new ErrorPolicy(
                retryMs < 0 ? null : Duration.ofMillis(retryMs),
                Duration.ofMillis(config.getLong(ConnectorConfig.ERRORS_RETRY_DELAY_MAX)),
                config.getString(ConnectorConfig.ERRORS_TOLERANCE)
                        .toLowerCase(Locale.ROOT)
                        .equals("all"),
                config.getBoolean(ConnectorConfig.ERRORS_LOG_ENABLE),
                config.getBoolean(ConnectorConfig.ERRORS_LOG_INCLUDE_MESSAGES),
                config.getString(ConnectorConfig.DLQ_TOPIC),
                config.getShort(ConnectorConfig.DLQ_REPLICATION_FACTOR),
                config.getBoolean(ConnectorConfig.DLQ_CONTEXT_HEADERS));
    }

    /** @return whether failed records go to a dead letter queue topic */
    public boolean hasDeadLetterQueue() {
        return !deadLetterQueueTopic.isEmpty();
    }
}
