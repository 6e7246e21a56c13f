package io.tributary.runtime.worker;

import io.tributary.runtime.convert.JsonConverter;
import io.tributary.runtime.convert.SimpleHeaderConverter;
import io.tributary.runtime.errors.ErrorPolicy;
import io.tributary.runtime.errors.LogReporter;
import io.tributary.runtime.errors.RetryWithTolerance;
import io.tributary.runtime.storage.OffsetStore;
import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.converter.Converter;
import io.tributary.sdk.converter.ConverterType;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.Producer;

/**
 * The runtime's source task runner, driven one step at a time by its caller instead of by its own loop:
 * the same code that runs a task on a worker, for the test kit's task driver. Every call runs on the
 * caller's thread. Records go through the JSON converter (schemas enabled) to the given producer; error
 * handling follows the connector's {@code errors.*} settings, as on a worker.
 */
public final class SourceTaskSteps {
    private final SourceTaskRunner runner;
    private final StepGuard guard;

    /**
     * Starts a task.
     *
     * @param id the task's id
     * @param task the task instance, not started yet
     * @param taskConfig the configuration the task starts with
     * @param connectorSettings the connector's settings: {@code errors.*} are used
     * @param offsets where source offsets are read and committed
     * @param producer where records are sent; acknowledged when the caller says so
     */
    public SourceTaskSteps(
            TaskId id,
            SourceTask task,
            Map<String, String> taskConfig,
            Map<String, String> connectorSettings,
            OffsetStore offsets,
            Producer<byte[], byte[]> producer) {
        Map<String, String> settings = new HashMap<>(connectorSettings);
        settings.putIfAbsent(ConnectorConfig.NAME, id.connector());
        settings.putIfAbsent(ConnectorConfig.CONNECTOR_CLASS, task.getClass().getName());
        ErrorPolicy policy = ConnectorConfig.errorPolicy(ConnectorConfig.parse(settings));
        TaskControl control = new TaskControl();
        RetryWithTolerance errors = new RetryWithTolerance(
                id,
                policy,
                policy.logErrors() ? List.of(new LogReporter(policy.logRecords())) : List.of(),
                Clock.systemUTC(),
                control::await);
        SimpleHeaderConverter headers = new SimpleHeaderConverter();
        headers.configure(Map.of());
        TaskConverters converters = new TaskConverters(json(ConverterType.KEY), json(ConverterType.VALUE), headers);
        SourceTaskRunner.Parts parts = new SourceTaskRunner.Parts(
                id, task, taskConfig, converters, UnaryOperator.identity(), producer, offsets, errors, null);
        RunnerServices services = new RunnerServices(
                new TaskSettings("driver", Duration.ofDays(1), Duration.ZERO, Integer.MAX_VALUE),
                new StatusStore(),
                Clock.systemUTC(),
                Runnable::run);
        this.runner = new SourceTaskRunner(parts, services, control, ended -> {});
        this.guard = new StepGuard(runner::stopStepping);
        runner.startStepping();
    }

    private static Converter json(ConverterType type) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of(JsonConverter.SCHEMAS_ENABLE, "true"), type);
        return converter;
    }

    /**
     * Polls the task once and sends what it returned, as one round of the runtime's loop.
     *
     * @return the records polled, as the task returned them (null if it returned null)
     * @throws io.tributary.sdk.errors.RetriableException if the task's poll failed and may be retried
     * @throws RuntimeException if the task failed: it is stopped first
     */
    public List<SourceRecord> poll() throws InterruptedException {
        return guard.run(runner::step);
    }

    /** Commits the offsets of what was acknowledged, then calls the task's {@code commit}. */
    public void commit() throws InterruptedException {
        guard.run(() -> {
            runner.commitOffsets();
            return null;
        });
    }

    /** Stops the task as a worker does: the final commit, then the task's {@code stop}. Once. */
    public void stop() throws InterruptedException {
        guard.stop();
    }

    /** @return whether the task was stopped, by {@link #stop()} or because it failed */
    public boolean isStopped() {
        return guard.isStopped();
    }
}
