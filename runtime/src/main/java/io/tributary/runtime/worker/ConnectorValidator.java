package io.tributary.runtime.worker;

import io.tributary.runtime.plugins.PluginFactory;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.config.ConfigValue;
import io.tributary.sdk.connector.Connector;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.sink.SinkConnector;
import io.tributary.sdk.source.SourceConnector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a connector configuration without running anything: the common settings, the connector's own
 * {@code validate}, sink topics, topic creation, client overrides against the worker's policy, and the
 * transformations. Every problem is reported under the setting it concerns, as the REST API's validate
 * endpoint shows them.
 */
final class ConnectorValidator {
    private final WorkerConfig worker;
    private final PluginFactory plugins;
    private final ClientConfigs clients;
    private final TaskFactory taskFactory;

    ConnectorValidator(WorkerConfig worker, PluginFactory plugins, ClientConfigs clients, TaskFactory taskFactory) {
        this.worker = worker;
        this.plugins = plugins;
        this.clients = clients;
        this.taskFactory = taskFactory;
    }

    /**
     * @param connectorConfig a configuration with config-provider references already resolved
     * @return every setting's problems
     */
    ConfigValidation validate(Map<String, String> connectorConfig) {
        ConfigValidation validation = ConnectorConfig.DEFINITION.validate(connectorConfig);
        String connectorClass = connectorConfig.get(ConnectorConfig.CONNECTOR_CLASS);
        if (connectorClass != null && !connectorClass.isBlank()) {
            try {
                Connector connector = plugins.newPlugin(connectorClass, Connector.class);
                validation = merge(validation, connector.validate(connectorConfig));
                if (connector instanceof SinkConnector) {
                    validation = checkSinkTopics(validation, connectorConfig);
                }
                if (connector instanceof SourceConnector
                        && worker.parsed().getBoolean(WorkerConfig.TOPIC_CREATION_ENABLE)) {
                    validation = merge(validation, TopicCreationConfig.validate(connectorConfig));
                }
            } catch (ConfigException e) {
                validation = validation.withError(ConnectorConfig.CONNECTOR_CLASS, e.getMessage());
            }
        }
        for (String violation : clients.policyViolations(connectorConfig)) {
            validation = validation.withError(ConnectorConfig.CONNECTOR_CLASS, violation);
        }
        try {
            taskFactory.checkTransforms(connectorConfig);
        } catch (ConfigException e) {
            for (String problem : e.problems()) {
                validation = validation.withError(ConnectorConfig.TRANSFORMS, problem);
            }
        }
        return validation;
    }

    /** Adds a connector's own outcomes to the common ones, without repeating a message twice. */
    private static ConfigValidation merge(ConfigValidation common, ConfigValidation own) {
        List<ConfigValue> merged = new ArrayList<>(common.values());
        for (ConfigValue value : own.values()) {
            Optional<ConfigValue> existing = common.value(value.name());
            if (existing.isEmpty()) {
                merged.add(value);
            }
        }
        ConfigValidation result = new ConfigValidation(merged);
        for (ConfigValue value : own.values()) {
            Optional<ConfigValue> existing = common.value(value.name());
            if (existing.isPresent()) {
                for (String message : value.errorMessages()) {
                    if (!existing.get().errorMessages().contains(message)) {
                        result = result.withError(value.name(), message);
                    }
                }
            }
        }
        return result;
    }

    private static ConfigValidation checkSinkTopics(ConfigValidation validation, Map<String, String> config) {
        boolean topics = !config.getOrDefault(ConnectorConfig.TOPICS, "").isBlank();
        boolean regex = !config.getOrDefault(ConnectorConfig.TOPICS_REGEX, "").isBlank();
        if (topics == regex) {
            return validation.withError(
                    ConnectorConfig.TOPICS,
                    "A sink connector needs exactly one of 'topics' (a list) and 'topics.regex' (a pattern)");
        }
        return validation;
    }
}
