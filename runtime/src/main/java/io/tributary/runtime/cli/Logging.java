package io.tributary.runtime.cli;

import org.apache.logging.log4j.LogManager;

/**
 * Ends logging when a worker's process stops. The distribution's Log4j configuration turns Log4j's own
 * shutdown hook off, so that the lines of connectors and tasks stopping on SIGTERM are written, not lost to
 * a logger that stopped first; the worker's hook calls {@link #stop()} once everything has stopped.
 */
final class Logging {
    private Logging() {}

    /** Flushes and stops Log4j; a no-op where Log4j is not the logging back end. */
    static void stop() {
        try {
            LogManager.shutdown();
        } catch (LinkageError e) {
            // Log4j is not on the class path: nothing to stop.
        }
    }
}
