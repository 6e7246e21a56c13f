package io.tributary.runtime.distributed;

import io.tributary.sdk.connector.TaskId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What runs on this worker, as rounds of the group, configuration changes, restarts and a lost membership
 * come: the threads that report them meet here, and the {@link WorkApplier} does the work under one lock.
 *
 * <p>A round only stops, on the membership's thread, and returns: revoked items must have stopped before the
 * group hands them to others, but starting hundreds of items there would keep the membership loop from
 * polling for longer than the session allows. What is assigned starts on the {@code starts} executor, one
 * item per hold of the lock, so that the next round need not wait for a whole pass to end.
 *
 * <p>Once the membership is lost, nothing starts until a round that came after the loss: the watchdog stops
 * everything without the lock, as the lock may be what the membership's thread is stuck on, and an item whose
 * start overlapped that stop is stopped again as soon as its start returns. A round during which the
 * membership was lost is not applied: the group may already have handed its items to others. Thread-safe.
 */
final class LocalWork {
    private static final Logger LOG = LoggerFactory.getLogger(LocalWork.class);

    private final WorkApplier applier;
    private final Supplier<ClusterConfig.Snapshot> config;
    /** The passes: a change that comes before a queued pass begins shares it. */
    private final Coalesced passes;

    private final Runnable stopEverything;
    private final Object lock = new Object();
    /** Set on close, under the lock: nothing starts after it. */
    private boolean closing;
    /** How many times the membership was lost. */
    private volatile int losses;
    /**
     * The losses that the last round applied came after. While fewer than {@link #losses}, everything was
     * stopped without the applier, whose record of what runs is then stale, and nothing starts.
     */
    private volatile int lossesApplied;

    /**
     * @param engine starts, stops and pauses connectors and tasks
     * @param config the configuration now
     * @param starts runs the passes that start what is assigned; one thread, as passes are not meant to overlap
     * @param stopEverything stops every connector and task here at once, without the applier
     */
    LocalWork(
            WorkApplier.Engine engine,
            Supplier<ClusterConfig.Snapshot> config,
            Executor starts,
            Runnable stopEverything) {
        this.applier = new WorkApplier(new Guarded(engine));
        this.config = config;
        this.passes = new Coalesced(Duration.ZERO, (delay, pass) -> starts.execute(pass), this::pass);
        this.stopEverything = stopEverything;
    }

    /**
     * A round of the group: stops what is revoked or no longer assigned before returning, and queues the
     * start of what is assigned. A round during which the membership was lost is not applied.
     *
     * @param round the round
     * @param applied run, under the lock, once the round is applied and before anything of it starts
     * @return whether the round was applied
     */
    boolean onRound(Membership.Round round, Runnable applied) {
        synchronized (lock) {
            if (round.losses() != losses) {
                LOG.info(
                        "Not applying generation {}: this worker lost its place in the group while it came",
                        round.generation());
                return false;
            }
            if (lost()) {
                applier.forgetAll();
                lossesApplied = losses;
            }
            if (closing) {
                applier.stopAll();
                return false;
            }
            applier.onRound(round.revoked(), round.assigned());
            applied.run();
        }
        reconcile();
        return true;
    }

    /**
     * The membership was lost: stops everything now, without waiting for the lock.
     *
     * @param lossesNow how many times it was lost, this time included
     */
    void onLost(int lossesNow) {
        losses = lossesNow;
        stopEverything.run();
    }

    private boolean lost() {
        return lossesApplied != losses;
    }

    /** The configuration changed: queues a pass that brings what runs here in line with it. */
    void reconcile() {
        passes.ask();
    }

    /**
     * Brings each item out of line in line, one per hold of the lock, with the configuration as the pass
     * began: a change since has queued another pass.
     */
    private void pass() {
        ClusterConfig.Snapshot snapshot = config.get();
        List<WorkItem> pending;
        synchronized (lock) {
            if (closing || lost()) {
                return;
            }
            pending = applier.outOfLine(snapshot);
        }
        for (WorkItem item : pending) {
            synchronized (lock) {
                if (closing || lost()) {
                    return;
                }
                try {
                    applier.bringInLine(item, snapshot);
                } catch (RuntimeException e) {
                    // One item's trouble must not keep the others from starting.
                    LOG.error("Could not bring {} in line with its configuration here: {}", item, e.toString(), e);
                }
            }
        }
    }

    /**
     * Restarts an item if it runs here, with the configuration now.
     *
     * @param item a connector instance or task
     * @return whether it ran here
     */
    boolean restart(WorkItem item) {
        synchronized (lock) {
            return !closing && applier.restart(item, config.get());
        }
    }

    /** @return the connectors and tasks that run here */
    Set<WorkItem> running() {
        synchronized (lock) {
            return applier.running();
        }
    }

    /** Stops everything, and nothing starts after. */
    void close() {
        synchronized (lock) {
            closing = true;
            applier.stopAll();
        }
    }

    /** The engine, refusing to start anything once the membership was lost. */
    private final class Guarded implements WorkApplier.Engine {
        private final WorkApplier.Engine engine;

        Guarded(WorkApplier.Engine engine) {
            this.engine = engine;
        }

        @Override
        public void startConnector(String name, Map<String, String> connectorConfig, boolean paused) {
            startUnlessLost(
                    name, () -> engine.startConnector(name, connectorConfig, paused), () -> engine.stopConnector(name));
        }

        @Override
        public void startTask(
                TaskId id, Map<String, String> connectorConfig, Map<String, String> taskConfig, boolean paused) {
            startUnlessLost(
                    id.toString(),
                    () -> engine.startTask(id, connectorConfig, taskConfig, paused),
                    () -> engine.stopTask(id));
        }

        /**
         * Starts an item unless the membership was lost; if it was lost while the item started, the watchdog's
         * stop may have missed it, so it is stopped again.
         */
        private void startUnlessLost(String what, Runnable start, Runnable stop) {
            if (lost()) {
                LOG.warn("Not starting {} here: this worker lost its place in the group; it rejoins first", what);
                return;
            }
            start.run();
            if (lost()) {
                stop.run();
            }
        }

        @Override
        public void stopConnector(String name) {
            engine.stopConnector(name);
        }

        @Override
        public void pauseConnector(String name, boolean paused) {
            engine.pauseConnector(name, paused);
        }

        @Override
        public void stopTask(TaskId id) {
            engine.stopTask(id);
        }

        @Override
        public void pauseTasks(String connector, boolean paused) {
            engine.pauseTasks(connector, paused);
        }

        @Override
        public void stopTogether(List<WorkItem> items) {
            engine.stopTogether(items);
        }
    }
}
