package io.tributary.runtime.worker;

import io.tributary.runtime.config.ConfigResolver;
import io.tributary.runtime.plugins.PluginFactory;
import io.tributary.runtime.storage.OffsetStore;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.connector.Connector;
import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.sink.SinkConnector;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs connectors and their tasks in this process: validates configurations, starts each connector on
 * its own thread and each task on its own thread, and pauses, resumes, restarts and stops them.
 * Standalone mode drives one worker from files; distributed mode will drive one per cluster member.
 * Thread-safe.
 */
public final class Worker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    /** A connector that runs here, with its tasks. */
    private static final class Deployment {
        /** The configuration with config-provider references resolved: what the connector runs with. */
        final Map<String, String> config;
        /** The configuration as given, references unresolved: what the worker shows and restarts from. */
        final Map<String, String> original;

        /** Replaced, under this deployment's lock, when the connector alone is restarted. */
        volatile ConnectorRunner runner;

        final TaskSet tasks;
        volatile List<Map<String, String>> taskConfigs = List.of();
        volatile boolean paused;
        /** Where its task configurations go when its tasks run elsewhere; null when they run here. */
        volatile TaskConfigsListener elsewhere;
        /** Set, under this deployment's lock, when it is stopped: no task may start after that. */
        boolean stopped;
        /** Set, under this deployment's lock, when the connector failed: it runs no tasks until restarted. */
        volatile boolean failed;

        Deployment(
                Map<String, String> config,
                Map<String, String> original,
                ConnectorRunner runner,
                TaskSet.Services taskServices) {
            this.config = config;
            this.original = original;
            this.runner = runner;
            this.tasks = new TaskSet(taskServices, this);
        }
    }

    private final String workerId;
    private final KafkaClientFactory kafka;
    private final WorkerConfig config;
    private final PluginFactory plugins;
    private final OffsetStore offsets;
    private final StatusStore statuses;
    private final Clock clock;
    private final ClientConfigs clients;
    private final TaskFactory taskFactory;
    private final TaskSettings taskSettings;
    private final ExecutorService taskThreads;
    private final TaskRunnerFactory runners;
    private final ConfigResolver resolver;
    private final ConnectorValidator validator;
    private final Map<String, Deployment> deployments = new ConcurrentHashMap<>();
    private final TaskSet.Services taskServices;
    /** Runs the restarts of failed tasks that their connectors ask for. */
    private final ScheduledExecutorService restartTimer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "tributary-task-restarts");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param workerId this worker's id, shown in status
     * @param config the worker's settings
     * @param plugins makes connectors, converters and transformations
     * @param offsets where source offsets are stored
     * @param statuses where statuses are kept
     * @param clock the clock
     */
    public Worker(
            String workerId,
            WorkerConfig config,
            PluginFactory plugins,
            OffsetStore offsets,
            StatusStore statuses,
            Clock clock) {
        this(workerId, config, plugins, offsets, statuses, clock, KafkaClientFactory.REAL);
    }

    Worker(
            String workerId,
            WorkerConfig config,
            PluginFactory plugins,
            OffsetStore offsets,
            StatusStore statuses,
            Clock clock,
            KafkaClientFactory kafka) {
        this.kafka = kafka;
        this.workerId = workerId;
        this.config = config;
        this.plugins = plugins;
        this.offsets = offsets;
        this.statuses = statuses;
        this.clock = clock;
        this.clients = new ClientConfigs(config);
        this.taskFactory = new TaskFactory(config, plugins);
        this.taskSettings = new TaskSettings(
                workerId,
                Duration.ofMillis(config.parsed().getLong(WorkerConfig.OFFSET_FLUSH_INTERVAL_MS)),
                Duration.ofMillis(config.parsed().getLong(WorkerConfig.OFFSET_FLUSH_TIMEOUT_MS)),
                config.parsed().getInt(WorkerConfig.SOURCE_MAX_IN_FLIGHT));
        Map<String, String> workerSettings = new java.util.HashMap<>();
        config.parsed().originals().forEach((key, value) -> workerSettings.put(key, String.valueOf(value)));
        this.resolver = ConfigResolver.fromWorkerSettings(workerSettings, plugins);
        this.validator = new ConnectorValidator(config, plugins, clients, taskFactory);
        this.taskThreads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "tributary-task");
            thread.setDaemon(true);
            return thread;
        });
        this.runners = new TaskRunnerFactory(
                config,
                taskFactory,
                clients,
                kafka,
                offsets,
                new RunnerServices(taskSettings, statuses, clock, taskThreads));
        this.taskServices = new TaskSet.Services(
                runners,
                statuses,
                workerId,
                taskThreads,
                config.parsed().getLong(WorkerConfig.TASK_SHUTDOWN_TIMEOUT_MS),
                new TaskRestarts(
                        clock,
                        (delay, action) -> restartTimer.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS)));
    }

    /** @return this worker's id */
    public String workerId() {
        return workerId;
    }

    /** @return the statuses of connectors and tasks */
    public StatusStore statuses() {
        return statuses;
    }

    /**
     * Checks a connector configuration without running it: the common settings, the connector's own,
     * its transformations, and the client overrides the worker's policy allows.
     *
     * @param connectorConfig the configuration
     * @return every setting's problems
     */
    public ConfigValidation validate(Map<String, String> connectorConfig) {
        Map<String, String> resolved;
        try {
            resolved = resolver.resolve(connectorConfig);
        } catch (ConfigException e) {
            return ConnectorConfig.DEFINITION.validate(connectorConfig).withError(ConnectorConfig.NAME, e.getMessage());
        }
        return validator.validate(resolved);
    }

    /**
     * Starts a connector and its tasks.
     *
     * @param connectorConfig its configuration
     * @param paused whether to start it paused
     * @throws ConfigException listing every problem, if the configuration is invalid
     * @throws IllegalStateException if a connector of that name already runs here
     */
    public void startConnector(Map<String, String> originalConfig, boolean paused) {
        startConnector(originalConfig, paused, null);
    }

    /** Told of the task configurations of a connector instance whose tasks run elsewhere. */
    @FunctionalInterface
    public interface TaskConfigsListener {
        /**
         * Called on the connector's thread, outside the worker's locks.
         *
         * @param connector the connector
         * @param taskConfigs its task configurations, references unresolved as the connector gave them
         */
        void onTaskConfigs(String connector, List<Map<String, String>> taskConfigs);
    }

    /**
     * Starts a connector instance without its tasks, for a cluster where tasks are assigned on their own:
     * the task configurations it gives go to the listener, and its tasks run wherever {@link
     * #startAssignedTask} is called for them.
     *
     * @param originalConfig its configuration
     * @param paused whether to start it paused
     * @param listener told of its task configurations
     */
    public void startConnectorInstance(
            Map<String, String> originalConfig, boolean paused, TaskConfigsListener listener) {
        startConnector(originalConfig, paused, java.util.Objects.requireNonNull(listener, "listener"));
    }

    private void startConnector(Map<String, String> originalConfig, boolean paused, TaskConfigsListener elsewhere) {
        validate(originalConfig).throwIfInvalid();
        // Config-provider references are resolved here, for the running connector only: the configuration
        // as given (with its references) is what the worker keeps and shows.
        Map<String, String> connectorConfig = resolver.resolve(originalConfig);
        ParsedConfig common = ConnectorConfig.parse(connectorConfig);
        String name = common.getString(ConnectorConfig.NAME);
        if (deployments.containsKey(name)) {
            throw alreadyRuns(name);
        }
        ConnectorRunner runner = newRunner(name, connectorConfig);
        Deployment deployment =
                new Deployment(Map.copyOf(connectorConfig), Map.copyOf(originalConfig), runner, taskServices);
        deployment.paused = paused;
        deployment.elsewhere = elsewhere;
        if (deployments.putIfAbsent(name, deployment) != null) {
            throw alreadyRuns(name);
        }
        statuses.connectorStatus(name, new Status(State.UNASSIGNED, null, workerId));
        synchronized (deployment) {
            // A stop that came first wins: a stopped runner is never started.
            if (!deployment.stopped) {
                runner.start();
            }
        }
    }

    private ConnectorRunner newRunner(String name, Map<String, String> connectorConfig) {
        ParsedConfig common = ConnectorConfig.parse(connectorConfig);
        Connector connector = plugins.newPlugin(common.getString(ConnectorConfig.CONNECTOR_CLASS), Connector.class);
        ParsedConfig parsed =
                connector.config().merge(withoutClashes(connector)).parse(connectorConfig);
        // Each runner's reports name it, so that those of an instance already replaced are ignored.
        AtomicReference<ConnectorRunner> self = new AtomicReference<>();
        ConnectorRunner runner = new ConnectorRunner(
                name,
                connector,
                parsed,
                new ConnectorOffsetReader(name, offsets),
                taskConfigs -> onTaskConfigs(name, self.get(), taskConfigs),
                (failed, error) -> onConnectorFailure(failed, self.get(), error));
        self.set(runner);
        return runner;
    }

    private static IllegalStateException alreadyRuns(String name) {
        return new IllegalStateException("Connector '" + name + "' already runs on this worker; stop it first");
    }

    private static io.tributary.sdk.config.ConfigDef withoutClashes(Connector connector) {
        io.tributary.sdk.config.ConfigDef.Builder common = io.tributary.sdk.config.ConfigDef.builder();
        ConnectorConfig.DEFINITION.keys().stream()
                .filter(key -> connector.config().key(key.name()).isEmpty())
                .forEach(common::define);
        return common.build();
    }

    private void onTaskConfigs(String name, ConnectorRunner source, List<Map<String, String>> taskConfigs) {
        Deployment deployment = deployments.get(name);
        if (deployment == null) {
            return;
        }
        TaskConfigsListener elsewhere;
        // The connector's thread reports task configurations while another thread may stop the connector:
        // both hold the deployment's lock, so tasks are never started for a connector that was stopped.
        synchronized (deployment) {
            if (deployment.stopped || deployment.failed || deployment.runner != source) {
                return;
            }
            statuses.connectorStatus(
                    name, new Status(deployment.paused ? State.PAUSED : State.RUNNING, null, workerId));
            elsewhere = deployment.elsewhere;
            if (elsewhere == null) {
                if (taskConfigs.equals(deployment.taskConfigs) && !deployment.tasks.isEmpty()) {
                    return;
                }
                LOG.info("Connector {} has {} task configuration(s); (re)starting its tasks", name, taskConfigs.size());
                deployment.tasks.stopAll();
                deployment.taskConfigs = taskConfigs;
                statuses.retainTasks(name, taskConfigs.size());
                for (int i = 0; i < taskConfigs.size(); i++) {
                    startTask(deployment, new TaskId(name, i), resolver.resolve(taskConfigs.get(i)));
                }
                return;
            }
            deployment.taskConfigs = taskConfigs;
        }
        // Its tasks run where the cluster puts them: the listener publishes the configurations, outside the lock.
        elsewhere.onTaskConfigs(name, taskConfigs);
    }

    /** Starts a task; the caller holds the deployment's lock, so no other start or stop of it runs meanwhile. */
    private void startTask(Deployment deployment, TaskId id, Map<String, String> taskConfig) {
        deployment.tasks.start(deployment.runner.connector(), deployment.config, id, taskConfig, deployment.paused);
    }

    /**
     * The connector failed to start or raised an error: it is FAILED, and it and its tasks stop until it is
     * restarted. Runs the stopping on a task thread, as the failure may be reported on the connector's own
     * thread, which stopping the connector waits for.
     */
    private void onConnectorFailure(String name, ConnectorRunner source, Throwable error) {
        Deployment deployment = deployments.get(name);
        if (deployment == null) {
            return;
        }
        synchronized (deployment) {
            if (deployment.stopped || deployment.failed || deployment.runner != source) {
                return;
            }
            fail(deployment, name, error);
        }
    }

    /** Marks a deployment FAILED and stops its tasks and connector; the caller holds the deployment's lock. */
    private void fail(Deployment deployment, String name, Throwable error) {
        deployment.failed = true;
        statuses.connectorStatus(name, Status.failed(workerId, error));
        ConnectorRunner failing = deployment.runner;
        taskThreads.execute(() -> {
            synchronized (deployment) {
                deployment.tasks.stopAll();
            }
            failing.stop();
        });
    }

    /**
     * Stops a connector and its tasks and forgets it.
     *
     * @param name the connector
     * @return whether it ran here
     */
    public boolean stopConnector(String name) {
        Deployment deployment = deployments.remove(name);
        if (deployment == null) {
            return false;
        }
        synchronized (deployment) {
            deployment.stopped = true;
            deployment.tasks.stopAll();
        }
        runners.forget(name);
        deployment.runner.stop();
        statuses.connectorStatus(name, new Status(State.STOPPED, null, workerId));
        return true;
    }

    /**
     * Pauses a connector's tasks: they stay started but move no data.
     *
     * @param name the connector
     */
    public void pauseConnector(String name) {
        Deployment deployment = require(name);
        synchronized (deployment) {
            deployment.paused = true;
            deployment.tasks.pauseAll();
            if (!deployment.failed) {
                statuses.connectorStatus(name, new Status(State.PAUSED, null, workerId));
            }
        }
    }

    /**
     * Resumes a paused connector's tasks.
     *
     * @param name the connector
     */
    public void resumeConnector(String name) {
        Deployment deployment = require(name);
        synchronized (deployment) {
            deployment.paused = false;
            deployment.tasks.resumeAll();
            if (!deployment.failed) {
                statuses.connectorStatus(name, new Status(State.RUNNING, null, workerId));
            }
        }
    }

    /**
     * Restarts one task with its current configuration, for example after it failed.
     *
     * @param id the task
     */
    public void restartTask(TaskId id) {
        Deployment deployment = require(id.connector());
        if (id.task() >= deployment.taskConfigs.size()) {
            throw new IllegalArgumentException("Connector '" + id.connector() + "' has no task " + id.task()
                    + "; it has " + deployment.taskConfigs.size());
        }
        // One lock for the stop and the start: a task-config change or another restart cannot start the same
        // task in between.
        synchronized (deployment) {
            if (deployment.stopped || deployment.failed) {
                return;
            }
            deployment.tasks.stop(id);
            statuses.taskStatus(id, new Status(State.RESTARTING, null, workerId));
            startTask(deployment, id, resolver.resolve(deployment.taskConfigs.get(id.task())));
        }
    }

    /**
     * Restarts a connector's instance, not its tasks: they keep running unless the new instance gives them
     * other configurations. A failed connector has no tasks running, so it is restarted whole.
     *
     * @param name the connector
     */
    public void restartConnectorInstance(String name) {
        Deployment deployment = require(name);
        ConnectorRunner previous;
        synchronized (deployment) {
            if (deployment.stopped) {
                return;
            }
            if (deployment.failed) {
                previous = null;
            } else {
                previous = deployment.runner;
            }
        }
        if (previous == null) {
            restartConnector(name);
            return;
        }
        previous.stop();
        ConnectorRunner fresh;
        try {
            fresh = newRunner(name, deployment.config);
        } catch (RuntimeException e) {
            LOG.error("Connector {} could not be made again; it is FAILED until restarted: {}", name, e.toString(), e);
            synchronized (deployment) {
                if (!deployment.stopped && !deployment.failed) {
                    fail(deployment, name, e);
                }
            }
            return;
        }
        synchronized (deployment) {
            // A stop or a failure while the old instance was stopping wins: the new one is never started.
            if (deployment.stopped || deployment.failed) {
                return;
            }
            deployment.runner = fresh;
            statuses.connectorStatus(name, new Status(State.RESTARTING, null, workerId));
            fresh.start();
        }
    }

    /**
     * Restarts a connector and all its tasks with its current configuration.
     *
     * @param name the connector
     */
    public void restartConnector(String name) {
        Deployment deployment = require(name);
        Map<String, String> connectorConfig = deployment.original;
        boolean paused = deployment.paused;
        stopConnector(name);
        statuses.connectorStatus(name, new Status(State.RESTARTING, null, workerId));
        try {
            startConnector(connectorConfig, paused);
        } catch (RuntimeException e) {
            // Not running, and not hidden: the status says why until the next restart succeeds.
            LOG.error("Connector {} could not be started again: {}", name, e.toString(), e);
            statuses.connectorStatus(name, Status.failed(workerId, e));
        }
    }

    /** The tasks of one connector that run here while the connector instance may run elsewhere. */
    private static final class AssignedTasks {
        final Connector connector;
        final Map<String, String> config;
        final TaskSet tasks;
        boolean paused;

        AssignedTasks(Connector connector, Map<String, String> config, TaskSet.Services taskServices) {
            this.connector = connector;
            this.config = config;
            this.tasks = new TaskSet(taskServices, this);
        }
    }

    private final Map<String, AssignedTasks> assigned = new ConcurrentHashMap<>();

    /**
     * Starts a task whose connector instance may run on another worker, as a cluster assigns it. A task of the
     * same id that runs here ends first; the tasks of the connector that run with an older configuration of
     * it are stopped.
     *
     * @param id the task
     * @param originalConnectorConfig the connector's configuration, references unresolved
     * @param taskConfig the task's configuration, as its connector gave it
     * @param paused whether it starts paused
     */
    public void startAssignedTask(
            TaskId id, Map<String, String> originalConnectorConfig, Map<String, String> taskConfig, boolean paused) {
        Map<String, String> resolved = resolver.resolve(originalConnectorConfig);
        AssignedTasks tasks = assigned.compute(id.connector(), (name, current) -> {
            if (current != null && current.config.equals(resolved)) {
                return current;
            }
            if (current != null) {
                synchronized (current) {
                    current.tasks.stopAll();
                }
            }
            Connector connector = plugins.newPlugin(resolved.get(ConnectorConfig.CONNECTOR_CLASS), Connector.class);
            return new AssignedTasks(connector, Map.copyOf(resolved), taskServices);
        });
        synchronized (tasks) {
            tasks.paused = paused;
            tasks.tasks.start(tasks.connector, tasks.config, id, resolver.resolve(taskConfig), paused);
        }
    }

    /** @param id an assigned task to stop, if it runs here */
    public void stopAssignedTask(TaskId id) {
        AssignedTasks tasks = assigned.get(id.connector());
        if (tasks != null) {
            synchronized (tasks) {
                tasks.tasks.stop(id);
            }
        }
    }

    /**
     * @param connector a connector
     * @param paused whether its assigned tasks here should be paused or running
     */
    public void pauseAssignedTasks(String connector, boolean paused) {
        AssignedTasks tasks = assigned.get(connector);
        if (tasks != null) {
            synchronized (tasks) {
                tasks.paused = paused;
                if (paused) {
                    tasks.tasks.pauseAll();
                } else {
                    tasks.tasks.resumeAll();
                }
            }
        }
    }

    /** @return the assigned tasks that run here */
    public Set<TaskId> assignedTasks() {
        Set<TaskId> ids = new java.util.TreeSet<>(
                java.util.Comparator.comparing(TaskId::connector).thenComparingInt(TaskId::task));
        assigned.values().forEach(tasks -> ids.addAll(tasks.tasks.ids()));
        return ids;
    }

    /** @return the names of the connectors running here */
    public List<String> connectors() {
        return List.copyOf(deployments.keySet());
    }

    /**
     * @param name a connector
     * @return its configuration, if it runs here
     */
    public Optional<Map<String, String>> connectorConfig(String name) {
        return Optional.ofNullable(deployments.get(name)).map(d -> d.original);
    }

    /**
     * @param connectorConfig a connector's configuration as written
     * @return it with its config-provider references resolved, as the connector runs with it
     */
    public Map<String, String> resolvedConfig(Map<String, String> connectorConfig) {
        return resolver.resolve(connectorConfig);
    }

    /**
     * @param connectorConfig a connector's configuration
     * @return the settings of an admin client acting for the connector: the worker's {@code admin.*}
     *     settings and the connector's {@code admin.override.*} ones
     */
    public Map<String, Object> adminSettings(Map<String, String> connectorConfig) {
        return clients.admin(resolver.resolve(connectorConfig));
    }

    /**
     * @param name a sink connector
     * @param connectorConfig its configuration
     * @return the consumer group its tasks commit their offsets in
     */
    public String consumerGroup(String name, Map<String, String> connectorConfig) {
        return String.valueOf(clients.consumer(name, resolver.resolve(connectorConfig), name)
                .get(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG));
    }

    /**
     * @param name a connector
     * @return {@code source} or {@code sink}, if it runs here
     */
    public Optional<String> connectorType(String name) {
        return Optional.ofNullable(deployments.get(name))
                .map(d -> d.runner.connector() instanceof SinkConnector ? "sink" : "source");
    }

    /**
     * @param name a connector
     * @return its current task configurations, if it runs here
     */
    public Optional<List<Map<String, String>>> taskConfigs(String name) {
        return Optional.ofNullable(deployments.get(name)).map(d -> d.taskConfigs);
    }

    private Deployment require(String name) {
        Deployment deployment = deployments.get(name);
        if (deployment == null) {
            throw new IllegalArgumentException("No connector '" + name + "' runs on this worker");
        }
        return deployment;
    }

    /**
     * Stops every connector and task that runs here, and forgets them; the worker stays open. A worker that
     * lost its place in its cluster calls it, from any thread.
     */
    public void stopAllWork() {
        List<Runnable> stops = new ArrayList<>();
        new ArrayList<>(deployments.keySet()).forEach(name -> stops.add(() -> stopConnector(name)));
        assigned.values()
                .forEach(tasks -> stops.add(() -> {
                    synchronized (tasks) {
                        tasks.tasks.stopAll();
                    }
                }));
        SideBySide.run("stop-all", stops);
    }

    /**
     * Stops connectors and assigned tasks side by side, and returns once all have stopped: each within its own
     * timeout, as {@link #stopConnector} and {@link #stopAssignedTask} do.
     *
     * @param connectors the connectors to stop, with their tasks that run here as part of them
     * @param tasks the assigned tasks to stop
     */
    public void stopTogether(List<String> connectors, List<TaskId> tasks) {
        List<Runnable> stops = new ArrayList<>();
        connectors.forEach(name -> stops.add(() -> stopConnector(name)));
        // A connector's tasks share its lock: they stop together, as one action.
        tasks.stream()
                .collect(Collectors.groupingBy(TaskId::connector, LinkedHashMap::new, Collectors.toList()))
                .forEach((connector, ids) -> stops.add(() -> {
                    AssignedTasks running = assigned.get(connector);
                    if (running != null) {
                        synchronized (running) {
                            running.tasks.stopAll(ids);
                        }
                    }
                }));
        SideBySide.run("stop", stops);
    }

    /** Stops every connector and task, then the offset store. */
    @Override
    public void close() {
        stopAllWork();
        restartTimer.shutdownNow();
        taskThreads.shutdown();
        try {
            if (!taskThreads.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Some task threads did not end within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        offsets.close();
        resolver.close();
    }
}
