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
import io.tributary.runtime.operations.LogLevels;
import io.tributary.runtime.operations.PluginCatalog;
import io.tributary.runtime.operations.RestartPlan;
import io.tributary.runtime.operations.SinkOffsets;
import io.tributary.runtime.storage.OffsetStore;
import io.tributary.runtime.worker.ConnectorConfig;
import io.tributary.runtime.worker.State;
import io.tributary.runtime.worker.Status;
import io.tributary.runtime.worker.Worker;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.connector.Connector;
import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.sink.SinkConnector;
import io.tributary.sdk.source.SourceConnector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/**
 * Answers the REST API for a standalone worker: connector configurations and target states are kept in
 * memory, in front of the {@link Worker} that runs them, and source offsets in the worker's offset store.
 * Changes are serialized; reads are not. Thread-safe.
 */
final class StandaloneControl implements ConnectorControl {
    /** A connector as configured, whether or not it runs. */
    private record Configured(
            Map<String, String> config, TargetState target, String type, String version, ConfigDef definition) {
        Configured withTarget(TargetState state) {
            return new Configured(config, state, type, version, definition);
        }
    }

    private final Worker worker;
    private final PluginCatalog catalog;
    private final OffsetStore offsets;
    private final LogLevels logLevels;
    private final Map<String, Configured> connectors = new ConcurrentHashMap<>();
    private volatile String clusterId;

    StandaloneControl(Worker worker, PluginCatalog catalog, OffsetStore offsets, LogLevels logLevels) {
        this.worker = worker;
        this.catalog = catalog;
        this.offsets = offsets;
        this.logLevels = logLevels;
    }

    @Override
    public String kafkaClusterId() {
        String id = clusterId;
        if (id == null) {
            try (Admin admin = Admin.create(worker.adminSettings(Map.of()))) {
                id = admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ControlException(Reason.UNAVAILABLE, "Interrupted while asking Kafka for its cluster id");
            } catch (ExecutionException | TimeoutException e) {
                throw new ControlException(
                        Reason.UNAVAILABLE,
                        "Kafka did not tell its cluster id (" + e + "); check that bootstrap.servers is reachable",
                        e);
            }
            clusterId = id;
        }
        return id;
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
        Map<String, String> withName = new LinkedHashMap<>(config);
        String named = withName.putIfAbsent(ConnectorConfig.NAME, name);
        if (named != null && !named.equals(name)) {
            throw ControlException.badRequest(
                    "Connector name configuration (" + named + ") doesn't match connector name" + " in the URL (" + name
                            + "); make them the same, or leave 'name' out of the configuration");
        }
        Configured existing = connectors.get(name);
        if (existing != null && !allowReplace) {
            throw new ControlException(Reason.ALREADY_EXISTS, "Connector " + name + " already exists");
        }
        throwIfInvalid(withName);
        Connector instance = catalog.newConnector(withName.get(ConnectorConfig.CONNECTOR_CLASS));
        TargetState target = existing != null ? existing.target() : initialState;
        Configured configured = new Configured(
                java.util.Collections.unmodifiableMap(withName),
                target,
                PluginCatalog.typeName(instance),
                instance.version(),
                PluginCatalog.connectorDefinition(instance));
        if (existing != null) {
            worker.stopConnector(name);
        }
        connectors.put(name, configured);
        apply(name, configured);
        return new ConfigUpdate(existing == null, connector(name));
    }

    @Override
    public synchronized ConnectorInfo patchConnectorConfig(String name, Map<String, String> patch) {
        Map<String, String> patched = new LinkedHashMap<>(require(name).config());
        patch.forEach((key, value) -> {
            if (value == null) {
                patched.remove(key);
            } else {
                patched.put(key, value);
            }
        });
        return putConnectorConfig(name, patched, TargetState.RUNNING, true).connector();
    }

