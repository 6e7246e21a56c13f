package io.tributary.runtime.worker;

import io.tributary.runtime.errors.RetryWithTolerance;
import io.tributary.sdk.connector.TaskId;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What source and sink task runners share: the task's id in the MDC of every line logged on its thread,
 * status reports, the failure policy (a task that throws is {@link State#FAILED} with its trace, never
 * silently dead), pause and resume, and closing the resources every task has.
 */
abstract class AbstractTaskRunner implements TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(AbstractTaskRunner.class);

    protected final TaskControl control;
    private final TaskId id;
    private final TaskSettings settings;
    private final StatusListener status;
    private final Runnable onClose;

    AbstractTaskRunner(TaskId id, TaskSettings settings, TaskControl control, StatusListener status, Runnable onClose) {
        this.id = id;
        this.control = control;
        this.settings = settings;
        this.status = status;
        this.onClose = onClose;
    }

    @Override
    public final TaskId id() {
        return id;
    }

    /** @return the worker settings tasks use */
    protected final TaskSettings settings() {
        return settings;
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
            onClose.run();
        }
    }

    private void execute() {
        try {
            runTask();
            report(State.STOPPED);
            LOG.info("Task {} stopped", id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report(State.STOPPED);
        } catch (Throwable e) {
            LOG.error(
                    "Task {} failed and will not run until restarted: {}. Fix the cause, then restart the task",
                    id,
                    e.toString(),
                    e);
            status.taskStatus(id, Status.failed(settings.workerId(), e));
        } finally {
            release();
        }
    }

    /**
     * Starts the task, moves data until told to stop, and makes the final commit. Runs on the task thread.
     *
     * @throws InterruptedException if the thread is interrupted
     */
    protected abstract void runTask() throws InterruptedException;

    /** Stops the task if it still runs and closes its clients; called once, whatever happened. */
    protected abstract void release();

    /** @param state the task's new state, for its status */
    protected final void report(State state) {
        status.taskStatus(id, new Status(state, null, settings.workerId()));
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
