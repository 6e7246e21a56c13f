package io.tributary.runtime.worker;

import io.tributary.runtime.convert.SimpleHeaderConverter;
import io.tributary.runtime.convert.StringConverter;
import io.tributary.runtime.errors.ErrorPolicy;
import io.tributary.runtime.errors.ErrorReporter;
import io.tributary.runtime.errors.FailedOperation;
import io.tributary.sdk.converter.Converter;
import io.tributary.sdk.converter.ConverterType;
import io.tributary.sdk.converter.HeaderConverter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** What the runner tests share: converters, policies, a reporter that remembers, and a thread to run on. */
final class RunnerFixtures implements AutoCloseable {
    final StatusStore statuses = new StatusStore();
    final List<FailedOperation> reported = new CopyOnWriteArrayList<>();
    final ExecutorService taskThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "task-thread"));
    final ExecutorService stopper = Executors.newCachedThreadPool(r -> new Thread(r, "stopper"));

    static TaskConverters stringConverters() {
        return new TaskConverters(converter(ConverterType.KEY), converter(ConverterType.VALUE), headerConverter());
    }

    static Converter converter(ConverterType type) {
        StringConverter converter = new StringConverter();
        converter.configure(Map.of(), type);
        return converter;
    }

    private static HeaderConverter headerConverter() {
        SimpleHeaderConverter converter = new SimpleHeaderConverter();
        converter.configure(Map.of());
        return converter;
    }

    static ErrorPolicy policy(Duration retryTimeout, boolean tolerateAll) {
        return new ErrorPolicy(retryTimeout, Duration.ofSeconds(1), tolerateAll, false, false, "", (short) 1, false);
    }

    ErrorReporter reporter() {
        return failure -> {
            reported.add(failure);
            return CompletableFuture.completedFuture(null);
        };
    }

    RunnerServices services(Duration flushInterval, Duration flushTimeout, int maxInFlight) {
        return new RunnerServices(
                new TaskSettings("worker-1", flushInterval, flushTimeout, maxInFlight),
                statuses,
                Clock.systemUTC(),
                stopper);
    }

    Future<?> run(TaskRunner runner) {
        return taskThread.submit(runner);
    }

    @Override
    public void close() throws InterruptedException {
        taskThread.shutdownNow();
        stopper.shutdownNow();
        taskThread.awaitTermination(10, TimeUnit.SECONDS);
    }
}
