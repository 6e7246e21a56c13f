package io.tributary.runtime.worker;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The target state of one running task (running, paused, stopping), and interruptible waits that end
 * early when it changes: how a task thread pauses, backs off between retries, and notices a stop
 * without sleeping blindly.
 */
final class TaskControl {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean paused;
    private boolean stopping;

    void pause() {
        set(true, null);
    }

    void resume() {
        set(false, null);
    }

    void stop() {
        set(null, true);
    }

    boolean isStopping() {
        lock.lock();
        try {
            return stopping;
        } finally {
            lock.unlock();
        }
    }

    boolean isPaused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits while paused.
     *
     * @return false if the task is stopping
     * @throws InterruptedException if interrupted
     */
    boolean awaitUnpaused() throws InterruptedException {
        lock.lock();
        try {
            while (paused && !stopping) {
                changed.await();
            }
            return !stopping;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for a delay, ending early if the task is told to stop.
     *
     * @param delay how long
     * @return false if the task is stopping
     * @throws InterruptedException if interrupted
     */
    boolean await(Duration delay) throws InterruptedException {
        long nanos = delay.toNanos();
        lock.lock();
        try {
            while (!stopping && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            return !stopping;
        } finally {
            lock.unlock();
        }
    }

    private void set(Boolean pause, Boolean stop) {
        lock.lock();
        try {
            if (pause != null) {
                paused = pause;
            }
            if (stop != null) {
                stopping = stop;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
