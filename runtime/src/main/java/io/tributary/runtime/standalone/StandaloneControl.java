package io.tributary.runtime.standalone;

import io.tributary.runtime.config.Redactor;
import io.tributary.runtime.control.ComponentStatus;
import io.tributary.runtime.control.ConfigUpdate;
import io.tributary.runtime.control.ConnectorControl;
import io.tributary.runtime.control.ConnectorInfo;
import io.tributary.runtime.control.ControlException;
import io.tributary.runtime.control.ControlException.Reason;
import io.tributary.runtime.control.LoggerLevel;
import io.tributary.runtime.control.PartitionOffset;
import io.tributary.runtime.control.PluginInfo;
import io.tributary.runtime.control.StatusReport;
import io.tributary.runtime.control.TargetState;
import io.tributary.runtime.control.TaskInfo;
import io.tributary.runtime.control.TaskStatus;
import io.tributary.runtime.control.ValidationReport;
import io.tributary.runtime.operations.ConnectorOffsets;
import io.tributary.runtime.operations.ControlSupport;
import io.tributary.runtime.operations.LogLevels;
import io.tributary.runtime.operations.PluginCatalog;
import io.tributary.runtime.operations.RestartPlan;
import io.tributary.runtime.storage.OffsetStore;
import io.tributary.runtime.worker.ConnectorConfig;
import io.tributary.runtime.worker.State;
import io.tributary.runtime.worker.Status;
import io.tributary.runtime.worker.Worker;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.connector.Connector;
import io.tributary.sdk.connector.TaskId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the REST API for a standalone worker: connector configurations and target states are kept in
 * memory, in front of the {@link Worker} that runs them, and source offsets in the worker's offset store.
 * Changes are serialized; reads are not. Thread-safe.
 */
final class StandaloneControl implements ConnectorControl {
    private static final Logger LOG = LoggerFactory.getLogger(StandaloneControl.class);

    /** A connector as configured, whether or not it runs. */
    private record Configured(
            Map<String, String> config, TargetState target, String type, String version, ConfigDef definition) {
        Configured withTarget(TargetState state) {
            return new Configured(config, state, type, version, definition);
        }
    }

    private final Worker worker;
    private final PluginCatalog catalog;
    private final ConnectorOffsets offsetOperations;
    private final ControlSupport support;
    private final Map<String, Configured> connectors = new ConcurrentHashMap<>();

    StandaloneControl(Worker worker, PluginCatalog catalog, OffsetStore offsets, LogLevels logLevels) {
        this.worker = worker;
        this.catalog = catalog;
        this.offsetOperations = new ConnectorOffsets(worker, catalog, offsets);
        this.support = new ControlSupport(worker, catalog, logLevels);
    }

    @Override
    public String kafkaClusterId() {
        return support.kafkaClusterId();
    }

    @Override
    public List<String> connectors() {
        return connectors.keySet().stream().sorted().toList();
    }

    @Override
    public ConnectorInfo connector(String name) {
        Configured connector = require(name);
        return new ConnectorInfo(name, shown(connector), taskIds(name, connector), connector.type());
    }

    @Override
    public Map<String, String> connectorConfig(String name) {
        return shown(require(name));
    }

    @Override
    public synchronized ConfigUpdate putConnectorConfig(
            String name, Map<String, String> config, TargetState initialState, boolean allowReplace) {
        Map<String, String> withName = ControlSupport.withName(name, config);
        Configured existing = connectors.get(name);
        if (existing != null && !allowReplace) {
            throw new ControlException(Reason.ALREADY_EXISTS, "Connector " + name + " already exists");
        }
        support.throwIfInvalid(withName);
        Connector instance = catalog.newConnector(withName.get(ConnectorConfig.CONNECTOR_CLASS));
        TargetState target = existing != null ? existing.target() : initialState;
        Configured configured = new Configured(
                java.util.Collections.unmodifiableMap(withName),
                target,
                PluginCatalog.typeName(instance),
                instance.version(),
                PluginCatalog.connectorDefinition(instance));
        if (existing != null && existing.config().equals(configured.config()) && deployedAsConfigured(name)) {
            // The same configuration again: nothing to change, and nothing is restarted.
            return new ConfigUpdate(false, connector(name));
        }
        if (existing != null) {
            worker.stopConnector(name);
        }
        connectors.put(name, configured);
        apply(name, configured);
        LOG.info("Connector {} {}", name, existing == null ? "created" : "updated");
        return new ConfigUpdate(existing == null, connector(name));
    }

