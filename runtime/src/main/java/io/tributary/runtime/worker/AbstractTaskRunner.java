package io.tributary.runtime.worker;

import io.tributary.runtime.errors.RetryWithTolerance;
import io.tributary.runtime.errors.TaskStoppingException;
import io.tributary.sdk.connector.TaskId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What source and sink task runners share: the task's lifecycle, the task's id in the MDC of every line
 * logged on its thread, status reports, the failure policy (a task that throws is {@link State#FAILED}
 * with its trace, never silently dead), pause and resume, and closing the resources every task has.
 *
 * <p>The lifecycle is exact: {@code start} runs at most once and never after a stop was requested;
 * {@code stop} runs exactly once for a task that started, and never for one that did not; an error raised
 * after a stop was requested is logged, and the task ends {@link State#STOPPED}, not failed.
 */
abstract class AbstractTaskRunner implements TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(AbstractTaskRunner.class);

    protected final TaskControl control;
    private final TaskId id;
    private final RunnerServices services;
    private final Consumer<TaskRunner> onClose;
    private volatile boolean cancelled;
    private volatile boolean failed;
    private final Object lifecycle = new Object();
    private final AtomicBoolean taskStopped = new AtomicBoolean();
    /** Open once the task's {@code stop} returned, whichever thread called it. */
    private final CountDownLatch stopReturned = new CountDownLatch(1);

    private boolean started;

    AbstractTaskRunner(TaskId id, RunnerServices services, TaskControl control, Consumer<TaskRunner> onClose) {
        this.id = id;
        this.control = control;
        this.services = services;
        this.onClose = onClose;
    }

    @Override
    public final TaskId id() {
        return id;
    }

    /** @return the worker settings tasks use */
    protected final TaskSettings settings() {
        return services.settings();
    }

    @Override
    public final void run() {
        MDC.put("connector", id.connector());
        MDC.put("task", id.toString());
        try {
            execute();
        } finally {
            MDC.remove("task");
            MDC.remove("connector");
            onClose.accept(this);
        }
    }

    private void execute() {
        try {
            if (!startOnce()) {
                LOG.info("Task {} was stopped before it started", id);
                report(State.STOPPED);
                return;
            }
            runTask();
            report(State.STOPPED);
            LOG.info("Task {} stopped", id);
        } catch (TaskStoppingException e) {
            report(State.STOPPED);
            LOG.info("Task {} stopped while waiting to retry; the record it was retrying will be read again", id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report(State.STOPPED);
        } catch (Throwable e) {
            if (control.isStopping()) {
                // A stop request wakes blocking calls up and closes what the task uses: errors that follow
                // are the stop's doing, not the task's.
                LOG.warn("Task {} raised an error while stopping; it is stopped, not failed: {}", id, e.toString(), e);
                report(State.STOPPED);
            } else {
                // The failure's own message says what went wrong and, often, what to do: this line only adds
                // how the task comes back.
                LOG.error(
                        "Task {} failed: {}. It runs again when restarted (POST /connectors/{}/tasks/{}/restart),"
                                + " or by itself if its connector sets {}",
                        id,
                        e.toString(),
                        id.connector(),
                        id.task(),
                        ConnectorConfig.TASK_RESTART_MAX_ATTEMPTS,
                        e);
                failed = true;
                services.status().taskStatus(id, Status.failed(settings().workerId(), e));
            }
        } finally {
            finish();
        }
    }

    @Override
    public final boolean failed() {
        return failed;
    }

    /** Ends the task, the loop or the caller stepping it done with it: partitions closed, stopped, released. */
    protected final void finish() {
        if (isStarted()) {
            beforeStop();
            stopTaskOnce();
            awaitStopReturned();
        }
        release();
    }

    /**
     * Waits until the task's {@code stop}, which the worker may have called from another thread, returned:
     * the runner ends only then, so a replacement never starts while this instance is still stopping. A
     * task whose {@code stop} never returns is cancelled by the worker, which interrupts this wait.
     */
    private void awaitStopReturned() {
        try {
            stopReturned.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Task {} was given up on while its stop() was still running", id);
        }
    }

    /** Starts the task unless a stop came first; false if it did. */
    protected final boolean startOnce() {
        synchronized (lifecycle) {
            if (control.isStopping()) {
                return false;
            }
        }
        startTask();
        synchronized (lifecycle) {
            started = true;
        }
        return true;
    }

    private boolean isStarted() {
        synchronized (lifecycle) {
            return started;
        }
    }

    /** Calls the task's {@code start}; runs on the task thread, at most once. */
    protected abstract void startTask();

    /**
     * Moves data until told to stop, and makes the final commit. Runs on the task thread after {@link
     * #startTask()}.
     *
     * @throws InterruptedException if the thread is interrupted
     */
    protected abstract void runTask() throws InterruptedException;

    /** Calls the task's {@code stop}; the runner calls it at most once, and only for a started task. */
    protected abstract void stopTask();

    /**
     * Says whether the task's {@code stop} is called as soon as the worker asks, from another thread, to
     * break a blocking call (sources), or only on the task thread once the loop ended (sinks).
     *
     * @return true to stop the task from the worker's side
     */
    protected abstract boolean stopsFromOutside();

    /** Runs on the task thread after the loop ended, before the task's {@code stop}; the default does nothing. */
    protected void beforeStop() {}

    /** Wakes the task thread up from blocking calls after a stop request; the default does nothing. */
    protected void wakeUp() {}

    /** Closes the task's clients and resources; called once on the task thread, whatever happened. */
    protected abstract void release();

    protected final void stopTaskOnce() {
        if (taskStopped.compareAndSet(false, true)) {
            try {
                stopTask();
            } catch (RuntimeException e) {
                LOG.warn("Task {} threw from stop()", id, e);
            } finally {
                stopReturned.countDown();
            }
        }
    }

    /** @param topic a topic this task read or wrote: the connector's active topics include it */
    protected final void topicUsed(String topic) {
        services.status().topicUsed(id.connector(), topic);
    }

    /** @param state the task's new state, for its status */
    protected final void report(State state) {
        services.status().taskStatus(id, new Status(state, null, settings().workerId()));
    }

    @Override
    public void pause() {
        control.pause();
    }

    @Override
    public void resume() {
        control.resume();
    }

    /**
     * Asks the task to stop and returns at once. A source task's {@code stop} runs on the worker's stopper
     * executor, so a task that is slow to stop holds up nobody else.
     */
    @Override
    public final void stop() {
        control.stop();
        wakeUp();
        if (stopsFromOutside() && isStarted()) {
            services.stopper().execute(() -> {
                MDC.put("task", id.toString());
                try {
                    stopTaskOnce();
                } finally {
                    MDC.remove("task");
                }
            });
        }
    }

    /**
     * Gives up on a task that did not stop in time: from now on it commits no offsets, and its clients are
     * closed under it as far as they can be from another thread, so it can move no more data while a
     * replacement runs.
     */
    @Override
    public final void cancel() {
        cancelled = true;
        stop();
        onCancel();
    }

    /** @return whether the worker gave up on this task; a cancelled task commits nothing */
    protected final boolean isCancelled() {
        return cancelled;
    }

    /** Closes what can be closed from the worker's thread when the task is cancelled; the default does nothing. */
    protected void onCancel() {}

    /**
     * Closes what every task has: its error reporters, converters and transformations.
     *
     * @param errors the error policy and its reporters
     * @param converters the converters
     * @param transforms the transformation chain
     */
    protected final void closeCommon(
            RetryWithTolerance errors, TaskConverters converters, UnaryOperator<?> transforms) {
        errors.close();
        converters.close();
        if (transforms instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Closing the transformations of task {} failed", id, e);
            }
        }
    }
}
