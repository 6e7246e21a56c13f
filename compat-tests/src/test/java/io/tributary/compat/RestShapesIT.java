package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.compat.Rest.Answer;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.Waits;
import io.tributary.testkit.WithKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same requests to Tributary and to Apache Kafka Connect 4.3, both standalone on one broker: the same
 * status codes, the same body shapes, the same messages where users and tools read them. Each side runs a
 * connector of its own, so connector settings, partitions and offsets are compared as objects only.
 */
@WithKafka
class RestShapesIT {
    private static Workers.Worker tributary;
    private static Workers.Worker connect;
    private static Rest onTributary;
    private static Rest onConnect;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startWorkers(KafkaCluster kafka) throws IOException {
        tributary = Workers.tributary(kafka.bootstrapServers(), dir.resolve("tributary.offsets"));
        connect = Workers.connect(kafka.bootstrapServers(), dir.resolve("connect.offsets"));
        onTributary = new Rest(tributary.url());
        onConnect = new Rest(connect.url());
        Files.writeString(dir.resolve("lines.txt"), "one\ntwo\nthree\n");
    }

    @AfterAll
    static void stopWorkers() {
        connect.close();
        tributary.close();
    }

    /** A source connector's configuration for each side. */
    private static Map<String, Object> source(Rest side, String topic) {
        Map<String, Object> config = new LinkedHashMap<>();
        if (side == onConnect) {
            config.put("connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector");
            config.put("file", dir.resolve("lines.txt").toString());
        } else {
            config.put("connector.class", "io.tributary.runtime.examples.DemoSourceConnector");
            config.put("count", "3");
            config.put("interval.ms", "10");
        }
        config.put("topic", topic);
        config.put("tasks.max", "1");
        return config;
    }

    /** Sends one request to both workers. */
    private static Answer[] both(BiFunction<Rest, String, Answer> request, String name) {
        return new Answer[] {request.apply(onTributary, name), request.apply(onConnect, name)};
    }

    private static void sameShape(Answer[] answers, String what) {
        assertThat(answers[0].status())
                .as(what + ": status; Tributary %s, Connect %s", answers[0], answers[1])
                .isEqualTo(answers[1].status());
        assertThat(Rest.sameShape(answers[0].body(), answers[1].body()))
                .as(
                        what + ": shapes differ;\nTributary %s\nConnect   %s",
                        Rest.shape(answers[0].body()),
                        Rest.shape(answers[1].body()))
                .isTrue();
    }

    private static void sameMessage(Answer[] answers, String what) {
        sameShape(answers, what);
        assertThat(answers[0].message()).as(what + ": message").isEqualTo(answers[1].message());
    }

    private static String created(Rest side) {
        String name = "shapes-" + UUID.randomUUID().toString().substring(0, 8);
        Answer answer = side.send("POST", "connectors", Map.of("name", name, "config", source(side, name)));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return name;
    }

    private static void awaitRunning(Rest side, String name) {
        Waits.until(name + " and its task RUNNING", () -> {
            JsonNode status = side.get("connectors/" + name + "/status").body();
            return status != null
                    && status.path("connector").path("state").asText().equals("RUNNING")
                    && status.path("tasks").size() == 1
                    && status.path("tasks").get(0).path("state").asText().equals("RUNNING");
        });
    }

    @Test
    void theRootShowsTheSameClusterId() {
        Answer[] root = both((side, n) -> side.get(""), null);

        sameShape(root, "GET /");
        assertThat(root[0].body().path("kafka_cluster_id"))
                .isEqualTo(root[1].body().path("kafka_cluster_id"));
    }

