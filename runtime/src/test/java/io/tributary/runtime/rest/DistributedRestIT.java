package io.tributary.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.runtime.distributed.DistributedRuntime;
import io.tributary.runtime.rest.Http.Answer;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.Waits;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.kafka.KafkaRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The REST API of a three-worker cluster on the embedded broker: every worker answers every endpoint, reads
 * from its own replay of the cluster's topics, and changes sent to a worker that does not lead reach the
 * leader.
 */
@WithKafka
class DistributedRestIT {
    private static final String SOURCE = CountingSourceConnector.class.getName();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final List<RestServer> servers = new ArrayList<>();
    private static final List<DistributedRuntime> runtimes = new ArrayList<>();
    private static final List<Http> workers = new ArrayList<>();
    private static final Set<String> workerIds = new HashSet<>();
    private static KafkaCluster cluster;
    private static String group;

    @BeforeAll
    static void startCluster(KafkaCluster kafka) {
        cluster = kafka;
        group = "rest-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("bootstrap.servers", kafka.bootstrapServers());
            settings.put("group.id", group);
            settings.put("config.storage.topic", group + "-configs");
            settings.put("offset.storage.topic", group + "-offsets");
            settings.put("status.storage.topic", group + "-status");
            settings.put("config.storage.replication.factor", "1");
            settings.put("offset.storage.replication.factor", "1");
            settings.put("status.storage.replication.factor", "1");
            settings.put("offset.flush.interval.ms", "200");
            settings.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
            settings.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
            settings.put("listeners", "http://localhost:0");
            RestServer rest = RestServer.start(new RestConfig(settings), "9.9.9-test", "abc123");
            DistributedRuntime runtime = DistributedRuntime.start(
                    settings, rest.workerId(), rest.advertisedUrl().toString());
            rest.serve(runtime.control());
            servers.add(rest);
            runtimes.add(runtime);
            workers.add(new Http(rest.advertisedUrl()));
            workerIds.add(rest.workerId());
        }
    }

    @AfterAll
    static void stopCluster() {
        runtimes.forEach(DistributedRuntime::close);
        servers.forEach(RestServer::close);
    }

    private static Map<String, Object> source(String topic, Object... more) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("connector.class", SOURCE);
        config.put("topic", topic);
        config.put("tasks.max", "2");
        for (int i = 0; i < more.length; i += 2) {
            config.put((String) more[i], more[i + 1]);
        }
        return config;
    }

    private static Map<String, Object> create(String name, Map<String, Object> config) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("config", config);
        return body;
    }

    /**
     * Which worker leads, found the way a forwarded request would: the leader takes a change marked as
     * forwarded, the others refuse it.
     */
    private static int leader() {
        return Waits.forValue("a leader that takes forwarded changes", TIMEOUT, () -> {
            for (int i = 0; i < workers.size(); i++) {
                Answer answer = workers.get(i)
                        .withHeader("X-Tributary-Forwarded-By", "the-test")
                        .put("/connectors/nobody-" + i + "/pause", null);
                if (answer.status() == 404) {
                    return i;
                }
            }
            return null;
        });
    }

    private static Http follower() {
        return workers.get((leader() + 1) % workers.size());
    }

    private static Http otherFollower() {
        return workers.get((leader() + 2) % workers.size());
    }

    private static void untilEveryWorker(String description, java.util.function.Predicate<Http> condition) {
        Waits.until(
                description + ", on every worker",
                TIMEOUT,
                () -> workers.stream().allMatch(condition));
    }

    private static boolean allRunning(Answer status, int tasks) {
        JsonNode json = status.json();
        return status.status() == 200
                && json.path("connector").path("state").asText().equals("RUNNING")
                && json.path("tasks").size() == tasks
                && IntStream.range(0, tasks)
                        .allMatch(i ->
                                json.path("tasks").get(i).path("state").asText().equals("RUNNING"));
    }

    @Test
    void connectorsCreatedThroughAnyWorkerRunAcrossTheClusterAndEveryWorkerShowsThem() {
        String topic = cluster.createTopic("spread", 3);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            String name = "spread-" + i + "-" + topic;
            Answer created = workers.get(i).post("/connectors", create(name, source(topic)));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            assertThat(created.json().path("name").asText()).isEqualTo(name);
            assertThat(created.json().path("config").path("name").asText()).isEqualTo(name);
            names.add(name);
        }

        untilEveryWorker("every connector listed", w -> {
            Set<String> listed = new HashSet<>();
            w.get("/connectors").json().forEach(n -> listed.add(n.asText()));
            return listed.containsAll(names);
        });
        untilEveryWorker(
                "every connector and task RUNNING",
                w -> names.stream().allMatch(name -> allRunning(w.get("/connectors/" + name + "/status"), 2)));

        Set<String> runningOn = new HashSet<>();
        for (String name : names) {
            JsonNode status = follower().get("/connectors/" + name + "/status").json();
            runningOn.add(status.path("connector").path("worker_id").asText());
            status.path("tasks").forEach(t -> runningOn.add(t.path("worker_id").asText()));
            assertThat(status.path("type").asText()).isEqualTo("source");
            assertThat(status.path("connector").path("version").asText()).isEqualTo("2.1.0");
        }
        assertThat(runningOn)
                .as("nine connectors and tasks spread over the three workers, named by their REST addresses")
                .isEqualTo(workerIds);

        Answer tasks = otherFollower().get("/connectors/" + names.get(0) + "/tasks");
        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.json()).hasSize(2);
        assertThat(tasks.json().get(1).path("config").path("task.number").asText())
                .isEqualTo("1");
    }

    @Test
    void aFollowerForwardsChangesAndRelaysTheLeadersRefusals() {
        String topic = cluster.createTopic("refused", 1);
        String name = "refused-" + topic;
        Http follower = follower();
        assertThat(follower.put("/connectors/" + name + "/config", source(topic))
                        .status())
                .isEqualTo(201);

        Answer duplicate = follower.post("/connectors", create(name, source(topic)));
        assertThat(duplicate.status()).as("%s", duplicate).isEqualTo(409);
        assertThat(duplicate.message()).isEqualTo("Connector " + name + " already exists");

        Answer invalid = otherFollower().put("/connectors/" + name + "/config", Map.of("connector.class", SOURCE));
        assertThat(invalid.status()).as("%s", invalid).isEqualTo(400);
        assertThat(invalid.message()).contains("topic");

        Answer unchanged = otherFollower().put("/connectors/" + name + "/config", source(topic));
        assertThat(unchanged.status()).as("the same configuration again").isEqualTo(200);

        Answer missing = follower.put("/connectors/no-such-" + name + "/pause", null);
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void aForwardedChangeThatReachesAWorkerWhichDoesNotLeadIsAConflictToRetry() {
        leader();
        Answer answer = follower()
                .withHeader("X-Tributary-Forwarded-By", "localhost:1")
                .put("/connectors/anything/pause", null);

        assertThat(answer.status()).as("%s", answer).isEqualTo(409);
        assertThat(answer.message()).contains("forwarded by localhost:1").contains("Retry");
    }

    @Test
    void pauseResumeStopOffsetsAndDeleteThroughFollowers() {
        String topic = cluster.createTopic("lifecycle", 2);
        String name = "lifecycle-" + topic;
        Http follower = follower();
        Http other = otherFollower();
        assertThat(follower.post("/connectors", create(name, source(topic, "accept.offsets", "true")))
                        .status())
                .isEqualTo(201);
        untilEveryWorker("the connector RUNNING", w -> allRunning(w.get("/connectors/" + name + "/status"), 2));

        assertThat(follower.put("/connectors/" + name + "/pause", null).status())
                .isEqualTo(202);
        untilEveryWorker("the connector and its tasks PAUSED", w -> {
            JsonNode status = w.get("/connectors/" + name + "/status").json();
            return status.path("connector").path("state").asText().equals("PAUSED")
                    && status.path("tasks").size() == 2
                    && status.path("tasks").findValuesAsText("state").stream().allMatch("PAUSED"::equals);
        });

        assertThat(other.put("/connectors/" + name + "/resume", null).status()).isEqualTo(202);
        untilEveryWorker("the connector RUNNING again", w -> allRunning(w.get("/connectors/" + name + "/status"), 2));

        Answer refused = follower.patch(
                "/connectors/" + name + "/offsets",
                Map.of("offsets", List.of(Map.of("partition", Map.of("task", 0), "offset", Map.of("next", 2)))));
        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.message()).contains("STOPPED");

        Waits.until("both tasks committed all five records", TIMEOUT, () -> {
            JsonNode offsets =
                    other.get("/connectors/" + name + "/offsets").json().path("offsets");
            return offsets.size() == 2
                    && offsets.findValuesAsText("next").stream().allMatch("5"::equals);
        });

        assertThat(follower.put("/connectors/" + name + "/stop", null).status()).isEqualTo(204);
        untilEveryWorker("the connector STOPPED with no tasks", w -> {
            JsonNode status = w.get("/connectors/" + name + "/status").json();
            return status.path("connector").path("state").asText().equals("STOPPED")
                    && status.path("tasks").isEmpty()
                    && w.get("/connectors/" + name + "/tasks").json().isEmpty();
        });

        Answer altered = other.patch(
                "/connectors/" + name + "/offsets",
                Map.of("offsets", List.of(Map.of("partition", Map.of("task", 0), "offset", Map.of("next", 2)))));
        assertThat(altered.status()).as("%s", altered).isEqualTo(200);
        Waits.until("the altered offset shown by a follower", TIMEOUT, () -> {
            JsonNode offsets =
                    follower.get("/connectors/" + name + "/offsets").json().path("offsets");
            for (JsonNode offset : offsets) {
                if (offset.path("partition").path("task").asInt() == 0) {
                    return offset.path("offset").path("next").asInt() == 2;
                }
            }
            return false;
        });

        assertThat(other.put("/connectors/" + name + "/resume", null).status()).isEqualTo(202);
        untilEveryWorker(
                "the resumed connector RUNNING with its tasks",
                w -> allRunning(w.get("/connectors/" + name + "/status"), 2));
        List<KafkaRecord> records = cluster.readUntil(
                topic,
                read -> read.stream()
                                .filter(r -> r.keyAsString().equals("task-0"))
                                .count()
                        == 8,
                TIMEOUT);
        assertThat(records.stream()
                        .filter(r -> r.keyAsString().equals("task-0"))
                        .map(KafkaRecord::valueAsString))
                .as("task 0 resumed from the offset set while stopped")
                .containsExactly("0", "1", "2", "3", "4", "2", "3", "4");

        assertThat(follower.delete("/connectors/" + name).status()).isEqualTo(204);
        untilEveryWorker(
                "the connector gone",
                w -> w.get("/connectors/" + name).status() == 404
                        && w.get("/connectors/" + name + "/status").status() == 404);
    }

    @Test
    void restartsAskedOfAFollowerRunWhereTheTaskRuns() {
        String topic = cluster.createTopic("restart", 1);
        String name = "restart-" + topic;
        Http follower = follower();
        assertThat(follower.post("/connectors", create(name, source(topic, "fail.task", "1")))
                        .status())
                .isEqualTo(201);
        untilEveryWorker("task 1 FAILED and task 0 RUNNING", w -> {
            JsonNode tasks = w.get("/connectors/" + name + "/status").json().path("tasks");
            return tasks.size() == 2
                    && tasks.get(0).path("state").asText().equals("RUNNING")
                    && tasks.get(1).path("state").asText().equals("FAILED");
        });

        Answer restart =
                otherFollower().post("/connectors/" + name + "/restart?includeTasks=true&onlyFailed=true", null);

        assertThat(restart.status()).as("%s", restart).isEqualTo(202);
        assertThat(restart.json().path("connector").path("state").asText()).isEqualTo("RUNNING");
        assertThat(restart.json().path("tasks").get(0).path("state").asText()).isEqualTo("RUNNING");
        assertThat(restart.json().path("tasks").get(1).path("state").asText()).isEqualTo("RESTARTING");
        String key = "status-task-" + name + "-1";
        cluster.readUntil(group + "-status", read -> failures(read, key) >= 2, TIMEOUT);

        assertThat(follower.post("/connectors/" + name + "/tasks/1/restart", null)
                        .status())
                .isEqualTo(204);
        cluster.readUntil(group + "-status", read -> failures(read, key) >= 3, TIMEOUT);
        assertThat(follower.post("/connectors/" + name + "/tasks/7/restart", null)
                        .status())
                .isEqualTo(404);
    }

    private static long failures(List<KafkaRecord> statusRecords, String key) {
        return statusRecords.stream()
                .filter(r -> key.equals(r.keyAsString())
                        && r.valueAsString() != null
                        && r.valueAsString().contains("\"FAILED\""))
                .count();
    }

    @Test
    void aFailedTaskRestartsByItselfWithBackOffAsItsConnectorAsksThenStaysFailed() {
        String topic = cluster.createTopic("self-restart", 1);
        String name = "self-restart-" + topic;
        String key = "status-task-" + name + "-1";
        Map<String, Object> config = source(
                topic, "fail.task", "1", "task.restart.max.attempts", "2", "task.restart.backoff.initial.ms", "100");
        assertThat(follower().post("/connectors", create(name, config)).status())
                .isEqualTo(201);

        List<KafkaRecord> statuses = cluster.readUntil(group + "-status", read -> failures(read, key) >= 3, TIMEOUT);
        assertThat(failures(statuses, key))
                .as("the first failure, and one after each of the two restarts")
                .isEqualTo(3);
        untilEveryWorker("task 1 FAILED and task 0 RUNNING", w -> {
            JsonNode tasks = w.get("/connectors/" + name + "/status").json().path("tasks");
            return tasks.size() == 2
                    && tasks.get(0).path("state").asText().equals("RUNNING")
                    && tasks.get(1).path("state").asText().equals("FAILED");
        });

        assertThat(otherFollower()
                        .post("/connectors/" + name + "/tasks/1/restart", null)
                        .status())
                .isEqualTo(204);
        cluster.readUntil(group + "-status", read -> failures(read, key) >= 6, TIMEOUT);
    }

    @Test
    void aChangedConfigurationReachesTheTasksWithItsConvertersAndTaskCount() {
        String topic = cluster.createTopic("changes", 1);
        String name = "changes-" + topic;
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("connector.class", "CounterSource");
        config.put("topic", topic);
        config.put("tasks.max", "2");
        config.put("records.per.second", "20");
        assertThat(follower().post("/connectors", create(name, config)).status())
                .isEqualTo(201);
        untilEveryWorker("two counters RUNNING", w -> allRunning(w.get("/connectors/" + name + "/status"), 2));
        cluster.readUntilCount(topic, 1, TIMEOUT); // something written with the first configuration

        config.put("tasks.max", "3");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "true");
        assertThat(otherFollower()
                        .put("/connectors/" + name + "/config", config)
                        .status())
                .isEqualTo(200);

        untilEveryWorker("three counters RUNNING", w -> allRunning(w.get("/connectors/" + name + "/status"), 3));
        List<KafkaRecord> records = cluster.readUntil(
                topic,
                read -> read.stream().anyMatch(r -> r.keyAsString().equals("task-2"))
                        && read.stream()
                                .anyMatch(r -> r.keyAsString().equals("task-0")
                                        && r.valueAsString().startsWith("{\"schema\"")),
                TIMEOUT);
        assertThat(records.get(0).valueAsString())
                .as("written with the first configuration's converter")
                .doesNotStartWith("{");
        assertThat(records.stream()
                        .filter(r -> r.keyAsString().equals("task-2"))
                        .findFirst()
                        .orElseThrow()
                        .valueAsString())
                .as("the new task writes with the new converter")
                .isEqualTo("{\"schema\":{\"type\":\"string\",\"optional\":false},\"payload\":\"0\"}");
    }
}
