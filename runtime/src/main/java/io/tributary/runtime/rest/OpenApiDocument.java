package io.tributary.runtime.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.0 description of the REST API, served at {@code GET /openapi.json}. Operations are listed
 * here, the shapes of bodies in {@code openapi-components.json} beside this class; a test checks that the
 * operations are exactly the routes the server has, and that the copy kept in the repository is this
 * document.
 */
final class OpenApiDocument {
    /** One query parameter. */
    record Query(String name, String type, String description) {}

    /** One operation: a method on a path, what it takes and what it answers. */
    record Operation(
            String method,
            String path,
            String summary,
            List<Query> query,
            String requestSchema,
            Map<Integer, String> answers) {}

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final Map<String, String> PATH_PARAMS = Map.of(
            "name", "The connector's name.",
            "task", "The task's number, from 0.",
            "plugin", "A plugin's class name, simple name, or simple name without its kind's suffix.",
            "logger", "A logger's name, or root.");

    private static final Query FORWARD =
            new Query("forward", "boolean", "Set by Kafka Connect workers forwarding a request; ignored.");

    static final List<Operation> OPERATIONS = List.of(
            op("get", "/", "The worker's version and the id of its Kafka cluster", List.of(), null, 200, "ServerInfo"),
            op("get", "/health", "Whether the worker is ready for requests", List.of(), null, 200, "Health"),
            op("get", "/openapi.json", "This document", List.of(), null, 200, null),
            op(
                    "get",
                    "/connectors",
                    "The connectors' names; with expand, their status and/or info by name",
                    List.of(new Query(
                            "expand", "string", "status or info; repeat it, or separate with commas, for both")),
                    null,
                    200,
                    "ExpandedConnectors"),
            op("post", "/connectors", "Creates a connector", List.of(FORWARD), "CreateConnector", 201, "ConnectorInfo"),
            op(
                    "get",
                    "/connectors/{name}",
                    "A connector's configuration and tasks",
                    List.of(),
                    null,
                    200,
                    "ConnectorInfo"),
            op(
                    "delete",
                    "/connectors/{name}",
                    "Stops and deletes a connector; its offsets stay",
                    List.of(FORWARD),
                    null,
                    204,
                    null),
            op(
                    "get",
                    "/connectors/{name}/config",
                    "A connector's configuration, passwords hidden",
                    List.of(),
                    null,
                    200,
                    "ConnectorConfig"),
            op2(
                    "put",
                    "/connectors/{name}/config",
                    "Creates a connector (201) or replaces its configuration (200)",
                    List.of(FORWARD),
                    "ConnectorConfig",
                    201,
                    200,
                    "ConnectorInfo"),
            op(
                    "patch",
                    "/connectors/{name}/config",
                    "Changes some settings of a connector",
                    List.of(FORWARD),
                    "ConfigPatch",
                    200,
                    "ConnectorInfo"),
            op(
                    "get",
                    "/connectors/{name}/status",
                    "A connector's status and its tasks'",
                    List.of(),
                    null,
                    200,
                    "ConnectorStatus"),
            op2(
                    "post",
                    "/connectors/{name}/restart",
                    "Restarts a connector (204) or, with either flag, also its tasks (202, with what restarts)",
                    List.of(
                            new Query("includeTasks", "boolean", "Restart the tasks too; default false."),
                            new Query("onlyFailed", "boolean", "Restart only what failed; default false."),
                            FORWARD),
                    null,
                    202,
                    204,
                    "ConnectorStatus"),
            op("put", "/connectors/{name}/pause", "Pauses a connector's tasks", List.of(FORWARD), null, 202, null),
            op(
                    "put",
                    "/connectors/{name}/resume",
                    "Resumes a paused or stopped connector",
                    List.of(FORWARD),
                    null,
                    202,
                    null),
            op(
                    "put",
                    "/connectors/{name}/stop",
                    "Stops a connector and its tasks, keeping its configuration",
                    List.of(FORWARD),
                    null,
                    204,
                    null),
            op(
                    "get",
                    "/connectors/{name}/topics",
                    "The topics a connector read or wrote",
                    List.of(),
                    null,
                    200,
                    "ActiveTopics"),
            op(
                    "put",
                    "/connectors/{name}/topics/reset",
                    "Forgets the topics a connector read or wrote",
                    List.of(),
                    null,
                    202,
                    null),
            op("get", "/connectors/{name}/offsets", "A connector's committed offsets", List.of(), null, 200, "Offsets"),
            op(
                    "patch",
                    "/connectors/{name}/offsets",
                    "Changes offsets of a STOPPED connector",
                    List.of(FORWARD),
                    "Offsets",
                    200,
                    "Message"),
            op(
                    "delete",
                    "/connectors/{name}/offsets",
                    "Erases the offsets of a STOPPED connector",
                    List.of(FORWARD),
                    null,
                    200,
                    "Message"),
            op(
                    "get",
                    "/connectors/{name}/tasks",
                    "A connector's tasks and their configurations",
                    List.of(),
                    null,
                    200,
                    "TaskInfo[]"),
            op("get", "/connectors/{name}/tasks/{task}/status", "A task's status", List.of(), null, 200, "TaskState"),
            op("post", "/connectors/{name}/tasks/{task}/restart", "Restarts a task", List.of(FORWARD), null, 204, null),
            op(
                    "get",
                    "/connector-plugins",
                    "The plugins: sink connectors, source connectors, then the other kinds",
                    List.of(new Query("connectorsOnly", "boolean", "List connectors only; default true.")),
                    null,
                    200,
                    "PluginInfo[]"),
            op(
                    "get",
                    "/connector-plugins/{plugin}/config",
                    "A plugin's settings",
                    List.of(),
                    null,
                    200,
                    "ConfigKeyInfo[]"),
            op(
                    "put",
                    "/connector-plugins/{plugin}/config/validate",
                    "Checks a configuration, answering 200 with every setting's problems",
                    List.of(),
                    "ConnectorConfig",
                    200,
                    "ConfigInfos"),
            op(
                    "get",
                    "/admin/loggers",
                    "The levels of the root logger and of loggers with a level set",
                    List.of(),
                    null,
                    200,
                    "LoggerLevel{}"),
            op("get", "/admin/loggers/{logger}", "A logger's level", List.of(), null, 200, "LoggerLevel"),
            op2(
                    "put",
                    "/admin/loggers/{logger}",
                    "Sets the level of a logger and those below it; 200 with their names, or 204 for scope=cluster",
                    List.of(new Query("scope", "string", "worker (the default) or cluster")),
                    "LevelChange",
                    200,
                    204,
                    "string[]"));

