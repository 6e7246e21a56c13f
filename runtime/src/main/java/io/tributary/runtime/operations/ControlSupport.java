package io.tributary.runtime.operations;

import io.tributary.runtime.config.Redactor;
import io.tributary.runtime.control.ComponentStatus;
import io.tributary.runtime.control.ControlException;
import io.tributary.runtime.control.ControlException.Reason;
import io.tributary.runtime.control.LoggerLevel;
import io.tributary.runtime.control.PluginInfo;
import io.tributary.runtime.control.TaskInfo;
import io.tributary.runtime.control.ValidationReport;
import io.tributary.runtime.worker.ConnectorConfig;
import io.tributary.runtime.worker.State;
import io.tributary.runtime.worker.Status;
import io.tributary.runtime.worker.Worker;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.connector.Connector;
import io.tributary.sdk.connector.TaskId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers a standalone worker and a worker of a cluster give alike: plugins, validation, logger levels,
 * the Kafka cluster's id, and how configurations and statuses are shown. Thread-safe.
 */
public final class ControlSupport {
    private static final Logger LOG = LoggerFactory.getLogger(ControlSupport.class);

    /**
     * What the worker knows of a connector class.
     *
     * @param type {@code source}, {@code sink}, or {@code unknown} when this worker lacks the plugin
     * @param version the plugin's version; null when unknown
     * @param definition the settings it takes, the common ones included
     */
    public record ConnectorKind(String type, String version, ConfigDef definition) {}

    private final Worker worker;
    private final PluginCatalog catalog;
    private final LogLevels logLevels;
    private final Map<String, ConnectorKind> kinds = new ConcurrentHashMap<>();
    private volatile String clusterId;

    /**
     * @param worker the engine
     * @param catalog the worker's plugins
     * @param logLevels the process's logger levels
     */
    public ControlSupport(Worker worker, PluginCatalog catalog, LogLevels logLevels) {
        this.worker = worker;
        this.catalog = catalog;
        this.logLevels = logLevels;
    }

    /** @return the id of the Kafka cluster the worker uses, asked once */
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

    /**
     * @param connectorClass a connector class as a configuration names it
     * @return its type, version and settings; {@code unknown} when this worker cannot load it
     */
    public ConnectorKind kindOf(String connectorClass) {
        if (connectorClass == null) {
            return new ConnectorKind("unknown", null, ConnectorConfig.DEFINITION);
        }
        return kinds.computeIfAbsent(connectorClass, name -> {
            try {
                Connector instance = catalog.newConnector(name);
                return new ConnectorKind(
                        PluginCatalog.typeName(instance),
                        instance.version(),
                        PluginCatalog.connectorDefinition(instance));
            } catch (RuntimeException e) {
                LOG.warn("Connector class {} cannot be loaded on this worker: {}", name, e.toString());
                return new ConnectorKind("unknown", null, ConnectorConfig.DEFINITION);
            }
        });
    }

    /**
     * Refuses a connector configuration with every problem it has, in Kafka Connect's words.
     *
     * @param config the configuration, with its name
     * @throws ControlException a bad request listing each problem
     */
    public void throwIfInvalid(Map<String, String> config) {
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

    /**
     * @param name the connector the URL names
     * @param config a configuration for it
     * @return the configuration with its {@code name}
     * @throws ControlException if the configuration names another connector
     */
    public static Map<String, String> withName(String name, Map<String, String> config) {
        Map<String, String> withName = new LinkedHashMap<>(config);
        String named = withName.putIfAbsent(ConnectorConfig.NAME, name);
        if (named != null && !named.equals(name)) {
            throw ControlException.badRequest(
                    "Connector name configuration (" + named + ") doesn't match connector name in the URL (" + name
                            + "); make them the same, or leave 'name' out of the configuration");
        }
        return withName;
    }

    /**
     * @param current a connector's configuration
     * @param patch settings to set; a null value removes the setting
     * @return the patched configuration
     */
    public static Map<String, String> patched(Map<String, String> current, Map<String, String> patch) {
        Map<String, String> patched = new LinkedHashMap<>(current);
        patch.forEach((key, value) -> {
            if (value == null) {
                patched.remove(key);
            } else {
                patched.put(key, value);
            }
        });
        return patched;
    }

    /**
     * @param name a connector that is not stopped
     * @return the refusal of an offsets change, which needs the connector stopped
     */
    public static ControlException notStopped(String name) {
        return ControlException.badRequest("Connectors must be in the STOPPED state before their offsets can be"
                + " modified. This can be done for the specified connector by issuing a 'PUT' request to the"
                + " '/connectors/" + name + "/stop' endpoint");
    }

    /**
     * @param status a status as the engine keeps it
     * @param version the connector plugin's version
     * @return the status as the API shows it: a trace only when failed
     */
    public static ComponentStatus shown(Status status, String version) {
        return new ComponentStatus(
                status.state().name(),
                status.workerId(),
                status.state() == State.FAILED ? status.trace() : null,
                version);
    }

    /**
     * @param name a connector
     * @param config its configuration as written
     * @param definition its settings, to know which are secret
     * @param taskConfigs its task configurations
     * @return its tasks, with secrets hidden
     */
    public List<TaskInfo> taskInfos(
            String name, Map<String, String> config, ConfigDef definition, List<Map<String, String>> taskConfigs) {
        Map<String, String> resolved = taskConfigs.isEmpty() ? Map.of() : resolvedOrNone(config);
        List<TaskInfo> tasks = new ArrayList<>();
        for (int i = 0; i < taskConfigs.size(); i++) {
            tasks.add(new TaskInfo(
                    new TaskId(name, i), Redactor.hideSecretsOf(definition, config, resolved, taskConfigs.get(i))));
        }
        return tasks;
    }

    /** The connector's resolved configuration, or none when a provider fails now: secrets are then hidden by name. */
    private Map<String, String> resolvedOrNone(Map<String, String> config) {
        try {
            return worker.resolvedConfig(config);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Cannot resolve a connector's configuration to hide its secrets in task configurations: {}",
                    e.toString());
            return Map.of();
        }
    }

    /** @return every plugin class the worker can run, connectors first */
    public List<PluginInfo> plugins() {
        return catalog.list(false);
    }

    /**
     * @param plugin a plugin's class name or alias
     * @return its settings' definitions
     */
    public List<ConfigKey> pluginConfig(String plugin) {
        return catalog.config(plugin);
    }

    /**
     * Checks a connector configuration without running anything.
     *
     * @param connectorClass the connector class the path names
     * @param config the configuration
     * @return every setting with its problems
     */
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

    /** @return the loggers with a level set */
    public Map<String, LoggerLevel> loggers() {
        return logLevels.all();
    }

    /**
     * @param logger a logger's name
     * @return its level
     */
    public LoggerLevel logger(String logger) {
        return logLevels.level(logger);
    }

    /**
     * @param logger a logger's name
     * @param level its new level
     * @return the loggers whose level changed
     */
    public List<String> setLoggerLevel(String logger, String level) {
        return logLevels.set(logger, level);
    }
}
