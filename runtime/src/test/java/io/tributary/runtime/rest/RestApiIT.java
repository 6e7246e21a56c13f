package io.tributary.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.runtime.rest.Http.Answer;
import io.tributary.runtime.standalone.StandaloneRuntime;
import io.tributary.runtime.worker.CapturingSinkConnector;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.Waits;
import io.tributary.testkit.WithKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint of the REST API, over real HTTP against a standalone worker on a real broker, with good
 * input and bad: the status, the body's shape, and the message.
 */
@WithKafka
class RestApiIT {
    private static final String SOURCE = CountingSourceConnector.class.getName();
    private static final String SINK = CapturingSinkConnector.class.getName();

    private static StandaloneRuntime runtime;
    private static RestServer rest;
    private static Http http;
    private static KafkaCluster cluster;

    @TempDir
    static Path files;

    @BeforeAll
    static void startWorker(KafkaCluster kafka) throws IOException {
        cluster = kafka;
        Path secrets = files.resolve("secrets.properties");
        Files.writeString(secrets, "db.password=from-a-file\n");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        settings.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.put("offset.flush.interval.ms", "100");
        settings.put("config.providers", "file");
        settings.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        settings.put("listeners", "http://localhost:0");
        settings.put("rest.request.max.bytes", "65536");
        rest = RestServer.start(new RestConfig(settings), "9.9.9-test", "abc123");
        runtime = StandaloneRuntime.start(settings, rest.workerId());
        rest.serve(runtime.control());
        http = new Http(rest.advertisedUrl());
    }

    @AfterAll
    static void stopWorker() {
        rest.close();
        runtime.close();
    }

    private static Map<String, Object> source(String topic, Object... more) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("connector.class", SOURCE);
        config.put("topic", topic);
        for (int i = 0; i < more.length; i += 2) {
            config.put((String) more[i], more[i + 1]);
        }
        return config;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Answer create(String name, Map<String, Object> config) {
        Answer created = http.post("/connectors", Map.of("name", name, "config", config));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    private static void awaitState(String name, String connectorState, String... taskStates) {
        Waits.until(name + " " + connectorState + " with tasks " + List.of(taskStates), () -> {
            JsonNode status = http.get("/connectors/" + name + "/status").json();
            List<String> tasks = new ArrayList<>();
            status.path("tasks").forEach(t -> tasks.add(t.path("state").asText()));
            return status.path("connector").path("state").asText().equals(connectorState)
                    && tasks.equals(List.of(taskStates));
        });
    }

    @Test
    void theRootTellsTheVersionAndTheKafkaCluster() throws Exception {
        Answer root = http.get("/");

        assertThat(root.status()).isEqualTo(200);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            String clusterId = admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
            assertThat(root.json().path("kafka_cluster_id").asText()).isEqualTo(clusterId);
        }
        assertThat(root.json().path("version").asText()).isEqualTo("9.9.9-test");
        assertThat(root.json().path("commit").asText()).isEqualTo("abc123");
    }

    @Nested
    class Connectors {
        @Test
        void aCreatedConnectorIsEchoedListedAndDescribed() {
            String name = unique("created");
            Answer created = create(name, source(name, "tasks.max", 2));

            assertThat(created.headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/connectors/" + name));
            assertThat(created.json().path("name").asText()).isEqualTo(name);
            assertThat(created.json().path("config").path("name").asText()).isEqualTo(name);
            assertThat(created.json().path("config").path("tasks.max").asText()).isEqualTo("2");
            assertThat(created.json().path("type").asText()).isEqualTo("source");
            List<String> order = new ArrayList<>();
            http.get("/connectors/" + name + "/config").json().fieldNames().forEachRemaining(order::add);
            assertThat(order)
                    .as("settings in the order given")
                    .containsExactly("connector.class", "topic", "tasks.max", "name");
            awaitState(name, "RUNNING", "RUNNING", "RUNNING");

            assertThat(http.get("/connectors").json())
                    .extracting(JsonNode::asText)
                    .contains(name);
            JsonNode info = http.get("/connectors/" + name).json();
            assertThat(info.path("tasks").get(1).path("connector").asText()).isEqualTo(name);
            assertThat(info.path("tasks").get(1).path("task").asInt()).isEqualTo(1);
            JsonNode expanded =
                    http.get("/connectors?expand=status&expand=info").json();
            assertThat(expanded.path(name)
                            .path("status")
                            .path("connector")
                            .path("state")
                            .asText())
                    .isEqualTo("RUNNING");
            assertThat(expanded.path(name).path("info").path("type").asText()).isEqualTo("source");
            assertThat(http.get("/connectors?expand=info").json().path(name).has("status"))
                    .isFalse();
        }

        @Test
        void aDuplicateNameIsAConflict() {
            String name = unique("duplicate");
            create(name, source(name));

            Answer again = http.post("/connectors", Map.of("name", name, "config", source(name)));

            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().path("error_code").asInt()).isEqualTo(409);
            assertThat(again.message()).isEqualTo("Connector " + name + " already exists");
        }

