package io.tributary.runtime.distributed;

import io.tributary.runtime.config.Redactor;
import io.tributary.runtime.control.ConfigUpdate;
import io.tributary.runtime.control.ConnectorControl;
import io.tributary.runtime.control.ConnectorInfo;
import io.tributary.runtime.control.ControlException;
import io.tributary.runtime.control.ControlException.Reason;
import io.tributary.runtime.control.LoggerLevel;
import io.tributary.runtime.control.NotLeaderException;
import io.tributary.runtime.control.PartitionOffset;
import io.tributary.runtime.control.PluginInfo;
import io.tributary.runtime.control.StatusReport;
import io.tributary.runtime.control.TargetState;
import io.tributary.runtime.control.TaskInfo;
import io.tributary.runtime.control.TaskStatus;
import io.tributary.runtime.control.ValidationReport;
import io.tributary.runtime.operations.ConnectorOffsets;
import io.tributary.runtime.operations.ControlSupport;
import io.tributary.runtime.operations.ControlSupport.ConnectorKind;
import io.tributary.runtime.operations.RestartPlan;
import io.tributary.runtime.worker.ConnectorConfig;
import io.tributary.runtime.worker.State;
import io.tributary.runtime.worker.Status;
import io.tributary.runtime.worker.StatusStore;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.connector.TaskId;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the REST API for a worker of a cluster. Reads come from what this worker has replayed of the
 * config and status topics, at once, whatever the group is doing. Changes are made by the leader alone, one
 * at a time, so two of them never race: on any other worker they are refused with the leader's address,
 * which the REST server forwards them to. A change waits for a rebalance under way to end, within a bound,
 * then is refused as a conflict to retry. Thread-safe.
 */