    @Override
    public synchronized ConnectorInfo patchConnectorConfig(String name, Map<String, String> patch) {
        Map<String, String> patched = ControlSupport.patched(require(name).config(), patch);
        return putConnectorConfig(name, patched, TargetState.RUNNING, true).connector();
    }

    /** Brings the worker to a connector's target state; the caller holds this object's lock. */
    private void apply(String name, Configured connector) {
        switch (connector.target()) {
            case RUNNING -> start(name, connector, false);
            case PAUSED -> start(name, connector, true);
            case STOPPED -> {
                worker.stopConnector(name);
                worker.statuses().connectorStatus(name, new Status(State.STOPPED, null, worker.workerId()));
                worker.statuses().retainTasks(name, 0);
            }
        }
    }

    /**
     * Starts a configured connector. A start that fails leaves the connector configured and FAILED, with the
     * reason in its status, as Kafka Connect does; a restart tries again.
     */
    private void start(String name, Configured connector, boolean paused) {
        try {
            worker.startConnector(connector.config(), paused);
        } catch (RuntimeException e) {
            LOG.error("Connector {} could not be started; it is FAILED until restarted: {}", name, e.toString(), e);
            worker.statuses().connectorStatus(name, Status.failed(worker.workerId(), e));
        }
    }

    /** @return whether the connector is where its target state wants it: running, or stopped and not running */
    private boolean deployedAsConfigured(String name) {
        Configured connector = connectors.get(name);
        return connector != null && deployed(name) == (connector.target() != TargetState.STOPPED);
    }

    /** @return whether the worker runs the connector now; it may not, after a start that failed */
    private boolean deployed(String name) {
        return worker.connectorConfig(name).isPresent();
    }

    @Override
    public StatusReport status(String name) {
        Configured connector = require(name, "No status found for connector " + name);
        Status own = worker.statuses().connector(name).orElse(new Status(State.UNASSIGNED, null, worker.workerId()));
        List<TaskStatus> tasks = connector.target() == TargetState.STOPPED
                ? List.of()
                : worker.statuses().tasks(name).stream()
                        .map(e -> new TaskStatus(e.getKey().task(), shown(e.getValue(), connector)))
                        .toList();
        return new StatusReport(name, shown(own, connector), tasks, connector.type());
    }

    @Override
    public TaskStatus taskStatus(TaskId id) {
        Configured connector = require(id.connector(), "No status found for task " + id);
        return worker.statuses()
                .task(id)
                .filter(s -> connector.target() != TargetState.STOPPED)
                .map(s -> new TaskStatus(id.task(), shown(s, connector)))
                .orElseThrow(() -> ControlException.notFound("No status found for task " + id));
    }

    private static ComponentStatus shown(Status status, Configured connector) {
        return ControlSupport.shown(status, connector.version());
    }

    @Override
    public List<TaskInfo> tasks(String name) {
        Configured connector = require(name);
        if (connector.target() == TargetState.STOPPED) {
            return List.of();
        }
        return support.taskInfos(
                name,
                connector.config(),
                connector.definition(),
                worker.taskConfigs(name).orElse(List.of()));
    }

