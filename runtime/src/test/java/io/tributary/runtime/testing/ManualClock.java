package io.tributary.runtime.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when a test tells it to, so deadlines pass without real waiting. */
public final class ManualClock extends Clock {
    private volatile Instant now;

    /** A clock at 2026-12-04T00:00:00Z. */
    public ManualClock() {
        this(Instant.parse("2026-12-04T00:00:00Z"));
    }

    /** @param start the time it shows until moved */
    public ManualClock(Instant start) {
        this.now = start;
    }

    /** @param by how far to move the clock forward */
    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