        @Test
        void anUnknownConnectorIsNotFoundByName() {
            for (String path : List.of("", "/config", "/tasks", "/offsets", "/topics")) {
                Answer answer = http.get("/connectors/no-such-connector" + path);
                assertThat(answer.status()).as(path).isEqualTo(404);
                assertThat(answer.message()).as(path).contains("no-such-connector");
            }
            assertThat(http.get("/connectors/no-such-connector/status").message())
                    .isEqualTo("No status found for connector no-such-connector");
            assertThat(http.delete("/connectors/no-such-connector").status()).isEqualTo(404);
            for (String path : List.of("/pause", "/resume", "/stop", "/topics/reset")) {
                Answer answer = http.put("/connectors/no-such-connector" + path, null);
                assertThat(answer.status()).as(path).isEqualTo(404);
                assertThat(answer.message()).as(path).contains("no-such-connector");
            }
            for (String path : List.of("/restart", "/restart?includeTasks=true", "/tasks/0/restart")) {
                Answer answer = http.post("/connectors/no-such-connector" + path, null);
                assertThat(answer.status()).as(path).isEqualTo(404);
                assertThat(answer.message()).as(path).contains("no-such-connector");
            }
        }

        @Test
        void badCreateRequestsSayWhatIsWrong() {
            Answer malformed = http.send("POST", "/connectors", "{\"name\": \"x\", ", "application/json");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.message()).startsWith("The request body is not valid JSON at line 1");

            Answer trailing = http.send(
                    "POST", "/connectors", "{\"name\": \"x\", \"config\": {}} {\"name\": \"y\"}", "application/json");
            assertThat(trailing.status()).isEqualTo(400);
            assertThat(trailing.message())
                    .startsWith("The request body is not valid JSON")
                    .contains("Trailing token");

            Answer wrongType = http.post("/connectors", Map.of("name", "x", "config", "not an object"));
            assertThat(wrongType.status()).isEqualTo(400);
            assertThat(wrongType.message()).contains("must be a JSON object").contains("not an object");

            Answer nested = http.post("/connectors", Map.of("name", "x", "config", Map.of("topic", List.of("a"))));
            assertThat(nested.status()).isEqualTo(400);
            assertThat(nested.message()).startsWith("Setting 'topic' must be a string");

            Answer slash = http.post("/connectors", Map.of("name", "a/b", "config", source("t")));
            assertThat(slash.status()).isEqualTo(400);
            assertThat(slash.message()).contains("'a/b'").contains("choose another name");

            Answer noName = http.post("/connectors", Map.of("config", source("t")));
            assertThat(noName.status()).isEqualTo(400);
            assertThat(noName.message()).contains("needs a name");

            Map<String, Object> otherName = source("t", "name", "other");
            Answer mismatch = http.post("/connectors", Map.of("name", "x", "config", otherName));
            assertThat(mismatch.status()).isEqualTo(400);
            assertThat(mismatch.message()).contains("'x'").contains("'other'");

            Answer unknownField = http.post("/connectors", Map.of("name", "x", "config", source("t"), "confg", 1));
            assertThat(unknownField.status()).isEqualTo(400);
            assertThat(unknownField.message()).contains("unknown field 'confg'");

            Answer badState =
                    http.post("/connectors", Map.of("name", "x", "config", source("t"), "initial_state", "SLEEPING"));
            assertThat(badState.status()).isEqualTo(400);
            assertThat(badState.message()).contains("RUNNING, PAUSED or STOPPED");

            Answer form = http.send("POST", "/connectors", "name=x", "application/x-www-form-urlencoded");
            assertThat(form.status()).isEqualTo(415);
            assertThat(form.message()).contains("Content-Type: application/json");

            Answer huge =
                    http.post("/connectors", Map.of("name", "x", "config", source("t", "padding", "x".repeat(70_000))));
            assertThat(huge.status()).isEqualTo(413);
            assertThat(huge.message()).contains("65536 bytes");

