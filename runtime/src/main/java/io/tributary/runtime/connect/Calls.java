package io.tributary.runtime.connect;

import io.tributary.runtime.plugins.LoaderSwap;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.errors.RetriableException;
import java.util.function.Supplier;

/**
 * Every call into a Connect plugin: made with the plugin's class loader as the context class loader, as Kafka
 * Connect makes it, and with Connect's exceptions that steer the worker mapped to the SDK's (a retriable
 * exception is retried, a data exception is a bad record).
 */
final class Calls {
    private final ClassLoader loader;

    Calls(ClassLoader loader) {
        this.loader = loader;
    }

    /** A call that may be interrupted, such as a source task's poll. */
    @FunctionalInterface
    interface Interruptible<T> {
        T call() throws InterruptedException;
    }

    <T> T get(Supplier<T> call) {
        LoaderSwap swap = LoaderSwap.to(loader);
        try (swap) {
            return call.get();
        } catch (RuntimeException e) {
            throw toSdk(e);
        }
    }

    void run(Runnable call) {
        get(() -> {
            call.run();
            return null;
        });
    }

    /**
     * A call into a sink task's {@code put}, {@code flush} or {@code preCommit}: Connect retries a retriable
     * exception from them and fails the task on any other, a data exception included (errors.tolerance does
     * not cover a task's own calls), so only the retriable one is mapped.
     */
    void runTask(Runnable call) {
        LoaderSwap swap = LoaderSwap.to(loader);
        try (swap) {
            call.run();
        } catch (org.apache.kafka.connect.errors.RetriableException e) {
            throw new RetriableException(e.getMessage(), e);
        }
    }

    <T> T interruptibly(Interruptible<T> call) throws InterruptedException {
        LoaderSwap swap = LoaderSwap.to(loader);
        try (swap) {
            return call.call();
        } catch (RuntimeException e) {
            throw toSdk(e);
        }
    }

    /** Closes a plugin, an I/O failure of which is unchecked here. */
    void close(java.io.Closeable plugin) {
        run(() -> {
            try {
                plugin.close();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Connect's exceptions that the worker treats apart, as the SDK's; any other as it is. */
    static RuntimeException toSdk(RuntimeException e) {
        if (e instanceof org.apache.kafka.connect.errors.RetriableException) {
            return new RetriableException(e.getMessage(), e);
        }
        if (e instanceof org.apache.kafka.connect.errors.DataException) {
            return new DataException(e.getMessage(), e);
        }
        return e;
    }
}
