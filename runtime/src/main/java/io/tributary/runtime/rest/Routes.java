package io.tributary.runtime.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.tributary.runtime.control.ConfigUpdate;
import io.tributary.runtime.control.ConnectorControl;
import io.tributary.runtime.control.ControlException;
import io.tributary.runtime.control.StatusReport;
import io.tributary.sdk.connector.TaskId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The endpoints, each a thin translation between HTTP and {@link ConnectorControl}. */
final class Routes {
    /** A route's work, given the engine. */
    @FunctionalInterface
    private interface Action {
        void handle(Context ctx, ConnectorControl control) throws Exception;
    }

    private static final Set<String> NONE = Set.of();
    /** Kafka Connect's workers add it to requests they forward to one another; it changes nothing here. */
    private static final Set<String> FORWARD = Set.of("forward");

    private final Supplier<ConnectorControl> control;
    private final List<String> signatures = new ArrayList<>();
    private final String openApi;
    private final JsonShapes shapes;
    private final RequestBodies bodies;
    private final String version;
    private final String commit;

    Routes(Supplier<ConnectorControl> control, JsonShapes shapes, RequestBodies bodies, String version, String commit) {
        this.control = control;
        this.shapes = shapes;
        this.bodies = bodies;
        this.version = version;
        this.commit = commit;
        this.openApi = OpenApiDocument.build(new ObjectMapper()).toPrettyString();
    }

    void register(RoutesConfig routes) {
        route(routes, HandlerType.GET, "/", NONE, this::serverInfo);
        routes.addHttpHandler(HandlerType.GET, "/health", this::health);
        signatures.add("GET /health");
        route(
                routes,
                HandlerType.GET,
                "/openapi.json",
                NONE,
                (ctx, c) -> ctx.status(200).contentType("application/json").result(openApi));

        route(routes, HandlerType.GET, "/connectors", Set.of("expand"), this::listConnectors);
        route(routes, HandlerType.POST, "/connectors", FORWARD, this::createConnector);
        route(
                routes,
                HandlerType.GET,
                "/connectors/{name}",
                NONE,
                (ctx, c) -> ok(ctx, shapes.connectorInfo(c.connector(name(ctx)))));
        route(routes, HandlerType.DELETE, "/connectors/{name}", FORWARD, (ctx, c) -> {
            c.delete(name(ctx));
            ctx.status(204);
        });
        route(
                routes,
                HandlerType.GET,
                "/connectors/{name}/config",
                NONE,
                (ctx, c) -> ok(ctx, shapes.config(c.connectorConfig(name(ctx)))));
        route(routes, HandlerType.PUT, "/connectors/{name}/config", FORWARD, this::putConfig);
        route(routes, HandlerType.PATCH, "/connectors/{name}/config", FORWARD, (ctx, c) -> {
            Map<String, String> patch = bodies.config(jsonBody(ctx), true);
            ok(ctx, shapes.connectorInfo(c.patchConnectorConfig(name(ctx), patch)));
        });
        route(
                routes,
                HandlerType.GET,
                "/connectors/{name}/status",
                NONE,
                (ctx, c) -> ok(ctx, shapes.status(c.status(name(ctx)))));
        route(
                routes,
                HandlerType.POST,
                "/connectors/{name}/restart",
                Set.of("includeTasks", "onlyFailed", "forward"),
                this::restartConnector);
        route(routes, HandlerType.PUT, "/connectors/{name}/pause", FORWARD, (ctx, c) -> {
            c.pause(name(ctx));
            ctx.status(202);
        });
        route(routes, HandlerType.PUT, "/connectors/{name}/resume", FORWARD, (ctx, c) -> {
            c.resume(name(ctx));
            ctx.status(202);
        });
        route(routes, HandlerType.PUT, "/connectors/{name}/stop", FORWARD, (ctx, c) -> {
            c.stop(name(ctx));
            ctx.status(204);
        });
        route(
                routes,
                HandlerType.GET,
                "/connectors/{name}/topics",
                NONE,
                (ctx, c) -> ok(ctx, shapes.activeTopics(name(ctx), c.activeTopics(name(ctx)))));
        route(routes, HandlerType.PUT, "/connectors/{name}/topics/reset", NONE, (ctx, c) -> {
            c.resetActiveTopics(name(ctx));
            ctx.status(202);
        });
        route(
                routes,
                HandlerType.GET,
                "/connectors/{name}/offsets",
                NONE,
                (ctx, c) -> ok(ctx, shapes.offsets(c.offsets(name(ctx)))));
        route(
                routes,
                HandlerType.PATCH,
                "/connectors/{name}/offsets",
                FORWARD,
                (ctx, c) -> ok(ctx, shapes.message(c.alterOffsets(name(ctx), bodies.offsets(jsonBody(ctx))))));
        route(
                routes,
                HandlerType.DELETE,
                "/connectors/{name}/offsets",
                FORWARD,
                (ctx, c) -> ok(ctx, shapes.message(c.resetOffsets(name(ctx)))));
        route(
                routes,
                HandlerType.GET,
                "/connectors/{name}/tasks",
                NONE,
                (ctx, c) -> ok(ctx, shapes.tasks(c.tasks(name(ctx)))));
        route(
                routes,
                HandlerType.GET,
                "/connectors/{name}/tasks/{task}/status",
                NONE,
                (ctx, c) -> ok(ctx, shapes.taskStatus(c.taskStatus(taskId(ctx)))));
        route(routes, HandlerType.POST, "/connectors/{name}/tasks/{task}/restart", FORWARD, (ctx, c) -> {
            c.restartTask(taskId(ctx));
            ctx.status(204);
        });

        route(routes, HandlerType.GET, "/connector-plugins", Set.of("connectorsOnly"), (ctx, c) -> {
            boolean connectorsOnly = flag(ctx, "connectorsOnly", true);
            ok(
                    ctx,
                    shapes.plugins(
                            connectorsOnly
                                    ? c.plugins().stream()
                                            .filter(p -> p.type().equals("source")
                                                    || p.type().equals("sink"))
                                            .toList()
                                    : c.plugins()));
        });
        route(
                routes,
                HandlerType.GET,
                "/connector-plugins/{plugin}/config",
                NONE,
                (ctx, c) -> ok(ctx, shapes.configKeys(c.pluginConfig(ctx.pathParam("plugin")))));
        route(routes, HandlerType.PUT, "/connector-plugins/{plugin}/config/validate", NONE, (ctx, c) -> {
            Map<String, String> config = bodies.config(jsonBody(ctx), false);
            ok(ctx, shapes.validation(c.validate(ctx.pathParam("plugin"), config)));
        });

        route(routes, HandlerType.GET, "/admin/loggers", NONE, (ctx, c) -> ok(ctx, shapes.loggers(c.loggers())));
        route(
                routes,
                HandlerType.GET,
                "/admin/loggers/{logger}",
                NONE,
                (ctx, c) -> ok(ctx, shapes.logger(c.logger(ctx.pathParam("logger")))));
        route(routes, HandlerType.PUT, "/admin/loggers/{logger}", Set.of("scope"), this::setLoggerLevel);
    }

