package io.tributary.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Measures failover in a three-worker cluster of containers at default settings, for the runtime's README:
 * the time from a worker's {@code SIGKILL} to all its tasks RUNNING elsewhere, from a clean stop ({@code
 * SIGTERM}) to the same, and from a new worker's container start to its share of the tasks RUNNING on it.
 * Prints min, median and max. Runs only when asked: {@code -Dfailover.runs=5}.
 */
class FailoverMeasurementIT {
    private static final int RUNS = Integer.getInteger("failover.runs", 0);
    private static final int TASKS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<GenericContainer<?>> containers = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private Network network;
    private int nextWorker = 1;

    @AfterEach
    void stopContainers() {
        containers.forEach(GenericContainer::stop);
    }

    private GenericContainer<?> startWorker() {
        GenericContainer<?> worker = ClusterContainers.worker(network, "worker-" + nextWorker++, "measured", Map.of());
        containers.add(worker);
        worker.start();
        return worker;
    }

    private static String id(GenericContainer<?> worker) {
        return worker.getNetworkAliases().get(worker.getNetworkAliases().size() - 1) + ":8083";
    }

    /** Where each RUNNING task runs; empty until all run. */
    private Map<Integer, String> running(GenericContainer<?> seenBy) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://" + seenBy.getHost() + ":" + seenBy.getMappedPort(8083)
                                + "/connectors/counter/status"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            return Map.of();
        }
        Map<Integer, String> where = new HashMap<>();
        for (JsonNode task : JSON.readTree(answer.body()).path("tasks")) {
            if (task.path("state").asText().equals("RUNNING")) {
                where.put(task.path("id").asInt(), task.path("worker_id").asText());
            }
        }
        return where.size() == TASKS ? where : Map.of();
    }

    private double secondsUntil(
            GenericContainer<?> seenBy, long since, java.util.function.Predicate<Map<Integer, String>> done) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> running(seenBy), done);
        return (System.nanoTime() - since) / 1e9;
    }

    /** Tasks spread evenly over these workers, and only them. */
    private static boolean spreadOver(Map<Integer, String> where, Collection<GenericContainer<?>> workers) {
        Map<String, Long> perWorker =
                where.values().stream().collect(Collectors.groupingBy(w -> w, Collectors.counting()));
        return perWorker.size() == workers.size()
                && workers.stream().allMatch(w -> perWorker.getOrDefault(id(w), 0L) == TASKS / workers.size());
    }

    @Test
    void measureDeathCleanLeaveAndJoin() throws Exception {
        Assumptions.assumeTrue(RUNS > 0, "measures only when asked: -Dfailover.runs=5");
        Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "no Docker engine runs here");
        network = Network.newNetwork();
        KafkaContainer kafka = ClusterContainers.kafka(network);
        containers.add(kafka);
        kafka.start();
        List<GenericContainer<?>> workers = new ArrayList<>(List.of(startWorker(), startWorker(), startWorker()));
        String create = "{\"name\": \"counter\", \"config\": {\"connector.class\": \"CounterSource\", \"topic\":"
                + " \"counts\", \"tasks.max\": \"" + TASKS + "\"}}";
        GenericContainer<?> first = workers.get(0);
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://" + first.getHost() + ":" + first.getMappedPort(8083) + "/connectors"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(create))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        secondsUntil(first, System.nanoTime(), where -> spreadOver(where, workers));

        List<Double> deaths = new ArrayList<>();
        List<Double> leaves = new ArrayList<>();
        List<Double> joins = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            GenericContainer<?> victim = workers.remove(0);
            long killed = System.nanoTime();
            victim.getDockerClient()
                    .killContainerCmd(victim.getContainerId())
                    .withSignal("SIGKILL")
                    .exec();
            deaths.add(secondsUntil(workers.get(0), killed, where -> !where.containsValue(id(victim))));
            containers.remove(victim);
            victim.stop();

            long joining = System.nanoTime();
            workers.add(startWorker());
            joins.add(secondsUntil(workers.get(0), joining, where -> spreadOver(where, workers)));

            GenericContainer<?> leaver = workers.remove(0);
            long leaving = System.nanoTime();
            leaver.getDockerClient()
                    .stopContainerCmd(leaver.getContainerId())
                    .withTimeout(30)
                    .exec();
            leaves.add(secondsUntil(workers.get(0), leaving, where -> !where.containsValue(id(leaver))));
            containers.remove(leaver);
            leaver.stop();

            joining = System.nanoTime();
            workers.add(startWorker());
            joins.add(secondsUntil(workers.get(0), joining, where -> spreadOver(where, workers)));
        }
        System.out.printf(
                "Failover at default settings, %d runs (min / median / max, s):%n  death (SIGKILL) to all tasks RUNNING"
                        + " elsewhere: %s%n  clean stop (SIGTERM) to all tasks RUNNING elsewhere: %s%n  new worker's"
                        + " container start to its share RUNNING: %s%n",
                RUNS, summary(deaths), summary(leaves), summary(joins));
    }

    private static String summary(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        double median = sorted.size() % 2 == 1
                ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return String.format("%.1f / %.1f / %.1f", sorted.get(0), median, sorted.get(sorted.size() - 1));
    }
}