    @Test
    void aConnectorsLifeLooksTheSameOnBoth() {
        String name = "life-" + UUID.randomUUID().toString().substring(0, 8);
        Answer[] create = {
            onTributary.send("POST", "connectors", Map.of("name", name, "config", source(onTributary, name))),
            onConnect.send("POST", "connectors", Map.of("name", name, "config", source(onConnect, name)))
        };
        sameShape(create, "POST /connectors");
        assertThat(create[0].headers().firstValue("Location")).isPresent();
        assertThat(create[1].headers().firstValue("Location")).isPresent();
        sameMessage(
                both((side, n) -> side.send("POST", "connectors", Map.of("name", n, "config", source(side, n))), name),
                "POST /connectors again");
        awaitRunning(onTributary, name);
        awaitRunning(onConnect, name);

        sameShape(both((side, n) -> side.get("connectors/" + n), name), "GET /connectors/{name}");
        sameShape(both((side, n) -> side.get("connectors/" + n + "/status"), name), "GET status");
        sameShape(both((side, n) -> side.get("connectors/" + n + "/tasks"), name), "GET tasks");
        sameShape(both((side, n) -> side.get("connectors/" + n + "/tasks/0/status"), name), "GET task status");
        sameShape(
                both(
                        (side, n) -> {
                            Answer all = side.get("connectors?expand=status&expand=info");
                            return new Answer(all.status(), all.body().path(n), all.headers());
                        },
                        name),
                "GET /connectors?expand=status&expand=info, one entry");
        sameShape(both((side, n) -> side.send("PUT", "connectors/" + n + "/pause", null), name), "PUT pause");
        sameShape(both((side, n) -> side.send("PUT", "connectors/" + n + "/resume", null), name), "PUT resume");
        awaitRunning(onTributary, name);
        awaitRunning(onConnect, name);
        sameShape(both((side, n) -> side.send("POST", "connectors/" + n + "/restart", null), name), "POST restart");
        awaitRunning(onTributary, name);
        awaitRunning(onConnect, name);
        sameShape(
                both((side, n) -> side.send("POST", "connectors/" + n + "/restart?includeTasks=true", null), name),
                "POST restart?includeTasks=true");
        awaitRunning(onTributary, name);
        awaitRunning(onConnect, name);
        Waits.until(
                "both tracked the topic",
                () -> List.of(onTributary, onConnect).stream()
                        .allMatch(side -> side.get("connectors/" + name + "/topics")
                                .body()
                                .toString()
                                .contains(name)));
        sameShape(both((side, n) -> side.get("connectors/" + n + "/topics"), name), "GET topics");
        sameShape(
                both((side, n) -> side.send("PUT", "connectors/" + n + "/topics/reset", null), name),
                "PUT topics/reset");

        Map<String, Object> noOffsets = Map.of("offsets", List.of(Map.of("partition", Map.of("x", 1))));
        sameMessage(
                both((side, n) -> side.send("PATCH", "connectors/" + n + "/offsets", noOffsets), name),
                "PATCH offsets while running");
        sameShape(both((side, n) -> side.send("PUT", "connectors/" + n + "/stop", null), name), "PUT stop");
        Waits.until(
                "both STOPPED",
                () -> List.of(onTributary, onConnect).stream()
                        .allMatch(side -> side.get("connectors/" + name + "/status")
                                .body()
                                .path("connector")
                                .path("state")
                                .asText()
                                .equals("STOPPED")));
        sameShape(both((side, n) -> side.get("connectors/" + n + "/status"), name), "GET status when STOPPED");
        sameShape(both((side, n) -> side.get("connectors/" + n + "/offsets"), name), "GET offsets");
        // Connect's file source vouches for its offsets and ours does not, hence the two texts Connect has.
        Answer[] reset = both((side, n) -> side.send("DELETE", "connectors/" + n + "/offsets", null), name);
        sameShape(reset, "DELETE offsets");
        assertThat(reset[0].message()).contains("offsets for this connector have been reset successfully");
        assertThat(reset[1].message()).contains("offsets for this connector have been reset successfully");
        sameShape(
                both((side, n) -> side.send("PATCH", "connectors/" + n + "/config", Map.of("tasks.max", "1")), name),
                "PATCH config");
        sameShape(
                both((side, n) -> side.send("PUT", "connectors/" + n + "/config", source(side, n)), name),
                "PUT config (update)");

        sameShape(both((side, n) -> side.send("DELETE", "connectors/" + n, null), name), "DELETE");
        sameMessage(both((side, n) -> side.get("connectors/" + n), name), "GET a deleted connector");
    }