    /** @return each route registered, as {@code METHOD path} */
    List<String> signatures() {
        return List.copyOf(signatures);
    }

    private void route(RoutesConfig routes, HandlerType method, String path, Set<String> params, Action action) {
        signatures.add(method.name() + " " + path);
        routes.addHttpHandler(method, path, ctx -> {
            for (String param : ctx.queryParamMap().keySet()) {
                if (!params.contains(param)) {
                    throw ControlException.badRequest("Unknown query parameter '" + param + "' for " + method + " "
                            + path + (params.isEmpty() ? "; it takes none" : "; it takes " + params));
                }
            }
            action.handle(ctx, control.get());
        });
    }

    private void serverInfo(Context ctx, ConnectorControl c) {
        ObjectNode info = shapes.config(Map.of());
        info.put("version", version).put("commit", commit).put("kafka_cluster_id", c.kafkaClusterId());
        ok(ctx, info);
    }

    /** Answers even while the worker starts, as Kafka Connect's does: 503 and "starting" until it is ready. */
    private void health(Context ctx) {
        ObjectNode health = shapes.config(Map.of());
        boolean ready;
        try {
            ready = control.get() != null;
        } catch (ControlException e) {
            ready = false;
        }
        if (ready) {
            health.put("status", "healthy")
                    .put("message", "Worker has completed startup and is ready to handle requests.");
            ok(ctx, health);
        } else {
            health.put("status", "starting").put("message", "Worker is still starting up.");
            ctx.status(503).contentType("application/json").result(health.toString());
        }
    }