    private void throwIfInvalid(Map<String, String> config) {
        ConfigValidation validation = worker.validate(config);
        if (!validation.hasErrors()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        validation.errors().forEach((setting, messages) -> messages.forEach(m -> problems.add(setting + ": " + m)));
        throw ControlException.badRequest("Connector configuration is invalid and contains the following "
                + problems.size() + " error(s):\n" + String.join("\n", problems)
                + "\nYou can also find the above list of errors at the endpoint"
                + " `/connector-plugins/{connectorType}/config/validate`");
    }

    /** Brings the worker to a connector's target state; the caller holds this object's lock. */
    private void apply(String name, Configured connector) {
        switch (connector.target()) {
            case RUNNING -> worker.startConnector(connector.config(), false);
            case PAUSED -> worker.startConnector(connector.config(), true);
            case STOPPED -> {
                worker.stopConnector(name);
                worker.statuses().connectorStatus(name, new Status(State.STOPPED, null, worker.workerId()));
                worker.statuses().retainTasks(name, 0);
            }
        }
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
        return new ComponentStatus(
                status.state().name(),
                status.workerId(),
                status.state() == State.FAILED ? status.trace() : null,
                connector.version());
    }

    @Override
    public List<TaskInfo> tasks(String name) {
        Configured connector = require(name);
        if (connector.target() == TargetState.STOPPED) {
            return List.of();
        }
        List<Map<String, String>> configs = worker.taskConfigs(name).orElse(List.of());
        List<TaskInfo> tasks = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            tasks.add(
                    new TaskInfo(new TaskId(name, i), Redactor.hidePasswords(connector.definition(), configs.get(i))));
        }
        return tasks;
    }

