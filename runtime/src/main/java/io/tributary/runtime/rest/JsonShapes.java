package io.tributary.runtime.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.runtime.control.ComponentStatus;
import io.tributary.runtime.control.ConnectorInfo;
import io.tributary.runtime.control.LoggerLevel;
import io.tributary.runtime.control.PartitionOffset;
import io.tributary.runtime.control.PluginInfo;
import io.tributary.runtime.control.SettingReport;
import io.tributary.runtime.control.StatusReport;
import io.tributary.runtime.control.TaskInfo;
import io.tributary.runtime.control.TaskStatus;
import io.tributary.runtime.control.ValidationReport;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ConfigValue;
import io.tributary.sdk.config.Password;
import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.plugin.Versioned;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Writes the engine's answers as Kafka Connect's REST API shapes them, field names and all. */
final class JsonShapes {
    private final ObjectMapper json;

    JsonShapes(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode error(int status, String message) {
        return json.createObjectNode().put("error_code", status).put("message", message);
    }

    ObjectNode message(String message) {
        return json.createObjectNode().put("message", message);
    }

    ObjectNode connectorInfo(ConnectorInfo info) {
        ObjectNode node = json.createObjectNode().put("name", info.name());
        node.set("config", config(info.config()));
        ArrayNode tasks = node.putArray("tasks");
        info.tasks().forEach(id -> tasks.add(taskId(id)));
        node.put("type", info.type());
        return node;
    }

    ObjectNode config(Map<String, String> config) {
        ObjectNode node = json.createObjectNode();
        config.forEach(node::put);
        return node;
    }

    ObjectNode taskId(TaskId id) {
        return json.createObjectNode().put("connector", id.connector()).put("task", id.task());
    }

    ArrayNode tasks(List<TaskInfo> tasks) {
        ArrayNode array = json.createArrayNode();
        for (TaskInfo task : tasks) {
            ObjectNode node = array.addObject();
            node.set("id", taskId(task.id()));
            node.set("config", config(task.config()));
        }
        return array;
    }

    ObjectNode status(StatusReport report) {
        ObjectNode node = json.createObjectNode().put("name", report.name());
        node.set("connector", componentStatus(json.createObjectNode(), report.connector()));
        ArrayNode tasks = node.putArray("tasks");
        report.tasks().forEach(task -> tasks.add(taskStatus(task)));
        node.put("type", report.type());
        return node;
    }

    ObjectNode taskStatus(TaskStatus task) {
        return componentStatus(json.createObjectNode().put("id", task.id()), task.status());
    }

    private static ObjectNode componentStatus(ObjectNode node, ComponentStatus status) {
        node.put("state", status.state());
        if (status.trace() != null) {
            node.put("trace", status.trace());
        }
        node.put("worker_id", status.workerId());
        if (status.version() != null) {
            node.put("version", status.version());
        }
        return node;
    }

    ObjectNode activeTopics(String connector, Set<String> topics) {
        ObjectNode node = json.createObjectNode();
        ArrayNode array = node.putObject(connector).putArray("topics");
        topics.forEach(array::add);
        return node;
    }

    ObjectNode offsets(List<PartitionOffset> offsets) {
        ObjectNode node = json.createObjectNode();
        ArrayNode array = node.putArray("offsets");
        for (PartitionOffset offset : offsets) {
            ObjectNode entry = array.addObject();
            entry.set("partition", json.valueToTree(offset.partition()));
            entry.set("offset", json.valueToTree(offset.offset()));
        }
        return node;
    }

    ArrayNode plugins(List<PluginInfo> plugins) {
        ArrayNode array = json.createArrayNode();
        for (PluginInfo plugin : plugins) {
            ObjectNode node = array.addObject().put("class", plugin.className()).put("type", plugin.type());
            if (!Versioned.UNKNOWN_VERSION.equals(plugin.version())) {
                node.put("version", plugin.version());
            }
        }
        return array;
    }

    ArrayNode configKeys(List<ConfigKey> keys) {
        ArrayNode array = json.createArrayNode();
        keys.forEach(key -> array.add(configKey(key)));
        return array;
    }

    private ObjectNode configKey(ConfigKey key) {
        ObjectNode node = json.createObjectNode()
                .put("name", key.name())
                .put("type", key.type().name())
                .put("required", !key.hasDefault())
                .put("default_value", key.hasDefault() ? shown(key.type(), key.defaultValue()) : null)
                .put("importance", key.importance().name())
                .put("documentation", key.documentation())
                .put("group", key.group())
                .put("width", key.width().name())
                .put("display_name", key.displayName() != null ? key.displayName() : key.name());
        ArrayNode dependents = node.putArray("dependents");
        key.dependents().forEach(dependents::add);
        node.put("order_in_group", key.group() == null ? -1 : key.orderInGroup());
        return node;
    }

    ObjectNode validation(ValidationReport report) {
        ObjectNode node = json.createObjectNode().put("name", report.name()).put("error_count", report.errorCount());
        ArrayNode groups = node.putArray("groups");
        report.groups().forEach(groups::add);
        ArrayNode configs = node.putArray("configs");
        for (SettingReport setting : report.configs()) {
            ObjectNode entry = configs.addObject();
            entry.set("definition", configKey(setting.definition()));
            entry.set("value", configValue(setting.definition().type(), setting.value()));
        }
        return node;
    }

    private ObjectNode configValue(ConfigDef.Type type, ConfigValue value) {
        ObjectNode node = json.createObjectNode().put("name", value.name()).put("value", shown(type, value.value()));
        ArrayNode recommended = node.putArray("recommended_values");
        value.recommendedValues().forEach(v -> recommended.add(shown(type, v)));
        ArrayNode errors = node.putArray("errors");
        value.errorMessages().forEach(errors::add);
        node.put("visible", value.visible());
        return node;
    }

    ObjectNode loggers(Map<String, LoggerLevel> loggers) {
        ObjectNode node = json.createObjectNode();
        loggers.forEach((name, level) -> node.set(name, logger(level)));
        return node;
    }

    ObjectNode logger(LoggerLevel level) {
        return json.createObjectNode().put("level", level.level()).put("last_modified", level.lastModified());
    }

    ArrayNode strings(Collection<String> values) {
        ArrayNode array = json.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    JsonNode tree(Object value) {
        return json.valueToTree(value);
    }

    /** A value as Kafka Connect prints it: lists comma-separated, passwords hidden, null as null. */
    private static String shown(ConfigDef.Type type, Object value) {
        if (value == null) {
            return null;
        }
        if (type == ConfigDef.Type.PASSWORD || value instanceof Password) {
            return Password.HIDDEN;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (value instanceof Class<?> type1) {
            return type1.getName();
        }
        return String.valueOf(value);
    }
}