final class DistributedControl implements ConnectorControl {
    private static final Logger LOG = LoggerFactory.getLogger(DistributedControl.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /** What the control needs of its worker's place in the cluster. */
    interface Cluster {
        /** @return whether this worker leads the cluster now */
        boolean leads();

        /** @return the leader's REST API; null while no leader is known */
        URI leaderUrl();

        /** @return this worker's group generation; -1 while it is not a member */
        int generation();

        /** @see Membership#awaitSettled(int, Duration) */
        boolean awaitSettled(int generation, Duration timeout) throws InterruptedException;

        /** @return this worker's id */
        String workerId();
    }

    private final Cluster cluster;
    private final ConfigLog configs;
    private final StatusLog statuses;
    private final ControlSupport support;
    private final ConnectorOffsets offsetOperations;
    private final Duration settleWait;
    private final Object changes = new Object();

    /**
     * @param cluster this worker's place in the cluster
     * @param configs the config topic as replayed here
     * @param statuses the status topic as replayed here
     * @param support the answers every worker gives alike
     * @param offsetOperations reads and changes connectors' offsets
     * @param settleWait how long a change waits for a rebalance to end before it is refused
     */
    DistributedControl(
            Cluster cluster,
            ConfigLog configs,
            StatusLog statuses,
            ControlSupport support,
            ConnectorOffsets offsetOperations,
            Duration settleWait) {
        this.cluster = cluster;
        this.configs = configs;
        this.statuses = statuses;
        this.support = support;
        this.offsetOperations = offsetOperations;
        this.settleWait = settleWait;
    }

    @Override
    public String kafkaClusterId() {
        return support.kafkaClusterId();
    }

    @Override
    public List<String> connectors() {
        return configs.snapshot().connectors().keySet().stream().sorted().toList();
    }

    @Override
    public ConnectorInfo connector(String name) {
        ClusterConfig.Snapshot now = configs.snapshot();
        Map<String, String> config = require(now, name, "Connector " + name + " not found");
        ConnectorKind kind = kindOf(config);
        return new ConnectorInfo(
                name, Redactor.hidePasswords(kind.definition(), config), taskIds(now, name), kind.type());
    }

    @Override
    public Map<String, String> connectorConfig(String name) {
        Map<String, String> config = require(configs.snapshot(), name, "Connector " + name + " not found");
        return Redactor.hidePasswords(kindOf(config).definition(), config);
    }

    @Override
    public ConfigUpdate putConnectorConfig(
            String name, Map<String, String> config, TargetState initialState, boolean allowReplace) {
        Map<String, String> withName = ControlSupport.withName(name, config);
        return onLeader("the change of connector " + name, () -> {
            Map<String, String> existing = configs.snapshot().connectors().get(name);
            if (existing != null && !allowReplace) {
                throw new ControlException(Reason.ALREADY_EXISTS, "Connector " + name + " already exists");
            }
            support.throwIfInvalid(withName);
            if (withName.equals(existing)) {
                // The same configuration again: nothing to change, and nothing is restarted.
                return new ConfigUpdate(false, connector(name));
            }
            int generation = cluster.generation();
            if (existing == null && initialState != TargetState.RUNNING) {
                configs.putTargetState(name, initialState, generation);
            }
            configs.putConnector(name, withName, generation);
            LOG.info("Connector {} {}", name, existing == null ? "created" : "updated");
            return new ConfigUpdate(existing == null, connector(name));
        });
    }

    @Override
    public ConnectorInfo patchConnectorConfig(String name, Map<String, String> patch) {
        return onLeader("the change of connector " + name, () -> {
            Map<String, String> current = require(configs.snapshot(), name, "Connector " + name + " not found");
            return putConnectorConfig(name, ControlSupport.patched(current, patch), TargetState.RUNNING, true)
                    .connector();
        });
    }

    @Override
    public StatusReport status(String name) {
        ClusterConfig.Snapshot now = configs.snapshot();
        Map<String, String> config = require(now, name, "No status found for connector " + name);
        ConnectorKind kind = kindOf(config);
        String version = kind.version();
        StatusStore store = statuses.store();
        Status own = store.connector(name).orElse(unassigned());
        List<TaskStatus> tasks = new ArrayList<>();
        for (TaskId id : taskIds(now, name)) {
            tasks.add(new TaskStatus(
                    id.task(), ControlSupport.shown(store.task(id).orElse(unassigned()), version)));
        }
        return new StatusReport(name, ControlSupport.shown(own, version), tasks, kind.type());
    }

    @Override
    public TaskStatus taskStatus(TaskId id) {
        ClusterConfig.Snapshot now = configs.snapshot();
        Map<String, String> config = require(now, id.connector(), "No status found for task " + id);
        if (!taskIds(now, id.connector()).contains(id)) {
            throw ControlException.notFound("No status found for task " + id);
        }
        Status status = statuses.store().task(id).orElse(unassigned());
        return new TaskStatus(
                id.task(), ControlSupport.shown(status, kindOf(config).version()));
    }

    private Status unassigned() {
        return new Status(State.UNASSIGNED, null, cluster.workerId());
    }

    @Override
    public List<TaskInfo> tasks(String name) {
        ClusterConfig.Snapshot now = configs.snapshot();
        Map<String, String> config = require(now, name, "Connector " + name + " not found");
        if (stopped(now, name)) {
            return List.of();
        }
        return support.taskInfos(
                name, config, kindOf(config).definition(), now.taskConfigs().getOrDefault(name, List.of()));
    }

    @Override
    public StatusReport restart(String name, boolean includeTasks, boolean onlyFailed) {
        return onLeader("the restart of connector " + name, () -> {
            ClusterConfig.Snapshot now = configs.snapshot();
            require(now, name, "Connector " + name + " not found");
            StatusReport before = status(name);
            if (stopped(now, name)) {
                return before;
            }
            RestartPlan plan = RestartPlan.of(before, includeTasks, onlyFailed);
            if (plan.connector() || !plan.tasks().isEmpty()) {
                configs.requestRestart(name, plan.connector(), plan.tasks(), cluster.generation());
            }
            return plan.planned();
        });
    }

    @Override
    public void restartTask(TaskId id) {
        onLeader("the restart of task " + id, () -> {
            ClusterConfig.Snapshot now = configs.snapshot();
            require(now, id.connector(), "Connector " + id.connector() + " not found");
            if (!taskIds(now, id.connector()).contains(id)) {
                throw ControlException.notFound("Task " + id + " not found");
            }
            configs.requestRestart(id.connector(), false, List.of(id.task()), cluster.generation());
            return null;
        });
    }

    @Override
    public void pause(String name) {
        setTarget(name, TargetState.PAUSED, "paused");
    }

    @Override
    public void resume(String name) {
        setTarget(name, TargetState.RUNNING, "resumed");
    }

    @Override
    public void stop(String name) {
        setTarget(name, TargetState.STOPPED, "stopped");
    }

    private void setTarget(String name, TargetState state, String done) {
        onLeader("the change of connector " + name, () -> {
            require(configs.snapshot(), name, "Unknown connector " + name);
            int generation = cluster.generation();
            configs.putTargetState(name, state, generation);
            if (state == TargetState.STOPPED) {
                // A stopped connector has no tasks: when it resumes, its instance gives them afresh.
                configs.putTaskConfigs(name, List.of(), generation);
            }
            LOG.info("Connector {} {}", name, done);
            return null;
        });
    }

    @Override
    public void delete(String name) {
        onLeader("the deletion of connector " + name, () -> {
            require(configs.snapshot(), name, "Connector " + name + " not found");
            configs.removeConnector(name);
            readToEnd();
            LOG.info("Connector {} deleted", name);
            return null;
        });
    }

    @Override
    public Set<String> activeTopics(String name) {
        require(configs.snapshot(), name, "Connector " + name + " not found");
        return statuses.store().activeTopics(name);
    }

    @Override
    public void resetActiveTopics(String name) {
        require(configs.snapshot(), name, "Connector " + name + " not found");
        statuses.resetActiveTopics(name);
    }

    @Override
    public List<PartitionOffset> offsets(String name) {
        Map<String, String> config = require(configs.snapshot(), name, "Connector " + name + " not found");
        return offsetOperations.read(name, config, kindOf(config).type().equals("sink"));
    }

    @Override
    public String alterOffsets(String name, List<PartitionOffset> offsets) {
        return onLeader("the change of the offsets of connector " + name, () -> {
            Map<String, String> config = requireStopped(name);
            return offsetOperations.alter(name, config, offsets);
        });
    }

    @Override
    public String resetOffsets(String name) {
        return onLeader("the reset of the offsets of connector " + name, () -> {
            Map<String, String> config = requireStopped(name);
            return offsetOperations.reset(name, config);
        });
    }

    @Override
    public List<PluginInfo> plugins() {
        return support.plugins();
    }

    @Override
    public List<ConfigKey> pluginConfig(String plugin) {
        return support.pluginConfig(plugin);
    }

    @Override
    public ValidationReport validate(String connectorClass, Map<String, String> config) {
        return support.validate(connectorClass, config);
    }

    @Override
    public Map<String, LoggerLevel> loggers() {
        return support.loggers();
    }

    @Override
    public LoggerLevel logger(String logger) {
        return support.logger(logger);
    }

    @Override
    public List<String> setLoggerLevel(String logger, String level) {
        return support.setLoggerLevel(logger, level);
    }

    /**
     * Makes a change on the leader, after any rebalance under way, one change at a time, from the latest
     * configuration. A change whose writes were fenced off (another worker wrote in a later generation first,
     * because a rebalance began meanwhile) is made again once this worker is settled in that generation, if it
     * still leads; the waits last the settle wait in all, after which the change is refused as a conflict.
     */
    private <T> T onLeader(String what, Supplier<T> change) {
        long deadline = System.nanoTime() + settleWait.toNanos();
        int generation = 0;
        while (true) {
            awaitSettled(what, generation, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (!cluster.leads()) {
                URI leader = cluster.leaderUrl();
                if (leader == null) {
                    throw new ControlException(
                            Reason.CONFLICT, "Cannot complete " + what + ": no leader is known yet; retry in a moment");
                }
                throw new NotLeaderException(leader, what);
            }
            synchronized (changes) {
                try {
                    readToEnd();
                    return change.get();
                } catch (ConfigLog.FencedException e) {
                    LOG.info("Making {} again: {}", what, e.getMessage());
                    generation = e.generation();
                } catch (IllegalStateException e) {
                    throw new ControlException(
                            Reason.UNAVAILABLE,
                            "Cannot complete " + what + ": " + e.getMessage() + "; retry once Kafka answers",
                            e);
                }
            }
        }
    }

    private void awaitSettled(String what, int generation, Duration timeout) {
        try {
            if (!cluster.awaitSettled(generation, timeout)) {
                throw new ControlException(
                        Reason.CONFLICT,
                        "Cannot complete " + what + ": the cluster is rebalancing and did not settle within "
                                + settleWait.toSeconds() + " s; retry in a moment");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlException(Reason.UNAVAILABLE, "Interrupted while waiting for the cluster to settle");
        }
    }

    /** Waits until this worker has replayed everything written to the config topic so far. */
    private void readToEnd() {
        try {
            configs.readToEnd().get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlException(Reason.UNAVAILABLE, "Interrupted while reading the config topic");
        } catch (ExecutionException | TimeoutException e) {
            throw new ControlException(
                    Reason.UNAVAILABLE,
                    "The config topic could not be read to its end (" + (e.getCause() != null ? e.getCause() : e)
                            + "); check that the brokers are reachable, then retry",
                    e);
        }
    }

    private ConnectorKind kindOf(Map<String, String> config) {
        return support.kindOf(config.get(ConnectorConfig.CONNECTOR_CLASS));
    }

    private static Map<String, String> require(ClusterConfig.Snapshot now, String name, String notFound) {
        Map<String, String> config = now.connectors().get(name);
        if (config == null) {
            throw ControlException.notFound(notFound);
        }
        return config;
    }

    private Map<String, String> requireStopped(String name) {
        ClusterConfig.Snapshot now = configs.snapshot();
        Map<String, String> config = require(now, name, "Connector " + name + " not found");
        if (!stopped(now, name)) {
            throw ControlSupport.notStopped(name);
        }
        return config;
    }

    private static boolean stopped(ClusterConfig.Snapshot now, String name) {
        return now.targetStates().getOrDefault(name, TargetState.RUNNING) == TargetState.STOPPED;
    }

    private static List<TaskId> taskIds(ClusterConfig.Snapshot now, String name) {
        if (stopped(now, name)) {
            return List.of();
        }
        int count = now.taskConfigs().getOrDefault(name, List.of()).size();
        List<TaskId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(new TaskId(name, i));
        }
        return ids;
    }
}
