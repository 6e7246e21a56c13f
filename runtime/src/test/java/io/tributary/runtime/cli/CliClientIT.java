package io.tributary.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.runtime.rest.CountingSourceConnector;
import io.tributary.runtime.rest.PasswordHashes;
import io.tributary.runtime.rest.RestConfig;
import io.tributary.runtime.rest.RestServer;
import io.tributary.runtime.standalone.StandaloneRuntime;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.Waits;
import io.tributary.testkit.WithKafka;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The client subcommands of {@code tributary}, run in-process against a worker over real HTTP. */
@WithKafka
class CliClientIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static StandaloneRuntime runtime;
    private static RestServer rest;
    private static String url;

    @TempDir
    Path dir;

    /** What one run printed, and how it ended. */
    record Run(int exitCode, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("Expected JSON output but was: " + out, e);
            }
        }
    }

    @BeforeAll
    static void startWorker(KafkaCluster kafka) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        settings.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.put("offset.flush.interval.ms", "100");
        settings.put("listeners", "http://localhost:0");
        rest = RestServer.start(new RestConfig(settings), "test", "test");
        runtime = StandaloneRuntime.start(settings, rest.workerId());
        rest.serve(runtime.control());
        url = rest.advertisedUrl().toString();
    }

    @AfterAll
    static void stopWorker() {
        rest.close();
        runtime.close();
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TributaryCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private Path connectorFile(String name, String extension, String content) throws IOException {
        Path file = dir.resolve(name + extension);
        Files.writeString(file, content);
        return file;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void applyCreatesThenUpdatesAndListAndDescribeShowTheConnector() throws IOException {
        String name = unique("cli");
        Path file = connectorFile(
                name,
                ".properties",
                "name=" + name + "\nconnector.class=" + CountingSourceConnector.class.getName() + "\ntopic=" + name
                        + "\nsecret=hunter2\n");

        Run created = run("connectors", "apply", "-f", file.toString(), "--url", url);
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("Connector " + name + " created");
        Run again = run("connectors", "apply", "-f", file.toString(), "--url", url);
        assertThat(again.out()).contains("Connector " + name + " updated");
        Waits.until(
                name + " running",
                () -> run("connectors", "list", "--url", url)
                        .out()
                        .lines()
                        .anyMatch(line -> line.matches(name + "\\s+source\\s+RUNNING\\s+1 RUNNING\\s+.*")));

        Run list = run("connectors", "list", "--url", url);
        assertThat(list.out().lines().findFirst())
                .hasValueSatisfying(header -> assertThat(header).matches("NAME\\s+TYPE\\s+STATE\\s+TASKS\\s+WORKER"));
        Run describe = run("connectors", "describe", name, "--url", url);
        assertThat(describe.out())
                .contains("State:   RUNNING on " + rest.workerId())
                .contains("topic")
                .contains("[hidden]")
                .doesNotContain("hunter2");
        Run json = run("connectors", "describe", name, "-o", "json", "--url", url);
        assertThat(json.json().path("status").path("connector").path("state").asText())
                .isEqualTo("RUNNING");
    }

    @Test
    void applyReadsJsonInBothShapes() throws IOException {
        String flat = unique("flat");
        Path flatFile = connectorFile(
                flat,
                ".json",
                "{\"name\": \"" + flat + "\", \"connector.class\": \"" + CountingSourceConnector.class.getName()
                        + "\", \"topic\": \"" + flat + "\"}");
        String wrapped = unique("wrapped");
        Path wrappedFile = connectorFile(
                wrapped,
                ".json",
                "{\"name\": \"" + wrapped + "\", \"config\": {"
                        + "\"connector.class\": \"CountingSource\", \"topic\": \"" + wrapped + "\"}}");

        assertThat(run("connectors", "apply", "-f", flatFile.toString(), "--url", url)
                        .exitCode())
                .isZero();
        assertThat(run("connectors", "apply", "-f", wrappedFile.toString(), "--url", url)
                        .exitCode())
                .isZero();

        JsonNode names = run("connectors", "list", "-o", "json", "--url", url).json();
        assertThat(names.has(flat)).isTrue();
        assertThat(names.has(wrapped)).isTrue();
    }

    @Test
    void lifecycleCommandsReachTheWorker() throws IOException {
        String name = unique("life");
        Path file = connectorFile(
                name,
                ".properties",
                "name=" + name + "\nconnector.class=CountingSource\ntopic=" + name + "\ncount=3\n");
        run("connectors", "apply", "-f", file.toString(), "--url", url);

        assertThat(run("connectors", "pause", name, "--url", url).exitCode()).isZero();
        Waits.until(name + " paused", () -> stateOf(name).equals("PAUSED"));
        assertThat(run("connectors", "resume", name, "--url", url).exitCode()).isZero();
        Waits.until(name + " running", () -> stateOf(name).equals("RUNNING"));
        Run restart = run("connectors", "restart", name, "--include-tasks", "--url", url);
        assertThat(restart.exitCode()).as(restart.err()).isZero();
        assertThat(restart.out()).contains("RESTARTING");
        Waits.until(
                "the offsets committed",
                () -> run("offsets", "get", name, "--url", url).out().contains("{\"next\":3}"));
        assertThat(run("connectors", "stop", name, "--url", url).exitCode()).isZero();

        Path offsets = dir.resolve("offsets.json");
        Files.writeString(offsets, "{\"offsets\": [{\"partition\": {\"task\": 0}, \"offset\": {\"next\": 1}}]}");
        Run altered = run("offsets", "alter", name, "-f", offsets.toString(), "--url", url);
        assertThat(altered.exitCode()).as(altered.err()).isZero();
        assertThat(altered.out()).contains("altered successfully");
        assertThat(run("offsets", "get", name, "-o", "json", "--url", url)
                        .json()
                        .path("offsets")
                        .get(0)
                        .path("offset")
                        .path("next")
                        .asInt())
                .isEqualTo(1);
        assertThat(run("offsets", "reset", name, "--url", url).out()).contains("reset successfully");
        assertThat(run("connectors", "delete", name, "--url", url).exitCode()).isZero();
        assertThat(run("connectors", "list", "-o", "json", "--url", url).json().has(name))
                .isFalse();
    }

    @Test
    void restartOnlyFailedRestartsTheFailedTaskAlone() throws IOException {
        String name = unique("only-failed");
        Path file = connectorFile(
                name,
                ".properties",
                "name=" + name + "\nconnector.class=CountingSource\ntopic=" + name + "\ntasks.max=2\nfail.task=1\n");
        run("connectors", "apply", "-f", file.toString(), "--url", url);
        Waits.until(name + " with task 1 failed", () -> {
            JsonNode tasks = run("connectors", "describe", name, "-o", "json", "--url", url)
                    .json()
                    .path("status")
                    .path("tasks");
            return tasks.size() == 2 && tasks.get(1).path("state").asText().equals("FAILED");
        });

        Run restart =
                run("connectors", "restart", name, "--include-tasks", "--only-failed", "-o", "json", "--url", url);

        assertThat(restart.exitCode()).as(restart.err()).isZero();
        JsonNode answer = restart.json();
        assertThat(answer.path("connector").path("state").asText()).isEqualTo("RUNNING");
        assertThat(answer.path("tasks").findValuesAsText("state")).containsExactly("RUNNING", "RESTARTING");
    }

    private static String stateOf(String name) {
        return run("connectors", "describe", name, "-o", "json", "--url", url)
                .json()
                .path("status")
                .path("connector")
                .path("state")
                .asText();
    }

    @Test
    void failuresExitNonZeroWithTheWorkersOwnMessage() throws IOException {
        Run unknown = run("connectors", "describe", "no-such-connector", "--url", url);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err().strip()).isEqualTo("No status found for connector no-such-connector");

        String name = unique("running");
        Path file = connectorFile(
                name, ".properties", "name=" + name + "\nconnector.class=CountingSource\ntopic=" + name + "\n");
        run("connectors", "apply", "-f", file.toString(), "--url", url);
        Run whileRunning = run("offsets", "reset", name, "--url", url);
        assertThat(whileRunning.exitCode()).isEqualTo(1);
        assertThat(whileRunning.err()).startsWith("Connectors must be in the STOPPED state");

        Run unreachable = run("connectors", "list", "--url", "http://localhost:1");
        assertThat(unreachable.exitCode()).isEqualTo(3);
        assertThat(unreachable.err()).contains("Cannot reach the worker at http://localhost:1");

        Run badUrl = run("connectors", "list", "--url", "localhost:8083");
        assertThat(badUrl.exitCode()).isEqualTo(2);
        assertThat(badUrl.err()).contains("--url must be http://host:port");
        Run withSlash = run("connectors", "list", "-o", "json", "--url", url + "/");
        assertThat(withSlash.exitCode()).as(withSlash.err()).isZero();

        Run noName = run(
                "connectors",
                "apply",
                "-f",
                connectorFile("nameless", ".properties", "topic=x\n").toString(),
                "--url",
                url);
        assertThat(noName.exitCode()).isEqualTo(2);
        assertThat(noName.err()).contains("does not name the connector");
    }

    @Test
    void validateListsEveryProblemAndPluginsListsThem() throws IOException {
        Path bad = connectorFile("bad", ".properties", "name=bad\nconnector.class=CountingSource\ncount=lots\n");

        Run invalid = run("validate", "-f", bad.toString(), "--url", url);

        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.out()).contains("count").contains("topic").contains("2 settings have problems");
        Path good = connectorFile("good", ".properties", "name=good\nconnector.class=CountingSource\ntopic=t\n");
        assertThat(run("validate", "-f", good.toString(), "--url", url).exitCode())
                .isZero();
        Path flat = connectorFile(
                "flat", ".json", "{\"name\": \"flat\", \"connector.class\": \"CountingSource\", \"count\": \"lots\"}");
        Run flatRun = run("validate", "-f", flat.toString(), "--url", url);
        assertThat(flatRun.exitCode()).isEqualTo(1);
        assertThat(flatRun.out()).contains("count").contains("topic").contains("2 settings have problems");
        Path wrapped = connectorFile(
                "wrapped",
                ".json",
                "{\"name\": \"wrapped\", \"config\": {\"connector.class\": \"CountingSource\", \"topic\": \"t\"}}");
        Run wrappedRun = run("validate", "-f", wrapped.toString(), "--url", url);
        assertThat(wrappedRun.exitCode())
                .as(wrappedRun.out() + wrappedRun.err())
                .isZero();

        Run plugins = run("plugins", "--url", url);
        assertThat(plugins.out()).contains(CountingSourceConnector.class.getName());
        Run all = run("plugins", "--all", "-o", "json", "--url", url);
        assertThat(all.json().findValuesAsText("type")).contains("converter", "transformation");
    }

    @Test
    void credentialsGoWithEveryRequest() throws IOException {
        Path users = dir.resolve("users");
        Files.writeString(users, "ops:" + PasswordHashes.hash("s3cret".toCharArray()) + "\n");
        Map<String, String> settings = Map.of(
                "bootstrap.servers", "localhost:1",
                "listeners", "http://localhost:0",
                "rest.basic.auth.users.file", users.toString());
        try (RestServer secured = RestServer.start(new RestConfig(settings), "test", "test");
                StandaloneRuntime worker = StandaloneRuntime.start(settings, secured.workerId())) {
            secured.serve(worker.control());
            String securedUrl = secured.advertisedUrl().toString();

            Run refused = run("connectors", "list", "--url", securedUrl);
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(run("connectors", "list", "--url", securedUrl, "--user", "ops:s3cret")
                            .exitCode())
                    .isZero();
        }
    }
}
