package io.tributary.runtime.worker;

import io.tributary.sdk.connector.Connector;
import io.tributary.sdk.connector.TaskId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tasks of one connector that run on this worker, each on a thread of its own: started, paused,
 * resumed and stopped, never two runners of one task at once. A task that ignores its stop past the
 * shutdown timeout is cancelled: it commits nothing more and its clients are closed.
 *
 * <p>A task that fails restarts by itself when its connector's policy asks for it (see {@link TaskRestarts}),
 * under the same lock as the owner's changes, and only if nothing stopped or replaced it in the meantime.
 *
 * <p>Not synchronized: its owner calls it under the lock that orders the connector's changes, its guard.
 */
final class TaskSet {
    private static final Logger LOG = LoggerFactory.getLogger(TaskSet.class);

    /** What every task set of a worker shares. */
    record Services(
            TaskRunnerFactory runners,
            StatusListener statuses,
            String workerId,
            ExecutorService threads,
            long shutdownTimeoutMs,
            TaskRestarts restarts) {}

    /** What a task was started with, to start it again after it failed. */
    private record Started(
            Connector connector, Map<String, String> connectorConfig, Map<String, String> taskConfig, boolean paused) {
        Started paused(boolean now) {
            return new Started(connector, connectorConfig, taskConfig, now);
        }
    }

    private final Services services;
    private final Object guard;
    private final Map<TaskId, TaskRunner> tasks = new ConcurrentHashMap<>();
    private final Map<TaskId, Future<?>> threads = new ConcurrentHashMap<>();
    /** The tasks meant to run, failed ones included, until stopped on purpose. */
    private final Map<TaskId, Started> started = new ConcurrentHashMap<>();

    /**
     * @param services what every task set of the worker shares
     * @param guard the lock the owner holds when it calls this set; restarts after a failure take it too
     */
    TaskSet(Services services, Object guard) {
        this.services = services;
        this.guard = guard;
    }

    /** @return whether no task runs */
    boolean isEmpty() {
        return tasks.isEmpty();
    }

    /** @return the tasks that run */
    Set<TaskId> ids() {
        return Set.copyOf(tasks.keySet());
    }

    /**
     * Starts a task; a runner of the same task that still runs ends first. A task that cannot be made is
     * FAILED, with the reason.
     *
     * @param connector the connector instance the task belongs to: its task class, its class loader
     * @param connectorConfig the connector's resolved configuration
     * @param id the task
     * @param taskConfig its resolved configuration
     * @param paused whether it starts paused
     */
    void start(
            Connector connector,
            Map<String, String> connectorConfig,
            TaskId id,
            Map<String, String> taskConfig,
            boolean paused) {
        TaskRunner previous = tasks.get(id);
        if (previous != null) {
            stop(previous);
        }
        Started with = new Started(connector, connectorConfig, taskConfig, paused);
        started.put(id, with);
        services.restarts().startedAfresh(id, restartPolicy(connectorConfig));
        launch(id, with);
    }

    private static TaskRestarts.Policy restartPolicy(Map<String, String> connectorConfig) {
        try {
            return TaskRestarts.Policy.of(ConnectorConfig.parse(connectorConfig));
        } catch (RuntimeException e) {
            return TaskRestarts.Policy.NEVER;
        }
    }

    private void launch(TaskId id, Started with) {
        Connector connector = with.connector();
        services.statuses().taskStatus(id, new Status(State.UNASSIGNED, null, services.workerId()));
        TaskRunner runner;
        try {
            runner = services.runners().create(connector, with.connectorConfig(), id, with.taskConfig(), this::onEnded);
        } catch (RuntimeException e) {
            LOG.error("Task {} could not be created: {}", id, e.toString(), e);
            services.statuses().taskStatus(id, Status.failed(services.workerId(), e));
            return;
        }
        if (with.paused()) {
            runner.pause();
        }
        tasks.put(id, runner);
        ClassLoader loader = connector.getClass().getClassLoader();
        threads.put(id, services.threads().submit(() -> {
            Thread.currentThread().setName("task-" + id);
            Thread.currentThread().setContextClassLoader(loader);
            runner.run();
        }));
    }

    /** A runner's thread ended: forget that runner, and only that one, not a replacement of the same task. */
    private void onEnded(TaskRunner ended) {
        tasks.remove(ended.id(), ended);
        if (ended.failed() && started.containsKey(ended.id())) {
            services.restarts().failed(ended.id(), () -> restartAfterFailure(ended.id()));
        }
    }

    /** Starts a failed task again, unless it was stopped or started anew since. */
    private void restartAfterFailure(TaskId id) {
        synchronized (guard) {
            Started with = started.get(id);
            if (with == null || tasks.containsKey(id)) {
                return;
            }
            services.restarts().restarted(id);
            launch(id, with);
        }
    }

    /** @param id a task to stop, if it runs */
    void stop(TaskId id) {
        stopAll(List.of(id));
    }

    private void stop(TaskRunner runner) {
        runner.stop();
        long timeoutMs = services.shutdownTimeoutMs();
        awaitEnd(runner, TimeUnit.MILLISECONDS.toNanos(timeoutMs), timeoutMs);
    }

    /** Stops every task, all at once, each given the same shutdown timeout from now. */
    void stopAll() {
        stopAll(new ArrayList<>(started.keySet()), new ArrayList<>(tasks.values()));
    }

    /**
     * Stops some tasks, all at once, each given the same shutdown timeout from now.
     *
     * @param ids the tasks to stop, those that run
     */
    void stopAll(Collection<TaskId> ids) {
        List<TaskRunner> running = new ArrayList<>();
        ids.forEach(id -> {
            TaskRunner runner = tasks.get(id);
            if (runner != null) {
                running.add(runner);
            }
        });
        stopAll(ids, running);
    }

    private void stopAll(Collection<TaskId> ids, List<TaskRunner> running) {
        ids.forEach(id -> {
            started.remove(id);
            services.restarts().forget(id);
        });
        running.forEach(TaskRunner::stop);
        long timeoutMs = services.shutdownTimeoutMs();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        for (TaskRunner runner : running) {
            awaitEnd(runner, Math.max(0, deadline - System.nanoTime()), timeoutMs);
        }
    }

    private void awaitEnd(TaskRunner runner, long timeoutNanos, long timeoutMs) {
        TaskId id = runner.id();
        Future<?> thread = threads.get(id);
        if (thread != null) {
            try {
                thread.get(timeoutNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                LOG.warn("Task {} ended with an error", id, e.getCause());
            } catch (TimeoutException e) {
                LOG.warn(
                        "Task {} did not stop within task.shutdown.graceful.timeout.ms ({} ms); cancelling it: it commits"
                                + " nothing more and its clients are closed",
                        id,
                        timeoutMs);
                runner.cancel();
                thread.cancel(true);
            }
            threads.remove(id, thread);
        }
        tasks.remove(id, runner);
    }

    /** Pauses every task: they stay started but move no data. */
    void pauseAll() {
        started.replaceAll((id, with) -> with.paused(true));
        tasks.values().forEach(TaskRunner::pause);
    }

    /** Resumes every task. */
    void resumeAll() {
        started.replaceAll((id, with) -> with.paused(false));
        tasks.values().forEach(TaskRunner::resume);
    }
}
