package io.tributary.runtime.distributed;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a burst of asks into one action, taken a fixed delay after the first ask of the burst: an ask made
 * before the action begins shares it, one made after is the first of the next burst. Thread-safe.
 */
final class Coalesced {
    private static final Logger LOG = LoggerFactory.getLogger(Coalesced.class);

    /** Runs an action once a delay has passed. */
    interface Scheduler {
        /**
         * @param delay how long to wait
         * @param action what to run then
         * @throws RejectedExecutionException when it no longer runs anything
         */
        void schedule(Duration delay, Runnable action);
    }

    private final Duration delay;
    private final Scheduler scheduler;
    private final Runnable action;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /**
     * @param delay how long after the first ask the action is taken
     * @param scheduler runs the action
     * @param action what the asks are for
     */
    Coalesced(Duration delay, Scheduler scheduler, Runnable action) {
        this.delay = delay;
        this.scheduler = scheduler;
        this.action = action;
    }

    /** Asks for the action: it is taken within the delay. */
    void ask() {
        if (!scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            scheduler.schedule(delay, () -> {
                scheduled.set(false);
                action.run();
            });
        } catch (RejectedExecutionException e) {
            scheduled.set(false);
            LOG.debug("Not scheduling {}: its scheduler has stopped", action);
        }
    }
}
