package io.tributary.connect;

import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.errors.RetriableException;
import io.tributary.sdk.errors.TributaryException;
import java.util.concurrent.Callable;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The SDK's exceptions as Kafka Connect's, so Connect's worker treats them as the Tributary runtime does: a
 * retriable one is retried, a data error is a record's problem (the error tolerance and dead letter queue
 * apply), a settings error is reported as one. Anything else passes unchanged.
 */
final class ConnectErrors {
    private ConnectErrors() {}

    /** A call into an SDK plugin. */
    interface Call<T> {
        T call() throws Exception;
    }

    /** A call into an SDK plugin that returns nothing. */
    interface Run {
        void run() throws Exception;
    }

    static RuntimeException toConnect(RuntimeException error) {
        if (error instanceof RetriableException) {
            return new org.apache.kafka.connect.errors.RetriableException(error.getMessage(), error);
        }
        if (error instanceof DataException) {
            return new org.apache.kafka.connect.errors.DataException(error.getMessage(), error);
        }
        if (error instanceof ConfigException) {
            org.apache.kafka.common.config.ConfigException mapped =
                    new org.apache.kafka.common.config.ConfigException(error.getMessage());
            mapped.initCause(error);
            return mapped;
        }
        if (error instanceof TributaryException) {
            return new ConnectException(error.getMessage(), error);
        }
        return error;
    }

    /** Calls an SDK plugin; its SDK exceptions come out as Connect's, InterruptedException as it is. */
    static <T> T interruptibly(Callable<T> call) throws InterruptedException {
        try {
            return call.call();
        } catch (InterruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw toConnect(e);
        } catch (Exception e) {
            throw new ConnectException(e.getMessage(), e);
        }
    }

    /** Calls an SDK plugin; its SDK exceptions come out as Connect's. */
    static <T> T call(Call<T> call) {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw toConnect(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted", e);
        } catch (Exception e) {
            throw new ConnectException(e.getMessage(), e);
        }
    }

    static void run(Run run) {
        call(() -> {
            run.run();
            return null;
        });
    }
}