            assertThat(http.get("/connectors").json())
                    .extracting(JsonNode::asText)
                    .doesNotContain("x");
        }

        @Test
        void anInvalidConfigurationListsEveryProblem() {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("connector.class", SOURCE);
            config.put("tasks.max", "zero");
            config.put("count", "many");

            Answer invalid = http.post("/connectors", Map.of("name", unique("invalid"), "config", config));

            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.message())
                    .startsWith("Connector configuration is invalid and contains the following 3 error(s):")
                    .contains("tasks.max")
                    .contains("count")
                    .contains("topic");
        }

        @Test
        void aConnectorCreatedStoppedHasNoTasks() {
            String name = unique("stopped");
            Answer created =
                    http.post("/connectors", Map.of("name", name, "config", source(name), "initial_state", "stopped"));

            assertThat(created.status()).isEqualTo(201);
            JsonNode status = http.get("/connectors/" + name + "/status").json();
            assertThat(status.path("connector").path("state").asText()).isEqualTo("STOPPED");
            assertThat(status.path("tasks")).isEmpty();
            assertThat(http.get("/connectors/" + name + "/tasks").json()).isEmpty();
        }
    }

    @Nested
    class Configs {
        @Test
        void putCreatesThenUpdatesAndPatchChangesSomeSettings() {
            String name = unique("put");
            Answer created = http.put("/connectors/" + name + "/config", source(name));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().path("name").asText()).isEqualTo(name);

            Answer updated = http.put("/connectors/" + name + "/config", source(name, "count", "7"));
            assertThat(updated.status()).isEqualTo(200);
            assertThat(http.get("/connectors/" + name + "/config")
                            .json()
                            .path("count")
                            .asText())
                    .isEqualTo("7");

            Map<String, Object> patch = new LinkedHashMap<>();
            patch.put("count", "9");
            patch.put("fail.task", null);
            Answer patched = http.patch("/connectors/" + name + "/config", patch);
            assertThat(patched.status()).isEqualTo(200);
            JsonNode config = http.get("/connectors/" + name + "/config").json();
            assertThat(config.path("count").asText()).isEqualTo("9");
            assertThat(config.has("fail.task")).isFalse();
            assertThat(config.path("topic").asText()).isEqualTo(name);
        }

        @Test
        void anUpdateKeepsAStoppedConnectorStopped() {
            String name = unique("keeps-state");
            create(name, source(name));
            assertThat(http.put("/connectors/" + name + "/stop", null).status()).isEqualTo(204);

            assertThat(http.put("/connectors/" + name + "/config", source(name, "count", "3"))
                            .status())
                    .isEqualTo(200);

            awaitState(name, "STOPPED");
        }

        @Test
        void badConfigWritesAreRefused() {
            String name = unique("bad-put");
            Answer mismatch = http.put("/connectors/" + name + "/config", source(name, "name", "another"));
            assertThat(mismatch.status()).isEqualTo(400);
            assertThat(mismatch.message())
                    .startsWith("Connector name configuration (another) doesn't match connector name in the URL ("
                            + name + ")");

            Answer patchUnknown = http.patch("/connectors/" + name + "/config", Map.of("count", "1"));
            assertThat(patchUnknown.status()).isEqualTo(404);

            Answer array = http.put("/connectors/" + name + "/config", List.of("a"));
            assertThat(array.status()).isEqualTo(400);
            assertThat(array.message()).contains("must be a JSON object");

            String existing = unique("bad-patch");
            create(existing, source(existing));
            Answer patchArray = http.patch("/connectors/" + existing + "/config", List.of("topic"));
            assertThat(patchArray.status()).isEqualTo(400);
            assertThat(patchArray.message()).contains("must be a JSON object");
            Answer patchNested = http.patch("/connectors/" + existing + "/config", Map.of("topic", Map.of("a", 1)));
            assertThat(patchNested.status()).isEqualTo(400);
            assertThat(patchNested.message()).startsWith("Setting 'topic' must be a string");
            assertThat(http.get("/connectors/" + existing + "/config")
                            .json()
                            .path("topic")
                            .asText())
                    .isEqualTo(existing);
        }

        @Test
        void passwordsAreNeverShownButProviderReferencesAreShownAsWritten() {
            try (LogCapture log = new LogCapture()) {
                passwordsAreNeverShownInAnswers();
                // A connector that fails on its settings logs them in its trace; none of them may be a secret.
                String failing = unique("secret-failing");
                create(failing, source(failing, "secret", "hunter2", "fail.start", "true"));
                awaitState(failing, "FAILED");
                String failingTask = unique("secret-failing-task");
                create(failingTask, source(failingTask, "secret", "hunter2", "fail.task", "0"));
                awaitState(failingTask, "RUNNING", "FAILED");
                assertThat(log.size())
                        .as("the worker logged the connectors' lives")
                        .isPositive();
                assertThat(log.text()).doesNotContain("hunter2").doesNotContain("from-a-file");
            }
        }

        private void passwordsAreNeverShownInAnswers() {
            String plain = unique("secret-plain");
            create(plain, source(plain, "secret", "hunter2"));
            String referenced = unique("secret-ref");
            String reference = "${file:" + files.resolve("secrets.properties") + ":db.password}";
            create(referenced, source(referenced, "secret", reference));
            awaitState(plain, "RUNNING", "RUNNING");
            awaitState(referenced, "RUNNING", "RUNNING");

            for (String path : List.of(
                    "/connectors/" + plain,
                    "/connectors/" + plain + "/config",
                    "/connectors/" + plain + "/tasks",
                    "/connectors?expand=info")) {
                assertThat(http.get(path).text()).as(path).doesNotContain("hunter2");
            }
            assertThat(http.get("/connectors/" + plain + "/config")
                            .json()
                            .path("secret")
                            .asText())
                    .isEqualTo("[hidden]");
            assertThat(http.get("/connectors/" + referenced + "/config")
                            .json()
                            .path("secret")
                            .asText())
                    .isEqualTo(reference);
            assertThat(http.get("/connectors/" + referenced + "/tasks").text()).doesNotContain("from-a-file");
        }

        @Test
        void secretsOutsideTheConnectorsOwnPasswordSettingsAreHiddenToo() {
            String name = unique("secret-elsewhere");
            String reference = "${file:" + files.resolve("secrets.properties") + ":db.password}";
            Map<String, Object> config = source(reference);
            config.put("consumer.override.ssl.key.password", "key-password-in-clear");
            config.put("value.converter.basic.auth.user.info", "user:registry-secret");
            create(name, config);
            awaitState(name, "RUNNING", "RUNNING");

            String shown = http.get("/connectors/" + name + "/config").text();
            assertThat(shown).doesNotContain("key-password-in-clear").doesNotContain("registry-secret");
            assertThat(http.get("/connectors/" + name + "/tasks").text())
                    .as("a value a provider gave the connector, passed on to a task under another name")
                    .doesNotContain("from-a-file");
        }
    }

    @Nested
    class StatusAndTasks {
        @Test
        void statusesCarryTheWorkerAndTheVersion() {
            String name = unique("status");
            create(name, source(name));
            awaitState(name, "RUNNING", "RUNNING");

            JsonNode status = http.get("/connectors/" + name + "/status").json();
            assertThat(status.path("name").asText()).isEqualTo(name);
            assertThat(status.path("type").asText()).isEqualTo("source");
            assertThat(status.path("connector").path("worker_id").asText()).isEqualTo(rest.workerId());
            assertThat(status.path("connector").path("version").asText()).isEqualTo("2.1.0");
            assertThat(status.path("connector").has("trace")).isFalse();
            JsonNode task = http.get("/connectors/" + name + "/tasks/0/status").json();
            assertThat(task.path("id").asInt()).isZero();
            assertThat(task.path("state").asText()).isEqualTo("RUNNING");
            assertThat(task.path("worker_id").asText()).isEqualTo(rest.workerId());

            JsonNode tasks = http.get("/connectors/" + name + "/tasks").json();
            assertThat(tasks).hasSize(1);
            assertThat(tasks.get(0).path("id").path("task").asInt()).isZero();
            assertThat(tasks.get(0).path("config").path("topic").asText()).isEqualTo(name);
        }

        @Test
        void aFailedTaskShowsItsTrace() {
            String name = unique("failing");
            create(name, source(name, "tasks.max", 2, "fail.task", 1));
            awaitState(name, "RUNNING", "RUNNING", "FAILED");

            JsonNode failed =
                    http.get("/connectors/" + name + "/tasks/1/status").json();
            assertThat(failed.path("trace").asText()).contains("task asked to fail by fail.task");
            assertThat(http.get("/connectors/" + name + "/tasks/0/status")
                            .json()
                            .has("trace"))
                    .isFalse();
        }

        @Test
        void unknownTasksAreNotFoundAndMalformedIdsAreBadRequests() {
            String name = unique("tasks");
            create(name, source(name));
            awaitState(name, "RUNNING", "RUNNING");

            Answer unknown = http.get("/connectors/" + name + "/tasks/7/status");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.message()).isEqualTo("No status found for task " + name + "-7");
            assertThat(http.post("/connectors/" + name + "/tasks/7/restart", null)
                            .status())
                    .isEqualTo(404);
            Answer malformed = http.get("/connectors/" + name + "/tasks/first/status");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.message()).contains("'first'");
        }
    }

    @Nested
    class Lifecycle {
        @Test
        void pauseResumeAndStopAnswerAsConnectDoes() {
            String name = unique("lifecycle");
            create(name, source(name));
            awaitState(name, "RUNNING", "RUNNING");

            assertThat(http.put("/connectors/" + name + "/pause", null).status())
                    .isEqualTo(202);
            awaitState(name, "PAUSED", "PAUSED");
            assertThat(http.put("/connectors/" + name + "/resume", null).status())
                    .isEqualTo(202);
            awaitState(name, "RUNNING", "RUNNING");
            assertThat(http.put("/connectors/" + name + "/stop", null).status()).isEqualTo(204);
            awaitState(name, "STOPPED");
            assertThat(http.get("/connectors/" + name).json().path("tasks")).isEmpty();
            assertThat(http.put("/connectors/" + name + "/resume", null).status())
                    .isEqualTo(202);
            awaitState(name, "RUNNING", "RUNNING");

            assertThat(http.delete("/connectors/" + name).status()).isEqualTo(204);
            assertThat(http.get("/connectors/" + name).status()).isEqualTo(404);
            assertThat(http.get("/connectors").json())
                    .extracting(JsonNode::asText)
                    .doesNotContain(name);
        }

        @Test
        void aPlainRestartAnswers204AndAnExtendedOneShowsWhatRestarts() {
            String name = unique("restart");
            create(name, source(name, "tasks.max", 2, "fail.task", 1));
            awaitState(name, "RUNNING", "RUNNING", "FAILED");

            assertThat(http.post("/connectors/" + name + "/restart", null).status())
                    .isEqualTo(204);
            awaitState(name, "RUNNING", "RUNNING", "FAILED");

            Answer onlyFailed = http.post("/connectors/" + name + "/restart?includeTasks=true&onlyFailed=true", null);
            assertThat(onlyFailed.status()).isEqualTo(202);
            assertThat(onlyFailed.json().path("connector").path("state").asText())
                    .isNotEqualTo("RESTARTING");
            assertThat(onlyFailed.json().path("tasks").get(0).path("state").asText())
                    .isEqualTo("RUNNING");
            assertThat(onlyFailed.json().path("tasks").get(1).path("state").asText())
                    .isEqualTo("RESTARTING");

            Answer all = http.post("/connectors/" + name + "/restart?includeTasks=true", null);
            assertThat(all.status()).isEqualTo(202);
            assertThat(all.json().path("connector").path("state").asText()).isEqualTo("RESTARTING");
            assertThat(all.json().path("tasks").findValuesAsText("state")).containsOnly("RESTARTING");
            awaitState(name, "RUNNING", "RUNNING", "FAILED");

            assertThat(http.post("/connectors/" + name + "/tasks/0/restart", null)
                            .status())
                    .isEqualTo(204);
            awaitState(name, "RUNNING", "RUNNING", "FAILED");

            Answer badFlag = http.post("/connectors/" + name + "/restart?includeTasks=yes", null);
            assertThat(badFlag.status()).isEqualTo(400);
            assertThat(badFlag.message()).contains("'includeTasks' takes true or false");
        }
    }

    @Nested
    class FailedConnectors {
        @Test
        void restartingOnlyWhatFailedRestartsAFailedConnectorWhole() {
            String name = unique("failed-start");
            create(name, source(name, "fail.start", "true"));
            Waits.until(
                    name + " FAILED",
                    () -> http.get("/connectors/" + name + "/status")
                            .json()
                            .path("connector")
                            .path("state")
                            .asText()
                            .equals("FAILED"));
            assertThat(http.get("/connectors/" + name + "/status")
                            .json()
                            .path("connector")
                            .path("trace")
                            .asText())
                    .contains("connector asked to fail by fail.start");

            Answer restart = http.post("/connectors/" + name + "/restart?includeTasks=true&onlyFailed=true", null);

            assertThat(restart.status()).as(restart.toString()).isEqualTo(202);
            assertThat(restart.json().path("connector").path("state").asText()).isEqualTo("RESTARTING");
            Waits.until(
                    name + " FAILED again, as it still fails",
                    () -> http.get("/connectors/" + name + "/status")
                            .json()
                            .path("connector")
                            .path("state")
                            .asText()
                            .equals("FAILED"));
            assertThat(http.put("/connectors/" + name + "/pause", null).status())
                    .isEqualTo(202);
            assertThat(http.put("/connectors/" + name + "/config", source(name)).status())
                    .isEqualTo(200);
            awaitState(name, "PAUSED", "PAUSED");
        }
    }

    @Nested
    class TopicsAndOffsets {
        @Test
        void activeTopicsAreTrackedAndReset() {
            String name = unique("topics");
            create(name, source(name));
            Waits.until(
                    "the connector's topic tracked",
                    () -> http.get("/connectors/" + name + "/topics")
                            .json()
                            .path(name)
                            .path("topics")
                            .toString()
                            .contains(name));

            assertThat(http.put("/connectors/" + name + "/topics/reset", null).status())
                    .isEqualTo(202);

            assertThat(http.get("/connectors/" + name + "/topics")
                            .json()
                            .path(name)
                            .path("topics"))
                    .isEmpty();
        }

        @Test
        void sourceOffsetsAreReadAndChangedOnlyWhileStopped() {
            String name = unique("source-offsets");
            create(name, source(name, "count", 4));
            Waits.until(
                    "the offset committed",
                    () -> http.get("/connectors/" + name + "/offsets").text().contains("\"next\":4"));
            JsonNode offsets =
                    http.get("/connectors/" + name + "/offsets").json().path("offsets");
            assertThat(offsets).hasSize(1);
            assertThat(offsets.get(0).path("partition").path("task").asInt()).isZero();

            Map<String, Object> change =
                    Map.of("offsets", List.of(Map.of("partition", Map.of("task", 0), "offset", Map.of("next", 2))));
            Answer whileRunning = http.patch("/connectors/" + name + "/offsets", change);
            assertThat(whileRunning.status()).isEqualTo(400);
            assertThat(whileRunning.message())
                    .startsWith("Connectors must be in the STOPPED state before their offsets can be modified")
                    .contains("/connectors/" + name + "/stop");

            assertThat(http.put("/connectors/" + name + "/stop", null).status()).isEqualTo(204);
            Answer altered = http.patch("/connectors/" + name + "/offsets", change);
            assertThat(altered.status()).isEqualTo(200);
            assertThat(altered.message())
                    .startsWith("The Connect framework-managed offsets for this connector have"
                            + " been altered successfully");
            assertThat(http.get("/connectors/" + name + "/offsets").text()).contains("\"next\":2");

            Answer reset = http.delete("/connectors/" + name + "/offsets");
            assertThat(reset.status()).isEqualTo(200);
            assertThat(reset.message()).contains("reset successfully");
            assertThat(http.get("/connectors/" + name + "/offsets").json().path("offsets"))
                    .isEmpty();
        }

        @Test
        void sinkOffsetsHaveConnectsFixedShape() {
            String topic = cluster.createTopic(unique("sink-topic"), 1);
            String name = unique("sink-offsets");
            try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of(
                    "bootstrap.servers", cluster.bootstrapServers(),
                    "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                    "value.serializer", "org.apache.kafka.common.serialization.StringSerializer"))) {
                for (int i = 0; i < 3; i++) {
                    producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, "v" + i));
                }
            }
            create(name, Map.of("connector.class", SINK, "topics", topic, "capture", name));
            Waits.until(
                    "the sink's offset committed",
                    () -> http.get("/connectors/" + name + "/offsets").text().contains("\"kafka_offset\":3"));
            JsonNode entry = http.get("/connectors/" + name + "/offsets")
                    .json()
                    .path("offsets")
                    .get(0);
            assertThat(entry.path("partition").path("kafka_topic").asText()).isEqualTo(topic);
            assertThat(entry.path("partition").path("kafka_partition").asInt()).isZero();
            assertThat(http.put("/connectors/" + name + "/stop", null).status()).isEqualTo(204);

            Answer badShape = http.patch(
                    "/connectors/" + name + "/offsets",
                    Map.of("offsets", List.of(Map.of("partition", Map.of("topic", topic), "offset", Map.of()))));
            assertThat(badShape.status()).isEqualTo(400);
            assertThat(badShape.message()).contains("'kafka_topic' and 'kafka_partition'");
            Answer empty = http.patch("/connectors/" + name + "/offsets", Map.of("offsets", List.of()));
            assertThat(empty.status()).isEqualTo(400);

            Map<String, Object> partition = Map.of("kafka_topic", topic, "kafka_partition", 0);
            Waits.until(
                    "the consumer group empty, so its offsets can change",
                    () -> http.patch(
                                            "/connectors/" + name + "/offsets",
                                            Map.of(
                                                    "offsets",
                                                    List.of(Map.of(
                                                            "partition",
                                                            partition,
                                                            "offset",
                                                            Map.of("kafka_offset", "1")))))
                                    .status()
                            == 200);
            assertThat(http.get("/connectors/" + name + "/offsets").text()).contains("\"kafka_offset\":1");
            assertThat(http.delete("/connectors/" + name + "/offsets").status()).isEqualTo(200);
            assertThat(http.get("/connectors/" + name + "/offsets").json().path("offsets"))
                    .isEmpty();
        }
    }

    @Nested
    class Plugins {
        @Test
        void pluginsAreListedSinksFirstAndWithOtherKindsOnRequest() {
            JsonNode connectors = http.get("/connector-plugins").json();
            List<String> types = connectors.findValuesAsText("type");
            assertThat(types).containsOnly("sink", "source");
            assertThat(types.lastIndexOf("sink")).isLessThan(types.indexOf("source"));
            assertThat(connectors.toString()).contains(SOURCE).contains("\"version\":\"2.1.0\"");

            JsonNode all = http.get("/connector-plugins?connectorsOnly=false").json();
            assertThat(all.findValuesAsText("type"))
                    .contains("transformation", "predicate", "converter", "header_converter");

            assertThat(http.get("/connector-plugins?connectorsOnly=maybe").status())
                    .isEqualTo(400);
        }

        @Test
        void aPluginsSettingsAreFoundByClassSimpleNameOrAlias() {
            for (String plugin : List.of(SOURCE, "CountingSourceConnector", "CountingSource")) {
                Answer config = http.get("/connector-plugins/" + plugin + "/config");
                assertThat(config.status()).as(plugin).isEqualTo(200);
                assertThat(config.json().findValuesAsText("name")).as(plugin).contains("topic", "secret", "tasks.max");
            }
            JsonNode topic = null;
            for (JsonNode key :
                    http.get("/connector-plugins/" + SOURCE + "/config").json()) {
                if (key.path("name").asText().equals("topic")) {
                    topic = key;
                }
            }
            assertThat(topic).isNotNull();
            assertThat(topic.path("type").asText()).isEqualTo("STRING");
            assertThat(topic.path("required").asBoolean()).isTrue();
            assertThat(topic.path("documentation").asText()).isEqualTo("Where the records go.");

            Answer unknown = http.get("/connector-plugins/NoSuchConnector/config");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.message()).isEqualTo("Unknown plugin NoSuchConnector.");
        }

        @Test
        void validationAnswers200WithEveryProblem() {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("connector.class", "CountingSourceConnector");
            config.put("name", "checked");
            config.put("count", "lots");
            config.put("secret", "hunter2");

            Answer validated = http.put("/connector-plugins/CountingSourceConnector/config/validate", config);

            assertThat(validated.status()).isEqualTo(200);
            JsonNode report = validated.json();
            assertThat(report.path("name").asText()).isEqualTo("CountingSourceConnector");
            assertThat(report.path("error_count").asInt()).isEqualTo(2);
            assertThat(report.path("groups").toString()).contains("Common");
            Map<String, JsonNode> values = new LinkedHashMap<>();
            report.path("configs")
                    .forEach(c -> values.put(c.path("value").path("name").asText(), c));
            assertThat(values.get("count").path("value").path("errors")).hasSize(1);
            assertThat(values.get("topic").path("value").path("errors")).hasSize(1);
            assertThat(values.get("count").path("definition").path("type").asText())
                    .isEqualTo("LONG");
            assertThat(values.get("secret").path("value").path("value").asText())
                    .isEqualTo("[hidden]");
            assertThat(validated.text()).doesNotContain("hunter2");
        }

        @Test
        void validationRefusesAMismatchedOrUnknownPlugin() {
            Answer mismatch = http.put(
                    "/connector-plugins/CountingSourceConnector/config/validate",
                    Map.of("connector.class", SINK, "topics", "t"));
            assertThat(mismatch.status()).isEqualTo(400);
            assertThat(mismatch.message())
                    .startsWith("Included connector type " + SINK + " does not match request"
                            + " type CountingSourceConnector");

            assertThat(http.put("/connector-plugins/NoSuch/config/validate", Map.of())
                            .status())
                    .isEqualTo(404);
            assertThat(http.send("PUT", "/connector-plugins/CountingSource/config/validate", "{}", "text/plain")
                            .status())
                    .isEqualTo(415);
        }
    }

    @Nested
    class Loggers {
        @Test
        void levelsAreReadAndSet() {
            String logger = "io.tributary.runtime.rest.probe";
            org.slf4j.LoggerFactory.getLogger(logger + ".child").debug("makes the logger exist");

            Answer set = http.put("/admin/loggers/" + logger, Map.of("level", "debug"));

            assertThat(set.status()).isEqualTo(200);
            List<String> changed = new ArrayList<>();
            set.json().forEach(n -> changed.add(n.asText()));
            assertThat(changed).contains(logger, logger + ".child");
            JsonNode level = http.get("/admin/loggers/" + logger + ".child").json();
            assertThat(level.path("level").asText()).isEqualTo("DEBUG");
            assertThat(level.path("last_modified").isNumber()).isTrue();
            assertThat(http.get("/admin/loggers")
                            .json()
                            .path(logger)
                            .path("level")
                            .asText())
                    .isEqualTo("DEBUG");
            assertThat(http.get("/admin/loggers").json().has("root")).isTrue();

            assertThat(http.put("/admin/loggers/" + logger + "?scope=cluster", Map.of("level", "INFO"))
                            .status())
                    .isEqualTo(204);
            assertThat(http.get("/admin/loggers/" + logger).json().path("level").asText())
                    .isEqualTo("INFO");
        }

        @Test
        void badLevelsAndUnknownLoggersAreRefused() {
            Answer badLevel = http.put("/admin/loggers/io.tributary", Map.of("level", "LOUD"));
            assertThat(badLevel.status()).isEqualTo(400);
            assertThat(badLevel.message()).contains("'LOUD'").contains("DEBUG");
            assertThat(http.put("/admin/loggers/io.tributary", Map.of("lvl", "INFO"))
                            .status())
                    .isEqualTo(400);
            assertThat(http.put("/admin/loggers/io.tributary?scope=galaxy", Map.of("level", "INFO"))
                            .status())
                    .isEqualTo(400);
            Answer unknown = http.get("/admin/loggers/no.such.logger.anywhere");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.message()).isEqualTo("Logger no.such.logger.anywhere not found.");
        }
    }

    /**
     * The repository keeps a copy of the served document, for readers and tools; when the API changes, the
     * served one is written to target/openapi.json to copy over it.
     */
    @Test
    void theServedOpenApiDocumentIsTheCopyInTheRepository() throws IOException {
        Answer served = http.get("/openapi.json");
        assertThat(served.status()).isEqualTo(200);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi.json"), served.text());

        JsonNode copy = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Path.of("openapi.json").toFile());

        assertThat(served.json())
                .as("GET /openapi.json differs from runtime/openapi.json; if the API changed on purpose, copy"
                        + " runtime/target/openapi.json over it")
                .isEqualTo(copy);
    }

    @Test
    void unknownPathsMethodsAndParametersGetJsonErrors() {
        Answer path = http.get("/no/such/path");
        assertThat(path.status()).isEqualTo(404);
        assertThat(path.json().path("error_code").asInt()).isEqualTo(404);

        Answer method = http.delete("/connector-plugins");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.json().path("error_code").asInt()).isEqualTo(405);

        Answer parameter = http.get("/connectors?expnad=status");
        assertThat(parameter.status()).isEqualTo(400);
        assertThat(parameter.message()).contains("'expnad'").contains("expand");

        for (String withParameter :
                List.of("/?verbose=true", "/admin/loggers?level=DEBUG", "/connector-plugins?all=true")) {
            Answer unknown = http.get(withParameter);
            assertThat(unknown.status()).as(withParameter).isEqualTo(400);
            assertThat(unknown.message()).as(withParameter).startsWith("Unknown query parameter");
        }

        Answer bogus = http.get("/connectors?expand=bogus");
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.message()).contains("status or info").contains("'bogus'");
    }
}