    @Override
    public synchronized StatusReport restart(String name, boolean includeTasks, boolean onlyFailed) {
        Configured connector = require(name);
        StatusReport before = status(name);
        if (connector.target() == TargetState.STOPPED) {
            return before;
        }
        RestartPlan plan = RestartPlan.of(before, includeTasks, onlyFailed);
        if (!deployed(name)) {
            // Its last start failed: start it now, whole.
            start(name, connector, connector.target() == TargetState.PAUSED);
        } else if (plan.whole()) {
            worker.restartConnector(name);
        } else {
            if (plan.connector()) {
                worker.restartConnectorInstance(name);
            }
            for (int task : plan.tasks()) {
                if (task < worker.taskConfigs(name).orElse(List.of()).size()) {
                    // The connector may have given fewer tasks since the status was read.
                    worker.restartTask(new TaskId(name, task));
                }
            }
        }
        return plan.planned();
    }

    @Override
    public synchronized void restartTask(TaskId id) {
        Configured connector = require(id.connector());
        if (connector.target() == TargetState.STOPPED
                || id.task()
                        >= worker.taskConfigs(id.connector()).orElse(List.of()).size()) {
            throw unknownTask(id);
        }
        worker.restartTask(id);
    }

    @Override
    public synchronized void pause(String name) {
        Configured connector = require(name, "Unknown connector " + name);
        connectors.put(name, connector.withTarget(TargetState.PAUSED));
        if (deployed(name)) {
            worker.pauseConnector(name);
        } else {
            start(name, connector, true);
        }
        LOG.info("Connector {} paused", name);
    }

    @Override
    public synchronized void resume(String name) {
        Configured connector = require(name, "Unknown connector " + name);
        connectors.put(name, connector.withTarget(TargetState.RUNNING));
        if (deployed(name)) {
            worker.resumeConnector(name);
        } else {
            start(name, connector, false);
        }
        LOG.info("Connector {} resumed", name);
    }

    @Override
    public synchronized void stop(String name) {
        Configured connector = require(name, "Unknown connector " + name).withTarget(TargetState.STOPPED);
        connectors.put(name, connector);
        apply(name, connector);
        LOG.info("Connector {} stopped", name);
    }

    @Override
    public synchronized void delete(String name) {
        require(name);
        connectors.remove(name);
        worker.stopConnector(name);
        worker.statuses().remove(name);
        LOG.info("Connector {} deleted", name);
    }

    @Override
    public Set<String> activeTopics(String name) {
        require(name);
        return worker.statuses().activeTopics(name);
    }

    @Override
    public void resetActiveTopics(String name) {
        require(name);
        worker.statuses().resetActiveTopics(name);
    }

    @Override
    public List<PartitionOffset> offsets(String name) {
        Configured connector = require(name);
        return offsetOperations.read(name, connector.config(), connector.type().equals("sink"));
    }

    @Override
    public String alterOffsets(String name, List<PartitionOffset> changes) {
        // Only the state check holds the lock: the change itself waits on Kafka, and must not hold up others.
        Configured connector;
        synchronized (this) {
            connector = requireStopped(name);
        }
        return offsetOperations.alter(name, connector.config(), changes);
    }

    @Override
    public String resetOffsets(String name) {
        Configured connector;
        synchronized (this) {
            connector = requireStopped(name);
        }
        return offsetOperations.reset(name, connector.config());
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

    private Configured require(String name) {
        return require(name, "Connector " + name + " not found");
    }

    /** Finds a connector, or refuses with Kafka Connect's message for the request at hand. */
    private Configured require(String name, String notFound) {
        Configured connector = connectors.get(name);
        if (connector == null) {
            throw ControlException.notFound(notFound);
        }
        return connector;
    }

    private Configured requireStopped(String name) {
        Configured connector = require(name);
        if (connector.target() != TargetState.STOPPED) {
            throw ControlSupport.notStopped(name);
        }
        return connector;
    }

    private static ControlException unknownTask(TaskId id) {
        return ControlException.notFound("Task " + id + " not found");
    }

    private static Map<String, String> shown(Configured connector) {
        return Redactor.hidePasswords(connector.definition(), connector.config());
    }

    private List<TaskId> taskIds(String name, Configured connector) {
        if (connector.target() == TargetState.STOPPED) {
            return List.of();
        }
        int count = worker.taskConfigs(name).orElse(List.of()).size();
        List<TaskId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(new TaskId(name, i));
        }
        return ids;
    }
}
