package io.tributary.runtime.worker;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs actions that mostly wait, such as stopping connectors and tasks, side by side on a few threads: each
 * is bounded by its own timeout, so hundreds of them take about as long as the slowest few rather than their
 * sum.
 */
final class SideBySide {
    private static final Logger LOG = LoggerFactory.getLogger(SideBySide.class);
    /** Enough to overlap the waits; more would only add threads. */
    static final int THREADS = 16;

    private SideBySide() {}

    /**
     * Runs every action and returns once all have returned. An action that throws is logged; the others run
     * on.
     *
     * @param what what the actions do, for the threads' names and the log
     * @param actions the actions
     */
    static void run(String what, List<Runnable> actions) {
        if (actions.size() <= 1) {
            actions.forEach(action -> runLogged(what, action));
            return;
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(THREADS, actions.size()), r -> {
            Thread thread = new Thread(r, "tributary-" + what + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        actions.forEach(action -> threads.execute(() -> runLogged(what, action)));
        threads.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (threads.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
                LOG.warn("Still waiting for {} after a minute", what);
            } catch (InterruptedException e) {
                interrupted = true; // finish first: the caller relies on everything having stopped
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void runLogged(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.error("One of the actions of {} failed: {}", what, e.toString(), e);
        }
    }
}