    private OpenApiDocument() {}

    private static Operation op(
            String method, String path, String summary, List<Query> query, String request, int status, String answer) {
        Map<Integer, String> answers = new LinkedHashMap<>();
        answers.put(status, answer);
        return new Operation(method, path, summary, query, request, answers);
    }

    /** An operation with two success statuses; the schema goes with the first. */
    private static Operation op2(
            String method,
            String path,
            String summary,
            List<Query> query,
            String request,
            int status,
            int other,
            String answer) {
        Map<Integer, String> answers = new LinkedHashMap<>();
        answers.put(status, answer);
        answers.put(other, status == 201 ? answer : null);
        return new Operation(method, path, summary, query, request, answers);
    }

    /** @return the document, as served */
    static ObjectNode build(ObjectMapper json) {
        ObjectNode document = json.createObjectNode().put("openapi", "3.0.3");
        document.putObject("info")
                .put("title", "Tributary worker REST API")
                .put("version", "1.0")
                .put(
                        "description",
                        "Compatible with the REST API of Apache Kafka Connect 4.3. Errors answer"
                                + " {\"error_code\", \"message\"}; bad input gets a 4xx that says what to fix.");
        ObjectNode paths = document.putObject("paths");
        for (Operation operation : OPERATIONS) {
            ObjectNode path = paths.has(operation.path())
                    ? (ObjectNode) paths.get(operation.path())
                    : paths.putObject(operation.path());
            path.set(operation.method(), operation(json, operation));
        }
        document.set("components", components(json));
        ArrayNode security = document.putArray("security");
        security.addObject();
        security.addObject().putArray("basic");
        return document;
    }