    @Test
    void unknownConnectorsAndMismatchedNamesAreRefusedAlike() {
        for (String path : List.of(
                "connectors/nope",
                "connectors/nope/config",
                "connectors/nope/status",
                "connectors/nope/tasks/0/status")) {
            sameMessage(both((side, n) -> side.get(path), null), "GET " + path);
        }
        sameMessage(both((side, n) -> side.send("PUT", "connectors/nope/pause", null), null), "PUT pause unknown");
        Answer[] mismatch =
                both((side, n) -> side.send("PUT", "connectors/one/config", Map.of("name", "two", "topic", "t")), null);
        assertThat(mismatch[0].status()).isEqualTo(400).isEqualTo(mismatch[1].status());
        assertThat(mismatch[0].message()).startsWith(mismatch[1].message());
    }

    @Test
    void pluginsAndValidationHaveTheSameShapes() {
        sameShape(both((side, n) -> side.get("connector-plugins"), null), "GET /connector-plugins");
        Answer[] all = both((side, n) -> side.get("connector-plugins?connectorsOnly=false"), null);
        sameShape(all, "GET /connector-plugins?connectorsOnly=false");
        assertThat(all[0].body().findValuesAsText("type"))
                .containsAll(all[1].body().findValuesAsText("type"));

        Answer[] config = {
            onTributary.get("connector-plugins/DemoFileSink/config"),
            onConnect.get("connector-plugins/FileStreamSink/config")
        };
        sameShape(config, "GET /connector-plugins/{plugin}/config");

        Answer[] validation = {
            onTributary.send(
                    "PUT", "connector-plugins/DemoFileSink/config/validate", Map.of("connector.class", "DemoFileSink")),
            onConnect.send(
                    "PUT",
                    "connector-plugins/FileStreamSink/config/validate",
                    Map.of("connector.class", "FileStreamSink"))
        };
        assertThat(validation[0].status()).isEqualTo(200).isEqualTo(validation[1].status());
        assertThat(fieldNames(validation[0].body())).isEqualTo(fieldNames(validation[1].body()));
        assertThat(Rest.sameShape(
                        validation[0].body().path("configs"),
                        validation[1].body().path("configs")))
                .as(
                        "validate's configs;\nTributary %s\nConnect   %s",
                        Rest.shape(validation[0].body().path("configs")),
                        Rest.shape(validation[1].body().path("configs")))
                .isTrue();
        assertThat(validation[0].body().path("name").asText()).isEqualTo("DemoFileSink");
        assertThat(validation[1].body().path("name").asText()).isEqualTo("FileStreamSink");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void loggersHaveTheSameShapes() {
        Answer[] loggers = both((side, n) -> side.get("admin/loggers"), null);
        assertThat(loggers[0].status()).isEqualTo(200).isEqualTo(loggers[1].status());
        assertThat(Rest.shape(loggers[0].body().path("root")))
                .isEqualTo(Rest.shape(loggers[1].body().path("root")));
        sameShape(both((side, n) -> side.get("admin/loggers/root"), null), "GET /admin/loggers/root");
    }

    /** Where Connect answers 500 for bad input, Tributary answers 400 with what to fix. */
    @Test
    void malformedJsonIsABadRequestOnTributaryAndAServerErrorOnConnect() {
        Answer[] malformed = both((side, n) -> side.send("POST", "connectors", "{\"name\": "), null);

        assertThat(malformed[0].status()).isEqualTo(400);
        assertThat(malformed[1].status()).isEqualTo(500);
        assertThat(Rest.sameShape(malformed[0].body(), malformed[1].body())).isTrue();
    }
}
