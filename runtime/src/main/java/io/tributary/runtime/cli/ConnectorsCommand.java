package io.tributary.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.runtime.standalone.ConfigFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tributary connectors ...}: manages the connectors of a worker, Tributary or Apache Kafka Connect. */
@Command(
        name = "connectors",
        description = "Lists, describes, creates, updates, pauses, resumes, stops, restarts and deletes the connectors"
                + " of a worker that speaks Kafka Connect's REST API.",
        subcommands = {
            ConnectorsCommand.ListConnectors.class,
            ConnectorsCommand.Describe.class,
            ConnectorsCommand.Apply.class,
            ConnectorsCommand.Delete.class,
            ConnectorsCommand.Pause.class,
            ConnectorsCommand.Resume.class,
            ConnectorsCommand.Stop.class,
            ConnectorsCommand.Restart.class
        })
final class ConnectorsCommand {

    /** What every client subcommand has: the options, the output stream, the client. */
    abstract static class ClientCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClientOptions options;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        boolean json() {
            return options.output == ClientOptions.Format.JSON;
        }

        static String connectorPath(String name) {
            return "connectors/" + WorkerClient.segment(name);
        }

        /** Prints a message, or, for scripts, the same as JSON. */
        void done(String message) {
            if (json()) {
                Output.json(out(), JsonNodeFactory.instance.objectNode().put("message", message));
            } else {
                out().println(message);
                out().flush();
            }
        }
    }

    @Command(name = "list", description = "Lists the connectors with their type, state and tasks.")
    static final class ListConnectors extends ClientCommand {
        @Override
        public Integer call() {
            JsonNode expanded = options.client().get("connectors?expand=status");
            if (json()) {
                Output.json(out(), expanded);
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            List<String> names = new ArrayList<>();
            expanded.fieldNames().forEachRemaining(names::add);
            names.sort(String::compareTo);
            for (String name : names) {
                JsonNode status = expanded.path(name).path("status");
                rows.add(List.of(
                        name,
                        status.path("type").asText(""),
                        status.path("connector").path("state").asText(""),
                        tasks(status.path("tasks")),
                        status.path("connector").path("worker_id").asText("")));
            }
            Output.table(out(), List.of("NAME", "TYPE", "STATE", "TASKS", "WORKER"), rows);
            return 0;
        }

        private static String tasks(JsonNode tasks) {
            if (tasks.isEmpty()) {
                return "-";
            }
            Map<String, Integer> counts = new java.util.TreeMap<>();
            tasks.forEach(t -> counts.merge(t.path("state").asText(), 1, Integer::sum));
            List<String> parts = new ArrayList<>();
            counts.forEach((state, count) -> parts.add(count + " " + state));
            return String.join(", ", parts);
        }
    }

    @Command(name = "describe", description = "Shows a connector's status, tasks and configuration.")
    static final class Describe extends ClientCommand {
        @Parameters(paramLabel = "NAME", description = "The connector.")
        String name;

        @Override
        public Integer call() {
            WorkerClient client = options.client();
            JsonNode status = client.get(connectorPath(name) + "/status");
            JsonNode config = client.get(connectorPath(name) + "/config");
            if (json()) {
                ObjectNode both = JsonNodeFactory.instance.objectNode();
                both.set("status", status);
                both.set("config", config);
                Output.json(out(), both);
                return 0;
            }
            JsonNode connector = status.path("connector");
            PrintWriter out = out();
            out.println("Name:    " + name);
            out.println("Type:    " + status.path("type").asText(""));
            out.println("State:   " + connector.path("state").asText("") + " on "
                    + connector.path("worker_id").asText("")
                    + (connector.hasNonNull("version")
                            ? ", version " + connector.path("version").asText()
                            : ""));
            if (connector.hasNonNull("trace")) {
                out.println(
                        "Error:   " + Output.firstLine(connector.path("trace").asText()));
            }
            out.println();
            List<List<String>> tasks = new ArrayList<>();
            status.path("tasks")
                    .forEach(task -> tasks.add(List.of(
                            task.path("id").asText(),
                            task.path("state").asText(""),
                            task.path("worker_id").asText(""),
                            Output.firstLine(task.path("trace").asText("")))));
            Output.table(out, List.of("TASK", "STATE", "WORKER", "ERROR"), tasks);
            out.println();
            List<List<String>> settings = new ArrayList<>();
            config.fields()
                    .forEachRemaining(
                            e -> settings.add(List.of(e.getKey(), e.getValue().asText())));
            settings.sort((a, b) -> a.get(0).compareTo(b.get(0)));
            Output.table(out, List.of("SETTING", "VALUE"), settings);
            return 0;
        }
    }

    @Command(
            name = "apply",
            description = "Creates a connector from a file, or updates it to match; running it again changes nothing."
                    + " The file is .properties or .json, flat or {\"name\", \"config\"}.")
    static final class Apply extends ClientCommand {
        @Option(
                names = {"-f", "--file"},
                required = true,
                description = "The connector's configuration.")
        Path file;

        @Option(names = "--name", description = "The connector's name, when the file does not give it.")
        String name;

        @Override
        public Integer call() {
            Map<String, String> config = new java.util.LinkedHashMap<>(ConfigFiles.read(file));
            String connector = name != null ? name : config.get("name");
            if (connector == null || connector.isBlank()) {
                throw new IllegalArgumentException(
                        file + " does not name the connector; add \"name\" to it, or pass --name");
            }
            config.putIfAbsent("name", connector);
            WorkerClient.Answer answer = options.client().put(connectorPath(connector) + "/config", config);
            if (json()) {
                Output.json(out(), answer.body());
            } else {
                done("Connector " + connector + (answer.status() == 201 ? " created" : " updated"));
            }
            return 0;
        }
    }

    @Command(name = "delete", description = "Stops a connector and deletes it; its offsets stay.")
    static final class Delete extends ClientCommand {
        @Parameters(paramLabel = "NAME", description = "The connector.")
        String name;

        @Override
        public Integer call() {
            options.client().delete(connectorPath(name));
            done("Connector " + name + " deleted");
            return 0;
        }
    }

    @Command(name = "pause", description = "Pauses a connector's tasks.")
    static final class Pause extends ClientCommand {
        @Parameters(paramLabel = "NAME", description = "The connector.")
        String name;

        @Override
        public Integer call() {
            options.client().put(connectorPath(name) + "/pause", null);
            done("Connector " + name + " pausing");
            return 0;
        }
    }

    @Command(name = "resume", description = "Resumes a paused or stopped connector.")
    static final class Resume extends ClientCommand {
        @Parameters(paramLabel = "NAME", description = "The connector.")
        String name;

        @Override
        public Integer call() {
            options.client().put(connectorPath(name) + "/resume", null);
            done("Connector " + name + " resuming");
            return 0;
        }
    }

    @Command(name = "stop", description = "Stops a connector and its tasks, keeping its configuration.")
    static final class Stop extends ClientCommand {
        @Parameters(paramLabel = "NAME", description = "The connector.")
        String name;

        @Override
        public Integer call() {
            options.client().put(connectorPath(name) + "/stop", null);
            done("Connector " + name + " stopped");
            return 0;
        }
    }

    @Command(name = "restart", description = "Restarts a connector and, if asked, its tasks.")
    static final class Restart extends ClientCommand {
        @Parameters(paramLabel = "NAME", description = "The connector.")
        String name;

        @Option(names = "--include-tasks", description = "Restart its tasks too.")
        boolean includeTasks;

        @Option(names = "--only-failed", description = "Restart only what failed.")
        boolean onlyFailed;

        @Override
        public Integer call() {
            WorkerClient.Answer answer = options.client()
                    .post(
                            connectorPath(name) + "/restart?includeTasks=" + includeTasks + "&onlyFailed=" + onlyFailed,
                            null);
            if (answer.body() == null) {
                done("Connector " + name + " restarting");
                return 0;
            }
            if (json()) {
                Output.json(out(), answer.body());
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of(
                    "connector", answer.body().path("connector").path("state").asText("")));
            answer.body()
                    .path("tasks")
                    .forEach(task -> rows.add(List.of(
                            "task " + task.path("id").asText(),
                            task.path("state").asText(""))));
            Output.table(out(), List.of("WHAT", "STATE"), rows);
            return 0;
        }
    }
}
