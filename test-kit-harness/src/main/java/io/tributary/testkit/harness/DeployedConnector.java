package io.tributary.testkit.harness;

import io.tributary.runtime.embed.ConnectorStatus;
import io.tributary.runtime.embed.ConnectorStatus.State;
import io.tributary.runtime.embed.EmbeddedWorker;
import io.tributary.testkit.Waits;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connector that a {@link ConnectorHarness} deployed: read its status, wait for its state, pause,
 * resume, restart and stop it.
 *
 * <pre>{@code
 * DeployedConnector source = harness.deploy(config).awaitRunning();
 * source.pause().awaitTaskState(0, State.PAUSED, Duration.ofSeconds(10));
 * source.resume().awaitRunning();
 * source.stop();
 * }</pre>
 *
 * <p>Waiting methods fail with an {@link AssertionError} that shows the state they saw, and the start
 * of the stack trace when something failed:
 * {@code Expected connector 'orders' to be RUNNING within PT30S but was FAILED: task 0: ...}. They stop
 * waiting as soon as the awaited state cannot come any more, such as a failed task while waiting for
 * RUNNING. Thread-safe.
 */
public final class DeployedConnector {
    private static final Logger LOG = LoggerFactory.getLogger(DeployedConnector.class);

    /** How long stop() and restart() wait for tasks the worker is still starting. */
    private static final Duration TASK_START_TIMEOUT = Duration.ofSeconds(10);

    private final HarnessWorker harness;
    private final String name;
    private final Map<String, String> config;
    private volatile boolean stopped;

    DeployedConnector(HarnessWorker harness, String name, Map<String, String> config) {
        this.harness = harness;
        this.name = name;
        this.config = config;
    }

    /** @return the connector's name; never null */
    public String name() {
        return name;
    }

    /** @return the configuration it was deployed with; unmodifiable */
    public Map<String, String> config() {
        return config;
    }

    /** @return whether it is deployed on the worker: false once stopped, or once its test ended */
    public boolean isDeployed() {
        return !stopped && worker().connectors().contains(name);
    }

    /**
     * The connector's status now. Right after {@link #restart()}, states reported before the restart
     * show as {@link State#RESTARTING} until the restarted connector and tasks report their own.
     *
     * @return its status and its tasks'
     * @throws IllegalStateException if it is not deployed any more
     */
    public ConnectorStatus status() {
        StatusSnapshot snapshot = observe();
        if (!snapshot.deployed()) {
            throw notDeployed("read the status of");
        }
        return snapshot.info();
    }

    /**
     * Waits up to {@link Waits#defaultTimeout()} until the connector and all its tasks (at least one)
     * are RUNNING.
     *
     * @return this connector
     * @throws AssertionError showing the state seen, if it fails or the deadline passes first
     */
    public DeployedConnector awaitRunning() {
        return awaitRunning(Waits.defaultTimeout());
    }

    /**
     * Waits until the connector and all its tasks (at least one) are RUNNING.
     *
     * @param timeout the deadline
     * @return this connector
     * @throws AssertionError showing the state seen, if it fails or the deadline passes first
     */
    public DeployedConnector awaitRunning(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        StatusWait.Outcome outcome = StatusWait.await(
                "connector '" + name + "' to be RUNNING",
                this::observe,
                timeout,
                StatusSnapshot::running,
                seen -> !seen.deployed() || seen.failed());
        if (!outcome.reached()) {
            throw new AssertionError(StatusWait.failure(
                    subject(), "be RUNNING", timeout, "was " + outcome.last().describe()));
        }
        return this;
    }

    /**
     * Waits up to {@link Waits#defaultTimeout()} until a task reports a state.
     *
     * @param task the task number, from 0
     * @param state the state, such as {@link State#PAUSED} or {@link State#FAILED}
     * @return this connector
     * @throws AssertionError showing the state seen, if the state cannot come any more or the deadline
     *     passes first
     */
    public DeployedConnector awaitTaskState(int task, State state) {
        return awaitTaskState(task, state, Waits.defaultTimeout());
    }

