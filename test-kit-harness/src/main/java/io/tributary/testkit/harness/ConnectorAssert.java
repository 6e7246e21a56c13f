package io.tributary.testkit.harness;

import io.tributary.runtime.embed.ConnectorStatus.State;
import io.tributary.runtime.embed.ConnectorStatus.TaskStatus;
import io.tributary.testkit.Waits;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the state of a deployed connector and its tasks. Each checks the status once, now;
 * after {@link #eventually()} or {@link #within(Duration)} each waits until it holds, and stops waiting
 * early when it cannot hold any more (a failed task while RUNNING is expected). On failure the message
 * shows the state seen and the start of any stack trace:
 *
 * <pre>{@code
 * assertThat(source).eventually().isRunning().hasTaskCount(1);
 * assertThat(sink).within(Duration.ofSeconds(10)).hasFailedTask(0).taskTraceContains(0, "Cannot open");
 * // Expected connector 'sink' to be RUNNING within PT30S but was FAILED: task 0: io.tributary...
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class ConnectorAssert extends AbstractAssert<ConnectorAssert, DeployedConnector> {
    /** How long each assertion may wait; null checks once. */
    private Duration timeout;

    ConnectorAssert(DeployedConnector connector) {
        super(connector, ConnectorAssert.class);
    }

    /**
     * Makes each following assertion wait up to {@link Waits#defaultTimeout()}.
     *
     * @return this assertion
     */
    public ConnectorAssert eventually() {
        return within(Waits.defaultTimeout());
    }

    /**
     * Makes each following assertion wait up to a deadline.
     *
     * @param deadline how long each may wait
     * @return this assertion
     */
    public ConnectorAssert within(Duration deadline) {
        this.timeout = Objects.requireNonNull(deadline, "deadline");
        return this;
    }

    /**
     * Checks that the connector and all its tasks (at least one) are RUNNING.
     *
     * @return this assertion
     */
    public ConnectorAssert isRunning() {
        return holds(
                "be RUNNING",
                StatusSnapshot::running,
                seen -> !seen.deployed() || seen.failed(),
                seen -> "was " + seen.describe());
    }

    /**
     * Checks that the connector and all its tasks (at least one) are PAUSED.
     *
     * @return this assertion
     */
    public ConnectorAssert isPaused() {
        return holds(
                "be PAUSED",
                StatusSnapshot::paused,
                seen -> !seen.deployed() || seen.failed(),
                seen -> "was " + seen.describe());
    }

    /**
     * Checks how many tasks the connector has.
     *
     * @param expected the number of tasks
     * @return this assertion
     */
    public ConnectorAssert hasTaskCount(int expected) {
        return holds(
                "have " + tasks(expected),
                seen -> seen.deployed() && seen.taskCount() == expected,
                seen -> !seen.deployed(),
                seen -> seen.deployed()
                        ? "had " + tasks(seen.taskCount()) + " [" + seen.summary() + "]"
                        : "was " + seen.describe());
    }

    /**
     * Checks that a task is in a state.
     *
     * @param task the task number, from 0
     * @param state the state
     * @return this assertion
     */
    public ConnectorAssert hasTaskInState(int task, State state) {
        DeployedConnector.requireTaskNumber(task);
        Objects.requireNonNull(state, "state");
        return holdsForTask(
                task,
                "be " + state,
                seen -> seen.taskIn(task, state),
                seen -> !seen.deployed()
                        || (state != State.FAILED && (seen.taskIn(task, State.FAILED) || seen.connectorFailed())));
    }

    /**
     * Checks that a task FAILED.
     *
     * @param task the task number, from 0
     * @return this assertion
     */
    public ConnectorAssert hasFailedTask(int task) {
        return hasTaskInState(task, State.FAILED);
    }

    /**
     * Checks that a task FAILED with a stack trace that contains a text, such as part of the exception's
     * message.
     *
     * @param task the task number, from 0
     * @param text the text to look for
     * @return this assertion
     */
    public ConnectorAssert taskTraceContains(int task, String text) {
        DeployedConnector.requireTaskNumber(task);
        Objects.requireNonNull(text, "text");
        return holdsForTask(
                task,
                "have FAILED with a trace containing \"" + text + "\"",
                seen -> seen.task(task)
                        .filter(s -> s.state() == State.FAILED)
                        .map(TaskStatus::trace)
                        .filter(trace -> trace != null && trace.contains(text))
                        .isPresent(),
                seen -> !seen.deployed());
    }

    /**
     * Checks that the connector itself FAILED, its {@code start} or {@code taskConfigs} threw, with a stack
     * trace that contains a text, such as part of the exception's message.
     *
     * @param text the text to look for
     * @return this assertion
     */
    public ConnectorAssert connectorTraceContains(String text) {
        Objects.requireNonNull(text, "text");
        Predicate<StatusSnapshot> failedSo = seen -> seen.connectorFailed()
                && seen.info().trace() != null
                && seen.info().trace().contains(text);
        // A connector that failed stays failed until restarted: another trace will not turn into this one.
        return holds(
                "have FAILED with a trace containing \"" + text + "\"",
                failedSo,
                seen -> !seen.deployed() || (seen.connectorFailed() && !failedSo.test(seen)),
                seen -> "was " + seen.describe());
    }

    /**
     * Checks that the connector is not deployed: it was stopped, or never deployed on this worker.
     *
     * @return this assertion
     */
    public ConnectorAssert isNotDeployed() {
        return holds("not be deployed", seen -> !seen.deployed(), seen -> false, seen -> "was " + seen.describe());
    }

    private ConnectorAssert holdsForTask(
            int task, String expectation, Predicate<StatusSnapshot> expected, Predicate<StatusSnapshot> hopeless) {
        isNotNull();
        StatusWait.Outcome outcome = StatusWait.await(
                "task " + task + " of " + actual.subject() + " to " + expectation,
                actual::observe,
                timeout,
                expected,
                hopeless);
        if (!outcome.reached()) {
            failWithMessage(
                    "%s",
                    StatusWait.failure(
                            "task " + task + " of " + actual.subject(),
                            expectation,
                            timeout,
                            "was " + outcome.last().describeTask(task)));
        }
        return this;
    }

    private ConnectorAssert holds(
            String expectation,
            Predicate<StatusSnapshot> expected,
            Predicate<StatusSnapshot> hopeless,
            Function<StatusSnapshot, String> actualState) {
        isNotNull();
        StatusWait.Outcome outcome =
                StatusWait.await(actual.subject() + " to " + expectation, actual::observe, timeout, expected, hopeless);
        if (!outcome.reached()) {
            failWithMessage(
                    "%s",
                    StatusWait.failure(actual.subject(), expectation, timeout, actualState.apply(outcome.last())));
        }
        return this;
    }

    private static String tasks(int count) {
        return count + (count == 1 ? " task" : " tasks");
    }
}
