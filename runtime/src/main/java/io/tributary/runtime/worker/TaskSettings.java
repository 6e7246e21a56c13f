package io.tributary.runtime.worker;

import java.time.Duration;

/**
 * The worker settings every task runner needs.
 *
 * @param workerId the worker's id, for status
 * @param offsetFlushInterval how often offsets are committed
 * @param offsetFlushTimeout how long a final commit waits for outstanding records
 * @param maxInFlightRecords the most records a source task may have unacknowledged
 */
public record TaskSettings(
        String workerId, Duration offsetFlushInterval, Duration offsetFlushTimeout, int maxInFlightRecords) {}