    private static ObjectNode operation(ObjectMapper json, Operation operation) {
        ObjectNode node = json.createObjectNode().put("summary", operation.summary());
        node.put("operationId", operationId(operation));
        ArrayNode parameters = node.putArray("parameters");
        Matcher matcher = PATH_PARAM.matcher(operation.path());
        while (matcher.find()) {
            ObjectNode parameter = parameters
                    .addObject()
                    .put("name", matcher.group(1))
                    .put("in", "path")
                    .put("required", true)
                    .put("description", PATH_PARAMS.get(matcher.group(1)));
            parameter.putObject("schema").put("type", matcher.group(1).equals("task") ? "integer" : "string");
        }
        for (Query query : operation.query()) {
            ObjectNode parameter = parameters
                    .addObject()
                    .put("name", query.name())
                    .put("in", "query")
                    .put("required", false)
                    .put("description", query.description());
            parameter.putObject("schema").put("type", query.type());
        }
        if (parameters.isEmpty()) {
            node.remove("parameters");
        }
        if (operation.requestSchema() != null) {
            ObjectNode body = node.putObject("requestBody").put("required", true);
            body.putObject("content")
                    .putObject("application/json")
                    .set("schema", schema(json, operation.requestSchema()));
        }
        ObjectNode responses = node.putObject("responses");
        operation.answers().forEach((status, schema) -> {
            ObjectNode response = responses.putObject(Integer.toString(status)).put("description", describe(status));
            if (schema != null) {
                response.putObject("content").putObject("application/json").set("schema", schema(json, schema));
            }
        });
        ObjectNode error = responses
                .putObject("default")
                .put(
                        "description",
                        "A refusal: 400 bad input, 401 no credentials, 404 unknown connector, task,"
                                + " plugin or logger, 409 conflict, 413 body too large, 415 not JSON");
        error.putObject("content").putObject("application/json").set("schema", schema(json, "Error"));
        return node;
    }

    /** A schema by name; {@code X[]} is an array of X, {@code X{}} a map of X by name, lower-case a JSON type. */
    private static JsonNode schema(ObjectMapper json, String name) {
        if (name.endsWith("[]")) {
            ObjectNode array = json.createObjectNode().put("type", "array");
            array.set("items", schema(json, name.substring(0, name.length() - 2)));
            return array;
        }
        if (name.endsWith("{}")) {
            ObjectNode map = json.createObjectNode().put("type", "object");
            map.set("additionalProperties", schema(json, name.substring(0, name.length() - 2)));
            return map;
        }
        if (Character.isLowerCase(name.charAt(0))) {
            return json.createObjectNode().put("type", name);
        }
        return json.createObjectNode().put("$ref", "#/components/schemas/" + name);
    }

    private static String describe(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No content";
            default -> "HTTP " + status;
        };
    }

    private static String operationId(Operation operation) {
        StringBuilder id = new StringBuilder(operation.method());
        for (String segment : operation.path().split("[/.]")) {
            String word = segment.replaceAll("[{}-]", "");
            if (!word.isEmpty()) {
                id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return id.length() == operation.method().length() ? id.append("Root").toString() : id.toString();
    }

    private static JsonNode components(ObjectMapper json) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("openapi-components.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi-components.json is missing from the runtime's JAR");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read openapi-components.json", e);
        }
    }

    /** @return each operation as {@code METHOD path}, for comparing with the server's routes */
    static List<String> signatures() {
        List<String> signatures = new ArrayList<>();
        OPERATIONS.forEach(o -> signatures.add(o.method().toUpperCase(Locale.ROOT) + " " + o.path()));
        return signatures;
    }
}
