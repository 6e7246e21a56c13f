package io.tributary.runtime.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.runtime.control.ControlException;
import io.tributary.runtime.control.PartitionOffset;
import io.tributary.runtime.control.TargetState;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads request bodies, checking their shape and saying exactly what is wrong when it is not the expected
 * one: the field, what it should be, and what it was.
 */
final class RequestBodies {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final ObjectMapper json;

    RequestBodies(ObjectMapper json) {
        this.json = json;
    }

    /** A request to create a connector. */
    record CreateConnector(String name, Map<String, String> config, TargetState initialState) {}

    JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ControlException.badRequest("The request needs a JSON body, and it was empty");
        }
        try {
            // Trailing text after the document is refused, as a half-pasted or doubled body would be silently cut.
            return json.reader()
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw ControlException.badRequest("The request body is not valid JSON" + where + ": "
                    + e.getOriginalMessage() + "; send a JSON document with Content-Type: application/json");
        }
    }

    CreateConnector createConnector(JsonNode body) {
        requireObject(body, "The request body");
        checkFields(body, "The request body", List.of("name", "config", "initial_state"));
        JsonNode name = body.get("name");
        JsonNode configNode = body.get("config");
        if (configNode == null || configNode.isNull()) {
            throw ControlException.badRequest(
                    "The request body needs a 'config' object of settings, as in {\"name\": \"my-connector\","
                            + " \"config\": {\"connector.class\": \"...\"}}");
        }
        Map<String, String> config = config(configNode, false);
        String named;
        if (name == null || name.isNull()) {
            named = config.get("name");
        } else if (!name.isTextual()) {
            throw ControlException.badRequest("Field 'name' must be a string, got " + describe(name));
        } else {
            named = name.asText();
        }
        if (named == null || named.isBlank()) {
            throw ControlException.badRequest("A connector needs a name: give 'name' in the request body, as in"
                    + " {\"name\": \"my-connector\", \"config\": {...}}");
        }
        named = named.trim();
        if (named.contains("/") || named.chars().anyMatch(Character::isISOControl)) {
            throw ControlException.badRequest(
                    "Connector name '" + named.replaceAll("\\p{Cntrl}", "?") + "' holds a '/' or"
                            + " a control character, which cannot be used in the API's paths; choose another name");
        }
        String inConfig = config.get("name");
        if (inConfig != null && !inConfig.equals(named)) {
            throw ControlException.badRequest("The connector's name is '" + named + "' but its config says 'name' is '"
                    + inConfig + "'; make them the same, or leave 'name' out of the config");
        }
        return new CreateConnector(named, config, initialState(body.get("initial_state")));
    }

    private static TargetState initialState(JsonNode node) {
        if (node == null || node.isNull()) {
            return TargetState.RUNNING;
        }
        if (node.isTextual()) {
            try {
                return TargetState.valueOf(node.asText().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw ControlException.badRequest(
                "Field 'initial_state' must be one of RUNNING, PAUSED or STOPPED, got " + describe(node));
    }

    /**
     * @param node a JSON object of settings
     * @param allowNulls whether a null value is allowed (it removes the setting in a PATCH)
     * @return the settings; numbers and booleans are taken as their text, as Kafka Connect does
     */
    Map<String, String> config(JsonNode node, boolean allowNulls) {
        requireObject(node, "The connector configuration");
        Map<String, String> config = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull() && allowNulls) {
                config.put(field.getKey(), null);
            } else if (value.isValueNode() && !value.isNull()) {
                config.put(field.getKey(), value.asText());
            } else {
                throw ControlException.badRequest("Setting '" + field.getKey() + "' must be a string"
                        + (allowNulls ? ", or null to remove it" : "") + ", got " + describe(value));
            }
        }
        return config;
    }

    List<PartitionOffset> offsets(JsonNode body) {
        requireObject(body, "The request body");
        checkFields(body, "The request body", List.of("offsets"));
        JsonNode offsets = body.get("offsets");
        if (offsets == null || !offsets.isArray()) {
            throw ControlException.badRequest("The request body needs an 'offsets' array, as in {\"offsets\": [{"
                    + "\"partition\": {...}, \"offset\": {...}}]}; got "
                    + (offsets == null ? "none" : describe(offsets)));
        }
        List<PartitionOffset> parsed = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : offsets) {
            String where = "offsets[" + index++ + "]";
            requireObject(entry, where);
            checkFields(entry, where, List.of("partition", "offset"));
            JsonNode partition = entry.get("partition");
            if (partition == null || !partition.isObject()) {
                throw ControlException.badRequest(where + " needs a 'partition' object, got "
                        + (partition == null ? "none" : describe(partition)));
            }
            JsonNode offset = entry.get("offset");
            if (offset != null && !offset.isNull() && !offset.isObject()) {
                throw ControlException.badRequest(
                        where + ": 'offset' must be an object, or null to erase the offset, got " + describe(offset));
            }
            parsed.add(new PartitionOffset(
                    json.convertValue(partition, OBJECT),
                    offset == null || offset.isNull() ? null : json.convertValue(offset, OBJECT)));
        }
        if (parsed.isEmpty()) {
            throw ControlException.badRequest(
                    "Partitions / offsets need to be provided for an alter offsets request; list at least one, or use DELETE to reset every offset");
        }
        return parsed;
    }

    String level(JsonNode body) {
        requireObject(body, "The request body");
        checkFields(body, "The request body", List.of("level"));
        JsonNode level = body.get("level");
        if (level == null || !level.isTextual()) {
            throw ControlException.badRequest("The request body needs a 'level' string, as in {\"level\": \"DEBUG\"};"
                    + " got " + (level == null ? "none" : describe(level)));
        }
        return level.asText();
    }

    private static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw ControlException.badRequest(what + " must be a JSON object, got " + describe(node));
        }
    }

    private static void checkFields(JsonNode node, String what, List<String> known) {
        node.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                throw ControlException.badRequest(
                        what + " has an unknown field '" + field + "'; the fields it takes are " + known);
            }
        });
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        String text = node.toString();
        String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + shown;
    }
}
