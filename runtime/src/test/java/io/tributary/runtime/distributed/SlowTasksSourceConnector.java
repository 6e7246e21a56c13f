package io.tributary.runtime.distributed;

import io.tributary.sdk.source.SourceTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Test connector whose tasks each take {@link #MAKE_TASK_MS} to make, as tasks that build heavy clients in
 * their constructors do: a worker given many of them spends longer starting them than its session lasts.
 */
public class SlowTasksSourceConnector extends StallingSourceConnector {
    /** How long making one task takes. */
    static final long MAKE_TASK_MS = 1_000;

    @Override
    public Class<? extends SourceTask> taskClass() {
        return Slow.class;
    }

    /** A task with nothing to write, slow to make. */
    public static class Slow extends StallingSourceConnector.Idle {
        /** Made by the worker: busy for {@link #MAKE_TASK_MS}, as a constructor doing real work would be. */
        public Slow() {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAKE_TASK_MS);
            for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        }
    }
}
