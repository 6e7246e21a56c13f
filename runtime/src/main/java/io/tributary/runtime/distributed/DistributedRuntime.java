package io.tributary.runtime.distributed;

import io.tributary.runtime.control.ConnectorControl;
import io.tributary.runtime.operations.ConnectorOffsets;
import io.tributary.runtime.operations.ControlSupport;
import io.tributary.runtime.operations.LogLevels;
import io.tributary.runtime.operations.PluginCatalog;
import io.tributary.runtime.plugins.Plugins;
import io.tributary.runtime.standalone.StandaloneRuntime;
import io.tributary.runtime.storage.KafkaOffsetStore;
import io.tributary.runtime.worker.Status;
import io.tributary.runtime.worker.StatusStore;
import io.tributary.runtime.worker.Worker;
import io.tributary.runtime.worker.WorkerConfig;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.connector.TaskId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker of a cluster: it joins the group, runs the connectors and tasks the leader assigns it, and
 * keeps them in line with the config topic. The engine is standalone mode's {@link Worker}; only storage
 * (three compacted topics) and membership (a consumer group) differ. Thread-safe.
 */
public final class DistributedRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DistributedRuntime.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** How long a change asked of the REST API waits for a rebalance to end before it is refused. */
    static final Duration SETTLE_WAIT = Duration.ofSeconds(15);
    /**
     * How long a configuration change waits for others before it asks for a round: a burst of changes, as
     * when many connectors are created at once, is assigned in one round rather than one round each.
     */
    static final Duration ROUND_COALESCE = Duration.ofMillis(200);

    private final String workerId;
    private final Plugins plugins;
    private final KafkaOffsetStore offsets;
    private final StatusLog statuses;
    private final ConfigLog configs;
    private final Worker worker;
    private final LocalWork work;
    private final GroupMembership membership;
    /** Rounds asked for by configuration changes. */
    private final Coalesced roundRequests;

    private final AtomicInteger generation = new AtomicInteger(-1);
    private final ExecutorService herder;
    private final Coalesced configChanges;
    private final DistributedControl control;
    private volatile Set<WorkItem> lastWork = Set.of();
    private volatile boolean leads;
    private volatile URI leaderUrl;
    private final TaskConfigPublications publications;

    private DistributedRuntime(Map<String, String> settings, String workerId, String url) {
        this.workerId = workerId;
        this.herder = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "tributary-herder-" + workerId);
            thread.setDaemon(true);
            return thread;
        });
        // A burst of records read from the config topic is taken in once, with the configuration as it is then.
        this.configChanges =
                new Coalesced(Duration.ZERO, (delay, action) -> herder.execute(action), this::onConfigChange);
        WorkerConfig workerConfig = new WorkerConfig(settings);
        ParsedConfig cluster = new DistributedConfig(settings).parsed();
        Map<String, Object> clients = clientSettings(settings);
        String configTopic = cluster.getString(DistributedConfig.CONFIG_TOPIC);
        try (Admin admin = Admin.create(clients)) {
            InternalTopics.ensure(
                    admin,
                    List.of(
                            new InternalTopics.Spec(
                                    configTopic,
                                    DistributedConfig.CONFIG_TOPIC,
                                    1,
                                    cluster.getShort(DistributedConfig.CONFIG_REPLICATION),
                                    true),
                            new InternalTopics.Spec(
                                    cluster.getString(DistributedConfig.OFFSET_TOPIC),
                                    DistributedConfig.OFFSET_TOPIC,
                                    cluster.getInt(DistributedConfig.OFFSET_PARTITIONS),
                                    cluster.getShort(DistributedConfig.OFFSET_REPLICATION),
                                    false),
                            new InternalTopics.Spec(
                                    cluster.getString(DistributedConfig.STATUS_TOPIC),
                                    DistributedConfig.STATUS_TOPIC,
                                    cluster.getInt(DistributedConfig.STATUS_PARTITIONS),
                                    cluster.getShort(DistributedConfig.STATUS_REPLICATION),
                                    false)),
                    START_TIMEOUT);
        }
        this.plugins = StandaloneRuntime.plugins(workerConfig);
        this.offsets = new KafkaOffsetStore(cluster.getString(DistributedConfig.OFFSET_TOPIC), clients);
        this.statuses =
                new StatusLog(cluster.getString(DistributedConfig.STATUS_TOPIC), clients, workerId, generation::get);
        this.configs = new ConfigLog(
                configTopic, clients, configChanges::ask, restart -> herder.execute(() -> applyRestart(restart)));
        this.worker = new Worker(workerId, workerConfig, plugins, offsets, statuses.store(), Clock.systemUTC());
        this.publications = new TaskConfigPublications(
                configs::putTaskConfigs, configs::snapshot, generation::get, worker::taskConfigs, herder);
        this.work = new LocalWork(new EngineOnWorker(), configs::snapshot, herder, worker::stopAllWork);
        PluginCatalog catalog = new PluginCatalog(plugins);
        this.control = new DistributedControl(
                new Place(),
                configs,
                statuses,
                new ControlSupport(worker, catalog, new LogLevels(Clock.systemUTC())),
                new ConnectorOffsets(worker, catalog, offsets),
                SETTLE_WAIT);
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tributary-membership-watchdog-" + workerId);
            thread.setDaemon(true);
            return thread;
        });
        this.membership = new GroupMembership(
                new GroupMembership.Settings(
                        cluster.getString(DistributedConfig.GROUP_ID),
                        configTopic,
                        workerId,
                        url,
                        Duration.ofMillis(cluster.getInt(DistributedConfig.SESSION_TIMEOUT_MS)),
                        Duration.ofMillis(cluster.getInt(DistributedConfig.HEARTBEAT_INTERVAL_MS)),
                        Duration.ofMillis(cluster.getInt(DistributedConfig.REBALANCE_TIMEOUT_MS)),
                        Duration.ofMillis(cluster.getInt(DistributedConfig.REBALANCE_DELAY_MS)),
                        clients),
                () -> configs.snapshot().work(),
                Clock.systemUTC(),
                timers);
        this.roundRequests = new Coalesced(
                ROUND_COALESCE,
                (delay, action) -> timers.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS),
                membership::requestRound);
    }

    /**
     * Starts a worker and joins its cluster.
     *
     * @param settings the worker's settings, distributed mode's included
     * @param workerId its id: the {@code host:port} of its REST API
     * @param url its REST API's URL, for the other workers
     * @return the running worker
     */
    public static DistributedRuntime start(Map<String, String> settings, String workerId, String url) {
        DistributedRuntime runtime = new DistributedRuntime(settings, workerId, url);
        runtime.offsets.start(START_TIMEOUT);
        runtime.statuses.start(START_TIMEOUT);
        runtime.configs.start(START_TIMEOUT);
        runtime.lastWork = runtime.configs.snapshot().work();
        runtime.membership.start(runtime.new Rounds());
        try {
            if (runtime.membership.awaitSettled(START_TIMEOUT)) {
                LOG.info("Worker {} joined its cluster", workerId);
            } else {
                LOG.warn(
                        "Worker {} has not joined its cluster within {} s; it keeps trying. Check that group.id is"
                                + " shared only by workers of one cluster, and that the brokers are reachable",
                        workerId,
                        START_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runtime.close();
            throw new IllegalStateException("Interrupted while joining the cluster", e);
        }
        return runtime;
    }

    private static Map<String, Object> clientSettings(Map<String, String> settings) {
        Map<String, Object> clients = new HashMap<>();
        settings.forEach((key, value) -> {
            if (key.equals(WorkerConfig.BOOTSTRAP_SERVERS)
                    || key.startsWith("security.")
                    || key.startsWith("ssl.")
                    || key.startsWith("sasl.")) {
                clients.put(key, value);
            }
        });
        clients.putIfAbsent(WorkerConfig.BOOTSTRAP_SERVERS, "localhost:9092");
        return clients;
    }

    /** @return this worker's id */
    public String workerId() {
        return workerId;
    }

    /** @return what the REST API asks of this worker */
    public ConnectorControl control() {
        return control;
    }

    /** @return every worker's statuses, as this one knows them */
    public StatusStore statuses() {
        return statuses.store();
    }

    /** @return the connectors and tasks that run on this worker */
    public Set<WorkItem> running() {
        return work.running();
    }

    private void onConfigChange() {
        work.reconcile();
        Set<WorkItem> workNow = configs.snapshot().work();
        if (!workNow.equals(lastWork)) {
            lastWork = workNow;
            roundRequests.ask();
        }
    }

    /** A restart request from the config topic: restart what of it runs here. */
    private void applyRestart(ClusterConfig.Restart restart) {
        if (restart.instance() && work.restart(WorkItem.connector(restart.connector()))) {
            LOG.info("Connector {} restarted", restart.connector());
        }
        for (int task : restart.tasks()) {
            WorkItem item = new WorkItem(restart.connector(), task);
            if (work.restart(item)) {
                LOG.info("Task {} restarted", item.taskId());
            }
        }
    }

    /** This worker's place in the cluster, as the REST API's control sees it. */
    private final class Place implements DistributedControl.Cluster {
        @Override
        public boolean leads() {
            return leads;
        }

        @Override
        public URI leaderUrl() {
            return leaderUrl;
        }

        @Override
        public int generation() {
            return generation.get();
        }

        @Override
        public boolean awaitSettled(int generation, Duration timeout) throws InterruptedException {
            return membership.awaitSettled(generation, timeout);
        }

        @Override
        public String workerId() {
            return workerId;
        }
    }

    /**
     * Rounds of the group, on the membership's thread: what is revoked has stopped on return, and what is
     * assigned starts on the herder.
     */
    private final class Rounds implements Membership.Listener {
        @Override
        public void onRound(Membership.Round round) {
            LOG.info(
                    "Worker {} in generation {}{}: runs {} connector(s) and task(s), gives up {}",
                    workerId,
                    round.generation(),
                    round.leader() ? " (leader)" : "",
                    round.assigned().size(),
                    round.revoked());
            LOG.debug("Worker {} in generation {} runs {}", workerId, round.generation(), round.assigned());
            boolean applied = work.onRound(round, () -> {
                generation.set(round.generation());
                leads = round.leader();
                leaderUrl = round.leaderUrl().isEmpty() ? null : URI.create(round.leaderUrl());
            });
            if (!applied) {
                return;
            }
            int highest = configs.highestGeneration();
            if (round.leader() && round.generation() < highest) {
                herder.execute(() -> restartGenerations(round.generation(), highest));
            }
            publications.afterRound();
        }

        /** Stops everything at once; nothing starts here until the next round (see {@link LocalWork}). */
        @Override
        public void onLost(int losses) {
            generation.set(-1);
            leads = false;
            work.onLost(losses);
        }
    }

    /** The applier's requests, carried out by the worker. */
    private final class EngineOnWorker implements WorkApplier.Engine {
        @Override
        public void startConnector(String name, Map<String, String> config, boolean paused) {
            try {
                worker.startConnectorInstance(
                        config,
                        paused,
                        (connector, taskConfigs) -> herder.execute(() -> publications.publish(connector, taskConfigs)));
            } catch (RuntimeException e) {
                LOG.error("Connector {} could not be started here: {}", name, e.toString(), e);
                statuses.store().connectorStatus(name, Status.failed(workerId, e));
            }
        }

        @Override
        public void stopConnector(String name) {
            worker.stopConnector(name);
            if (deleted(name)) {
                statuses.forgetConnector(name); // no status stays behind
            }
        }

        @Override
        public void pauseConnector(String name, boolean paused) {
            if (paused) {
                worker.pauseConnector(name);
            } else {
                worker.resumeConnector(name);
            }
        }

        @Override
        public void startTask(
                TaskId id, Map<String, String> connectorConfig, Map<String, String> taskConfig, boolean paused) {
            try {
                worker.startAssignedTask(id, connectorConfig, taskConfig, paused);
            } catch (RuntimeException e) {
                LOG.error("Task {} could not be started here: {}", id, e.toString(), e);
                statuses.store().taskStatus(id, Status.failed(workerId, e));
            }
        }

        @Override
        public void stopTask(TaskId id) {
            worker.stopAssignedTask(id);
            if (deleted(id.connector())) {
                statuses.forgetTask(id);
            }
        }

        @Override
        public void pauseTasks(String connector, boolean paused) {
            worker.pauseAssignedTasks(connector, paused);
        }

        @Override
        public void stopTogether(List<WorkItem> items) {
            List<String> connectors = new ArrayList<>();
            List<TaskId> tasks = new ArrayList<>();
            items.forEach(item -> {
                if (item.isConnector()) {
                    connectors.add(item.connector());
                } else {
                    tasks.add(item.taskId());
                }
            });
            worker.stopTogether(connectors, tasks);
            connectors.stream().filter(this::deleted).forEach(statuses::forgetConnector);
            tasks.stream().filter(id -> deleted(id.connector())).forEach(statuses::forgetTask);
        }

        private boolean deleted(String connector) {
            return !configs.snapshot().connectors().containsKey(connector);
        }
    }

    /**
     * The group was made anew, as Kafka does once a whole cluster has been gone for a while: its generations
     * start again below those the config topic holds, which would fence off every write from now on. When a
     * round comes, every other member has joined it, so a record of a later generation already read can only
     * come from the group that was. As the leader, say so in the config topic, then ask for a round, after
     * which what was fenced off meanwhile is published again. The record counts only if nothing of a later
     * generation than the round saw was applied before it.
     */
    private void restartGenerations(int generationNow, int highest) {
        if (generation.get() != generationNow || !leads || configs.highestGeneration() != highest) {
            return; // a later round came, or the config topic moved on since the round
        }
        LOG.warn(
                "The cluster's group was made anew: it is in generation {}, and the config topic holds records of"
                        + " generation {}. Kafka deletes a group once all its workers have been gone for a while;"
                        + " records from generation {} on count again",
                generationNow,
                highest,
                generationNow);
        try {
            configs.restartGenerations(generationNow, highest);
            membership.requestRound();
        } catch (RuntimeException e) {
            LOG.error(
                    "Could not write to the config topic that the group was made anew ({}); changes are refused"
                            + " until a leader can",
                    e.toString(),
                    e);
        }
    }

    /** Leaves the group, handing the work over, and stops everything. */
    @Override
    public void close() {
        // Stop first, then leave: the group hands the work to others only once it has stopped here.
        work.close();
        membership.close();
        herder.shutdown();
        try {
            herder.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.close();
        configs.close();
        statuses.close();
        plugins.close();
        LOG.info("Worker {} left its cluster", workerId);
    }
}
