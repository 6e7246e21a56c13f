package io.tributary.runtime.distributed;

import java.time.Clock;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * Notices when a loop that must run regularly has gone silent for too long: the membership loop, whose
 * silence past the session timeout means the group may already have given this worker's work to others.
 * Thread-safe: the loop reports, another thread checks.
 */
final class SilenceWatch {
    private final Clock clock;
    private final long limitMs;
    private final LongConsumer onSilence;
    private volatile long lastReport;

    /**
     * @param clock the time
     * @param limit the longest silence allowed
     * @param onSilence told how long the loop has been silent, once per check past the limit
     */
    SilenceWatch(Clock clock, Duration limit, LongConsumer onSilence) {
        this.clock = clock;
        this.limitMs = limit.toMillis();
        this.onSilence = onSilence;
        this.lastReport = clock.millis();
    }

    /** The loop ran. */
    void report() {
        lastReport = clock.millis();
    }

    /** Checks the silence now; calls back if it is past the limit. */
    void check() {
        long silent = clock.millis() - lastReport;
        if (silent > limitMs) {
            onSilence.accept(silent);
        }
    }
}