    private void listConnectors(Context ctx, ConnectorControl c) {
        List<String> names = c.connectors();
        List<String> expand = ctx.queryParams("expand").stream()
                .flatMap(value -> List.of(value.split(",")).stream())
                .map(value -> value.trim().toLowerCase(Locale.ROOT))
                .filter(value -> !value.isEmpty())
                .toList();
        if (ctx.queryParamMap().containsKey("expand") && expand.isEmpty()) {
            throw ControlException.badRequest("Query parameter 'expand' needs a value: status or info");
        }
        for (String value : expand) {
            if (!value.equals("status") && !value.equals("info")) {
                throw ControlException.badRequest("Query parameter 'expand' takes status or info, got '" + value + "'");
            }
        }
        if (expand.isEmpty()) {
            ok(ctx, shapes.strings(names));
            return;
        }
        ObjectNode expanded = shapes.config(Map.of());
        for (String name : names) {
            ObjectNode entry = expanded.putObject(name);
            try {
                if (expand.contains("status")) {
                    entry.set("status", shapes.status(c.status(name)));
                }
                if (expand.contains("info")) {
                    entry.set("info", shapes.connectorInfo(c.connector(name)));
                }
            } catch (ControlException e) {
                if (e.reason() != ControlException.Reason.NOT_FOUND) {
                    throw e;
                }
                // Deleted while listing: leave it out, as the list it was not in would have.
                expanded.remove(name);
            }
        }
        ok(ctx, expanded);
    }

    private void createConnector(Context ctx, ConnectorControl c) {
        RequestBodies.CreateConnector request = bodies.createConnector(jsonBody(ctx));
        ConfigUpdate update = c.putConnectorConfig(request.name(), request.config(), request.initialState(), false);
        ctx.header("Location", location(ctx, request.name()));
        ctx.status(201)
                .contentType("application/json")
                .result(shapes.connectorInfo(update.connector()).toString());
    }

    private void putConfig(Context ctx, ConnectorControl c) {
        String name = name(ctx);
        Map<String, String> config = bodies.config(jsonBody(ctx), false);
        ConfigUpdate update =
                c.putConnectorConfig(name, config, io.tributary.runtime.control.TargetState.RUNNING, true);
        if (update.created()) {
            ctx.header("Location", location(ctx, name));
        }
        ctx.status(update.created() ? 201 : 200)
                .contentType("application/json")
                .result(shapes.connectorInfo(update.connector()).toString());
    }

    private void restartConnector(Context ctx, ConnectorControl c) {
        boolean includeTasks = flag(ctx, "includeTasks", false);
        boolean onlyFailed = flag(ctx, "onlyFailed", false);
        StatusReport planned = c.restart(name(ctx), includeTasks, onlyFailed);
        if (!includeTasks && !onlyFailed) {
            ctx.status(204);
            return;
        }
        ctx.status(202)
                .contentType("application/json")
                .result(shapes.status(planned).toString());
    }

    private void setLoggerLevel(Context ctx, ConnectorControl c) {
        String scope = ctx.queryParam("scope");
        String normalized = scope == null ? "worker" : scope.trim().toLowerCase(Locale.ROOT);
        if (!normalized.equals("worker") && !normalized.equals("cluster")) {
            throw ControlException.badRequest("Query parameter 'scope' takes worker or cluster, got '" + scope + "'");
        }
        String level = bodies.level(jsonBody(ctx));
        List<String> changed = c.setLoggerLevel(ctx.pathParam("logger"), level);
        if (normalized.equals("cluster")) {
            ctx.status(204);
            return;
        }
        ok(ctx, shapes.strings(changed));
    }

    private JsonNode jsonBody(Context ctx) {
        String type = ctx.contentType();
        String mediaType = type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")
                && !(mediaType.startsWith("application/") && mediaType.endsWith("+json"))) {
            throw new HttpResponseException(415, "unsupported media type");
        }
        return bodies.parse(ctx.body());
    }

    private static String name(Context ctx) {
        return ctx.pathParam("name");
    }

    private static TaskId taskId(Context ctx) {
        String task = ctx.pathParam("task");
        try {
            int id = Integer.parseInt(task);
            if (id >= 0) {
                return new TaskId(name(ctx), id);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ControlException.badRequest("Task id '" + task + "' is not a task number; tasks are numbered from 0");
    }

    private static boolean flag(Context ctx, String param, boolean fallback) {
        String value = ctx.queryParam(param);
        if (value == null) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw ControlException.badRequest(
                        "Query parameter '" + param + "' takes true or false, got '" + value + "'");
        };
    }

    private static String location(Context ctx, String name) {
        return ctx.scheme() + "://" + ctx.host() + "/connectors/"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void ok(Context ctx, JsonNode body) {
        ctx.status(200).contentType("application/json").result(body.toString());
    }
}
