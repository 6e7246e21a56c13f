package io.tributary.runtime.worker;

import io.tributary.runtime.convert.JsonConverter;
import io.tributary.runtime.errors.ErrorPolicy;
import io.tributary.runtime.errors.ErrorReporter;
import io.tributary.runtime.errors.FailedOperation;
import io.tributary.runtime.errors.LogReporter;
import io.tributary.runtime.errors.RetryWithTolerance;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.converter.ConverterType;
import io.tributary.sdk.sink.SinkTask;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The runtime's sink task runner, driven one step at a time by its caller instead of by its own loop:
 * the same code that runs a task on a worker, for the test kit's task driver. Every call runs on the
 * caller's thread. Records are read from the given consumer and converted with the JSON converter
 * (schemas enabled); error handling follows the connector's {@code errors.*} settings, as on a worker.
 */
public final class SinkTaskSteps {
    private final SinkTaskRunner runner;
    private final StepGuard guard;

    /**
     * Starts a task and subscribes its consumer.
     *
     * @param id the task's id
     * @param task the task instance, not started yet
     * @param taskConfig the configuration the task starts with
     * @param connectorSettings the connector's settings: {@code errors.*} are used
     * @param consumer the consumer it reads with
     * @param topics the topics it reads
     * @param clock the clock for retry back-offs and deadlines
     * @param reported told of every record the error policy handles, the task's errant records included
     */
    public SinkTaskSteps(
            TaskId id,
            SinkTask task,
            Map<String, String> taskConfig,
            Map<String, String> connectorSettings,
            Consumer<byte[], byte[]> consumer,
            List<String> topics,
            Clock clock,
            BiConsumer<ConnectRecord<?>, Throwable> reported) {
        Map<String, String> settings = new HashMap<>(connectorSettings);
        settings.putIfAbsent(ConnectorConfig.NAME, id.connector());
        settings.putIfAbsent(ConnectorConfig.CONNECTOR_CLASS, task.getClass().getName());
        ErrorPolicy policy = ConnectorConfig.errorPolicy(ConnectorConfig.parse(settings));
        TaskControl control = new TaskControl();
        List<ErrorReporter> reporters = new ArrayList<>();
        reporters.add(new ErrorReporter() {
            @Override
            public CompletableFuture<Void> report(FailedOperation failure) {
                reported.accept(failure.record(), failure.error());
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public boolean reportsFatalFailures() {
                return true;
            }
        });
        if (policy.logErrors()) {
            reporters.add(new LogReporter(policy.logRecords()));
        }
        RetryWithTolerance errors = new RetryWithTolerance(id, policy, reporters, clock, control::await);
        JsonConverter key = new JsonConverter();
        key.configure(Map.of(JsonConverter.SCHEMAS_ENABLE, "true"), ConverterType.KEY);
        JsonConverter value = new JsonConverter();
        value.configure(Map.of(JsonConverter.SCHEMAS_ENABLE, "true"), ConverterType.VALUE);
        JsonConverter headers = new JsonConverter();
        headers.configure(Map.of(JsonConverter.SCHEMAS_ENABLE, "true"), ConverterType.HEADER);
        SinkTaskRunner.Parts parts = new SinkTaskRunner.Parts(
                id,
                task,
                taskConfig,
                new TaskConverters(key, value, headers),
                UnaryOperator.identity(),
                consumer,
                List.copyOf(topics),
                null,
                errors);
        RunnerServices services = new RunnerServices(
                new TaskSettings("driver", Duration.ofDays(365), Duration.ZERO, 1),
                new StatusStore(),
                clock,
                Runnable::run);
        this.runner = new SinkTaskRunner(parts, services, control, ended -> {});
        this.guard = new StepGuard(runner::stopStepping);
        runner.startStepping();
    }

    /**
     * One round of a worker's loop: a poll of the consumer, then {@code put}, retried as the rules say.
     *
     * @throws RuntimeException if the task failed; it is stopped first
     */
    public void step() throws InterruptedException {
        guard.run(() -> {
            runner.step();
            return null;
        });
    }

    /** Commits what {@code preCommit} allows, as a worker does periodically or when the task asks. */
    public void commit() throws InterruptedException {
        guard.run(() -> {
            runner.commitNow();
            return null;
        });
    }

    /** @return the next offset to commit of each assigned partition: past every record the task took */
    public Map<TopicPartition, Long> currentOffsets() {
        return runner.currentOffsets();
    }

    /** Stops the task as a worker does: the final commit, {@code close} of its partitions, {@code stop}. Once. */
    public void stop() throws InterruptedException {
        guard.stop();
    }

    /** @return whether the task was stopped, by {@link #stop()} or because it failed */
    public boolean isStopped() {
        return guard.isStopped();
    }
}