    @Override
    public synchronized StatusReport restart(String name, boolean includeTasks, boolean onlyFailed) {
        Configured connector = require(name);
        StatusReport before = status(name);
        if (connector.target() == TargetState.STOPPED) {
            return before;
        }
        RestartPlan plan = RestartPlan.of(before, includeTasks, onlyFailed);
        if (plan.whole()) {
            worker.restartConnector(name);
        } else {
            if (plan.connector()) {
                worker.restartConnectorInstance(name);
            }
            plan.tasks().forEach(task -> worker.restartTask(new TaskId(name, task)));
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
        if (connector.target() == TargetState.STOPPED) {
            worker.startConnector(connector.config(), true);
        } else {
            worker.pauseConnector(name);
        }
    }

    @Override
    public synchronized void resume(String name) {
        Configured connector = require(name, "Unknown connector " + name);
        connectors.put(name, connector.withTarget(TargetState.RUNNING));
        if (connector.target() == TargetState.STOPPED) {
            worker.startConnector(connector.config(), false);
        } else {
            worker.resumeConnector(name);
        }
    }

    @Override
    public synchronized void stop(String name) {
        Configured connector = require(name, "Unknown connector " + name).withTarget(TargetState.STOPPED);
        connectors.put(name, connector);
        apply(name, connector);
    }

    @Override
    public synchronized void delete(String name) {
        require(name);
        connectors.remove(name);
        worker.stopConnector(name);
        worker.statuses().remove(name);
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
        if (connector.type().equals("sink")) {
            try (Admin admin = Admin.create(worker.adminSettings(connector.config()))) {
                return SinkOffsets.read(admin, worker.consumerGroup(name, connector.config()));
            }
        }
        List<PartitionOffset> list = new ArrayList<>();
        offsets.allOffsets(name).forEach((partition, offset) -> list.add(new PartitionOffset(partition, offset)));
        list.sort(Comparator.comparing(p -> String.valueOf(p.partition())));
        return list;
    }

    @Override
    public synchronized String alterOffsets(String name, List<PartitionOffset> changes) {
        Configured connector = requireStopped(name);
        Connector instance = catalog.newConnector(connector.config().get(ConnectorConfig.CONNECTOR_CLASS));
        boolean managedByConnector;
        if (instance instanceof SinkConnector sink) {
            Map<org.apache.kafka.common.TopicPartition, Long> asked = SinkOffsets.parse(changes);
            Map<TopicPartition, Long> view = new LinkedHashMap<>();
            asked.forEach((tp, offset) -> view.put(new TopicPartition(tp.topic(), tp.partition()), offset));
            managedByConnector = askConnector(() -> sink.alterOffsets(connector.config(), view));
            try (Admin admin = Admin.create(worker.adminSettings(connector.config()))) {
                SinkOffsets.alter(admin, worker.consumerGroup(name, connector.config()), asked);
            }
        } else {
            Map<Map<String, Object>, Map<String, Object>> asked = sourceOffsets(changes);
            SourceConnector source = (SourceConnector) instance;
            Map<Map<String, ?>, Map<String, ?>> view = new LinkedHashMap<>(asked);
            managedByConnector = askConnector(() -> source.alterOffsets(connector.config(), view));
            offsets.commit(name, asked);
        }
        return managedByConnector
                ? "The offsets for this connector have been altered successfully"
                : "The Connect framework-managed offsets for this connector have been altered successfully. However,"
                        + " if this connector manages offsets externally, they will need to be manually altered in the"
                        + " system that the connector uses.";
    }

    @Override
    public synchronized String resetOffsets(String name) {
        Configured connector = requireStopped(name);
        Connector instance = catalog.newConnector(connector.config().get(ConnectorConfig.CONNECTOR_CLASS));
        boolean managedByConnector;
        if (instance instanceof SinkConnector sink) {
            Map<TopicPartition, Long> erased = new LinkedHashMap<>();
            for (PartitionOffset current : offsets(name)) {
                erased.put(
                        new TopicPartition(
                                String.valueOf(current.partition().get(SinkOffsets.TOPIC)),
                                ((Number) current.partition().get(SinkOffsets.PARTITION)).intValue()),
                        null);
            }
            managedByConnector = askConnector(() -> sink.alterOffsets(connector.config(), erased));
            try (Admin admin = Admin.create(worker.adminSettings(connector.config()))) {
                SinkOffsets.reset(admin, worker.consumerGroup(name, connector.config()));
            }
        } else {
            Map<Map<String, Object>, Map<String, Object>> erased = new LinkedHashMap<>();
            offsets.allOffsets(name).keySet().forEach(partition -> erased.put(partition, null));
            Map<Map<String, ?>, Map<String, ?>> view = new LinkedHashMap<>(erased);
            managedByConnector =
                    askConnector(() -> ((SourceConnector) instance).alterOffsets(connector.config(), view));
            offsets.commit(name, erased);
        }
        return managedByConnector
                ? "The offsets for this connector have been reset successfully"
                : "The Connect framework-managed offsets for this connector have been reset successfully. However, if"
                        + " this connector manages offsets externally, they will need to be manually reset in the system"
                        + " that the connector uses.";
    }

    private static Map<Map<String, Object>, Map<String, Object>> sourceOffsets(List<PartitionOffset> changes) {
        Map<Map<String, Object>, Map<String, Object>> asked = new LinkedHashMap<>();
        for (PartitionOffset change : changes) {
            if (change.partition() == null) {
                throw ControlException.badRequest("Every source offset needs a 'partition' object, the connector's"
                        + " own source partition as GET /connectors/{name}/offsets shows it; one has none");
            }
            asked.put(change.partition(), change.offset());
        }
        return asked;
    }

    private static boolean askConnector(java.util.function.BooleanSupplier call) {
        try {
            return call.getAsBoolean();
        } catch (RuntimeException e) {
            throw ControlException.badRequest("The connector refused the offsets: " + e.getMessage());
        }
    }

    @Override
    public List<PluginInfo> plugins() {
        return catalog.list(false);
    }

    @Override
    public List<ConfigKey> pluginConfig(String plugin) {
        return catalog.config(plugin);
    }

    @Override
    public ValidationReport validate(String connectorClass, Map<String, String> config) {
        String asked = catalog.canonical(connectorClass);
        Map<String, String> checked = new LinkedHashMap<>(config);
        String given = checked.putIfAbsent(ConnectorConfig.CONNECTOR_CLASS, connectorClass);
        if (given != null && !sameConnector(given, connectorClass, asked)) {
            throw ControlException.badRequest("Included connector type " + given + " does not match request type "
                    + connectorClass + "; validate it at /connector-plugins/" + given + "/config/validate");
        }
        return catalog.report(given != null ? given : connectorClass, worker.validate(checked));
    }

    /** Whether a configuration's connector.class names the connector the path names, as Kafka Connect judges it. */
    private boolean sameConnector(String given, String path, String pathClass) {
        if (withoutSuffix(given).endsWith(withoutSuffix(path))) {
            return true;
        }
        try {
            return catalog.canonical(given).equals(pathClass);
        } catch (ControlException e) {
            return false;
        }
    }

    private static String withoutSuffix(String name) {
        String trimmed = name.trim();
        return trimmed.endsWith("Connector") && trimmed.length() > "Connector".length()
                ? trimmed.substring(0, trimmed.length() - "Connector".length())
                : trimmed;
    }

    @Override
    public Map<String, LoggerLevel> loggers() {
        return logLevels.all();
    }

    @Override
    public LoggerLevel logger(String logger) {
        return logLevels.level(logger);
    }

    @Override
    public List<String> setLoggerLevel(String logger, String level) {
        return logLevels.set(logger, level);
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
            throw ControlException.badRequest("Connectors must be in the STOPPED state before their offsets can be"
                    + " modified. This can be done for the specified connector by issuing a 'PUT' request to the"
                    + " '/connectors/" + name + "/stop' endpoint");
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