    /**
     * Waits until a task reports a state. A failure of the task or the connector ends the wait at once,
     * unless {@link State#FAILED} is awaited.
     *
     * @param task the task number, from 0
     * @param state the state, such as {@link State#PAUSED} or {@link State#FAILED}
     * @param timeout the deadline
     * @return this connector
     * @throws AssertionError showing the state seen, if the state cannot come any more or the deadline
     *     passes first
     */
    public DeployedConnector awaitTaskState(int task, State state, Duration timeout) {
        requireTaskNumber(task);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(timeout, "timeout");
        StatusWait.Outcome outcome = StatusWait.await(
                "task " + task + " of connector '" + name + "' to be " + state,
                this::observe,
                timeout,
                seen -> seen.taskIn(task, state),
                seen -> !seen.deployed()
                        || (state != State.FAILED && (seen.taskIn(task, State.FAILED) || seen.connectorFailed())));
        if (!outcome.reached()) {
            throw new AssertionError(StatusWait.failure(
                    "task " + task + " of " + subject(),
                    "be " + state,
                    timeout,
                    "was " + outcome.last().describeTask(task)));
        }
        return this;
    }

    /**
     * Asks the worker to pause the connector. Its status says PAUSED at once; each task pauses when it
     * next checks, so wait with {@code awaitTaskState(0, State.PAUSED)} or {@code
     * assertThat(connector).eventually().isPaused()}.
     *
     * @return this connector
     * @throws IllegalStateException if it is not deployed any more
     */
    public DeployedConnector pause() {
        requireDeployed("pause");
        worker().pause(name);
        return this;
    }

    /**
     * Asks the worker to resume the paused connector; wait with {@link #awaitRunning()}.
     *
     * @return this connector
     * @throws IllegalStateException if it is not deployed any more
     */
    public DeployedConnector resume() {
        requireDeployed("resume");
        worker().resume(name);
        return this;
    }

    /**
     * Restarts the connector and all its tasks with the same configuration, as after a failure. Returns
     * once the old instances stopped; wait with {@link #awaitRunning()} for the new ones.
     *
     * @return this connector
     * @throws IllegalStateException if it is not deployed any more
     */
    public DeployedConnector restart() {
        requireDeployed("restart");
        awaitTasksStarted();
        worker().restart(name);
        return this;
    }

    /**
     * Stops the connector and its tasks and removes it from the worker; does nothing if it is not deployed
     * any more. Tasks the worker is still starting get up to 10 seconds to report, so none is left behind.
     */
    public void stop() {
        if (stopped) {
            return;
        }
        awaitTasksStarted();
        stopped = true;
        harness.forget(name);
        if (worker().remove(name)) {
            LOG.info("Connector {} stopped and removed", name);
        }
    }

    /**
     * Waits, briefly, until each task the worker is starting has reported its first state. The worker
     * starts tasks on the connector's own thread; a connector removed while that thread is still creating
     * a task is stopped without that task, which then runs on unowned until the worker closes. Waiting
     * for the first reports closes that window, so a test may deploy and stop at once.
     */
    private void awaitTasksStarted() {
        StatusWait.Outcome outcome = StatusWait.await(
                subject() + " to finish starting its tasks",
                this::observe,
                TASK_START_TIMEOUT,
                StatusSnapshot::tasksStarted,
                seen -> false);
        if (!outcome.reached()) {
            LOG.warn(
                    "Connector {} did not finish starting its tasks within {} ({}); stopping it anyway",
                    name,
                    TASK_START_TIMEOUT,
                    outcome.last().summary());
        }
    }

    /** @return the connector's status now, with reports from before the latest restart shown as RESTARTING */
    StatusSnapshot observe() {
        if (stopped) {
            return new StatusSnapshot(name, null);
        }
        return new StatusSnapshot(name, worker().status(name).orElse(null));
    }

    /** @return the worker the connector runs on now: a new one after {@link ConnectorHarness#restartWorker()} */
    private EmbeddedWorker worker() {
        return harness.worker();
    }

    String subject() {
        return "connector '" + name + "'";
    }

    static void requireTaskNumber(int task) {
        if (task < 0) {
            throw new IllegalArgumentException("Task numbers start at 0, got " + task);
        }
    }

    private void requireDeployed(String action) {
        if (!isDeployed()) {
            throw notDeployed(action);
        }
    }

    private IllegalStateException notDeployed(String action) {
        return new IllegalStateException("Cannot " + action + " connector '" + name
                + "': it is not deployed any more (it was stopped, or the test or class that deployed it ended);"
                + " deploy it again with ConnectorHarness.deploy(...)");
    }

    @Override
    public String toString() {
        return subject();
    }
}
