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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A cluster of worker containers, from the image, on a broker container: connectors created through any
 * worker spread over all of them, and when a worker's container is killed (SIGKILL, no goodbye) its tasks
 * run on the others within the session timeout, while a source counts without losing a number. Skips where
 * no Docker engine runs or the images were not built.
 */
class WorkerClusterImageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TASKS = 4;
    private static final int RATE = 200;
    private static final long FLUSH_MS = 1_000;

    private final List<GenericContainer<?>> containers = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void imagesExist() throws Exception {
        Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "no Docker engine runs here");
        for (String image : List.of(ClusterContainers.WORKER_IMAGE, ClusterContainers.KAFKA_IMAGE)) {
            Process inspect = new ProcessBuilder("docker", "image", "inspect", image)
                    .redirectErrorStream(true)
                    .start();
            inspect.getInputStream().readAllBytes();
            Assumptions.assumeTrue(
                    inspect.waitFor(30, TimeUnit.SECONDS) && inspect.exitValue() == 0,
                    "image " + image + " was not built");
        }
    }

    @AfterEach
    void stopContainers() {
        containers.forEach(GenericContainer::stop);
    }

    private GenericContainer<?> worker(Network network, String name) {
        GenericContainer<?> worker = ClusterContainers.worker(
                network, name, "image-cluster", Map.of("TRIBUTARY_OFFSET_FLUSH_INTERVAL_MS", Long.toString(FLUSH_MS)));
        containers.add(worker);
        worker.start();
        return worker;
    }

    private static URI base(GenericContainer<?> worker) {
        return URI.create("http://" + worker.getHost() + ":" + worker.getMappedPort(8083) + "/");
    }

    private JsonNode get(GenericContainer<?> worker, String path) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(base(worker).resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : JSON.createObjectNode();
    }

    /** Where each RUNNING task runs, as a worker's status says; an empty map until every task runs. */
    private Map<Integer, String> tasksRunning(GenericContainer<?> seenBy) throws Exception {
        JsonNode status = get(seenBy, "connectors/counter/status");
        Map<Integer, String> where = new TreeMap<>();
        for (JsonNode task : status.path("tasks")) {
            if (task.path("state").asText().equals("RUNNING")) {
                where.put(task.path("id").asInt(), task.path("worker_id").asText());
            }
        }
        return where.size() == TASKS ? where : Map.of();
    }

    @Test
    void aKilledWorkersTasksRunOnTheOthersWithinSecondsAndNoNumberIsLost() throws Exception {
        Network network = Network.newNetwork();
        KafkaContainer kafka = ClusterContainers.kafka(network);
        containers.add(kafka);
        kafka.start();
        GenericContainer<?> first = worker(network, "worker-1");
        GenericContainer<?> second = worker(network, "worker-2");

        String create = "{\"name\": \"counter\", \"config\": {\"connector.class\": \"CounterSource\", \"topic\":"
                + " \"counts\", \"tasks.max\": \"" + TASKS + "\", \"records.per.second\": \"" + RATE + "\"}}";
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(base(second).resolve("connectors"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(create))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        Map<Integer, String> before = await().atMost(Duration.ofMinutes(1))
                .alias("every task RUNNING, on both workers")
                .until(
                        () -> tasksRunning(first),
                        where -> Set.copyOf(where.values()).size() == 2);
        assertThat(before.values()).containsOnly("worker-1:8083", "worker-2:8083");
        // Let the counters run past a few offset commits.
        await().atMost(Duration.ofMinutes(1)).until(() -> countsWritten(kafka) > (long) TASKS * RATE * 3);

        first.getDockerClient()
                .killContainerCmd(first.getContainerId())
                .withSignal("SIGKILL")
                .exec();
        long killed = System.nanoTime();
        Map<Integer, String> after = await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(100))
                .alias("every task RUNNING on the surviving worker")
                .until(
                        () -> tasksRunning(second),
                        where -> Set.copyOf(where.values()).equals(Set.of("worker-2:8083")));
        double seconds = (System.nanoTime() - killed) / 1e9;
        assertThat(after).hasSize(TASKS);

        Map<String, List<Long>> numbers = await().atMost(Duration.ofMinutes(1))
                .alias("each moved counter past where it was at the kill")
                .until(() -> readCounts(kafka), read -> read.values().stream().allMatch(n -> n.size() > RATE * 8));
        long moved = before.values().stream().filter("worker-1:8083"::equals).count();
        long duplicates = 0;
        for (Map.Entry<String, List<Long>> counter : numbers.entrySet()) {
            Set<Long> distinct = new TreeSet<>(counter.getValue());
            long highest =
                    counter.getValue().stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(distinct)
                    .as("%s: every number from 0 to %d", counter.getKey(), highest)
                    .hasSize((int) highest + 1);
            duplicates += counter.getValue().size() - distinct.size();
        }
        System.out.printf(
                "Killed a worker running %d of %d tasks: all RUNNING on the other after %.1f s; %d records written"
                        + " twice (%d records/s per task, offsets committed every %d ms)%n",
                moved, TASKS, seconds, duplicates, RATE, FLUSH_MS);
        // The moved tasks redo at most what they wrote since their last commit: the commit interval, plus the
        // time the commit takes, at their rate.
        assertThat(duplicates).isLessThanOrEqualTo(moved * RATE * (FLUSH_MS + 1_000) / 1_000);
        assertThat(seconds)
                .as("the default session timeout (10 s) plus a few seconds")
                .isLessThan(20);
    }

    private static KafkaConsumer<String, String> consumer(KafkaContainer kafka) {
        Properties settings = new Properties();
        settings.put("bootstrap.servers", kafka.getBootstrapServers());
        settings.put("key.deserializer", StringDeserializer.class.getName());
        settings.put("value.deserializer", StringDeserializer.class.getName());
        return new KafkaConsumer<>(settings);
    }

    private static long countsWritten(KafkaContainer kafka) {
        try (KafkaConsumer<String, String> consumer = consumer(kafka)) {
            List<TopicPartition> partitions = consumer.partitionsFor("counts", Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            return consumer.endOffsets(partitions).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    /** Every number written, by counter, in the order read. */
    private static Map<String, List<Long>> readCounts(KafkaContainer kafka) {
        Map<String, List<Long>> numbers = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer(kafka)) {
            List<TopicPartition> partitions = consumer.partitionsFor("counts", Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    numbers.computeIfAbsent(record.key(), k -> new ArrayList<>())
                            .add(Long.parseLong(record.value()));
                }
            }
        }
        return numbers.size() == TASKS ? numbers : Map.of();
    }
}
