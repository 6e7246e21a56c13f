package io.tributary.runtime.worker;

/**
 * What driving a task runner by hand shares with its own loop: a task that fails is stopped, once, as a
 * worker stops a failed task, and its failure is passed on; a retriable failure is passed on untouched,
 * for the caller to try again. Used on one thread.
 */
final class StepGuard {
    /** One step of a runner. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws InterruptedException;
    }

    /** Ends the runner: {@code failed} says whether it failed, or was asked to stop. */
    @FunctionalInterface
    interface Ending {
        void end(boolean failed) throws InterruptedException;
    }

    private final Ending ending;
    private boolean stopped;

    StepGuard(Ending ending) {
        this.ending = ending;
    }

    <T> T run(Step<T> step) throws InterruptedException {
        try {
            return step.run();
        } catch (io.tributary.sdk.errors.RetriableException | org.apache.kafka.common.errors.RetriableException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            stopAfterFailure(e);
            throw e;
        }
    }

    void stop() throws InterruptedException {
        if (!stopped) {
            stopped = true;
            ending.end(false);
        }
    }

    boolean isStopped() {
        return stopped;
    }

    private void stopAfterFailure(Throwable failure) {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            ending.end(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
