package io.tributary.benchmarks;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Records seen by the sink tasks (and raw consumers) of the current run, in this JVM. Both runtimes load
 * the benchmark's connectors from the application class path, so their tasks and the benchmark share it; so
 * does the bench plugin on Tributary's {@code plugin.path}, whose class loader takes this class from there
 * (public, since a class of another loader may reach only the public members of this package).
 */
public final class SinkCounter {
    private static final AtomicLong SEEN = new AtomicLong();

    private SinkCounter() {}

    /** Starts a run from zero. */
    static void reset() {
        SEEN.set(0);
    }

    /** @param records how many records a task was just given */
    public static void add(int records) {
        SEEN.addAndGet(records);
    }

    /** @return the records seen since the last {@link #reset()} */
    static long seen() {
        return SEEN.get();
    }
}
