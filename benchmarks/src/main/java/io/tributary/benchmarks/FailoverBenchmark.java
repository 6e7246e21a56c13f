package io.tributary.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * Failover in a cluster of three worker processes on one broker: Tributary's beside Apache Kafka Connect's
 * 4.3.1, each at its defaults, and Connect also with {@code scheduled.rebalance.max.delay.ms=0}. Each run
 * starts three workers and a connector of six idle tasks, then times, from the event to all six tasks RUNNING
 * where they should be, seen through a surviving worker's REST API:
 * <ul>
 *   <li>a worker killed ({@code SIGKILL}) that ran tasks but did not lead;
 *   <li>a worker stopped cleanly ({@code SIGTERM});
 *   <li>a new worker joining, until it runs its share;
 *   <li>the leader killed: the first worker started, whose join the group's coordinator saw first.
 * </ul>
 * Prints min, median and max over the runs.
 *
 * <p>{@code java -cp tributary-benchmarks.jar io.tributary.benchmarks.FailoverBenchmark [--runs=5]
 * [--connect-defaults]}
 */
public final class FailoverBenchmark {
    private static final int TASKS = 6;
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A runtime under test, and how it starts a worker and a connector. */
    enum Engine {
        TRIBUTARY("Tributary", "io.tributary.runtime.cli.TributaryCli", TributaryBenchSource.class, Map.of()),
        CONNECT_NO_DELAY(
                "Kafka Connect, scheduled.rebalance.max.delay.ms=0",
                "org.apache.kafka.connect.cli.ConnectDistributed",
                ConnectBenchSource.class,
                Map.of("scheduled.rebalance.max.delay.ms", "0")),
        CONNECT(
                "Kafka Connect, defaults",
                "org.apache.kafka.connect.cli.ConnectDistributed",
                ConnectBenchSource.class,
                Map.of());

        final String label;
        final String mainClass;
        final Class<?> source;
        final Map<String, String> settings;

        Engine(String label, String mainClass, Class<?> source, Map<String, String> settings) {
            this.label = label;
            this.mainClass = mainClass;
            this.source = source;
            this.settings = settings;
        }
    }

    /** One worker process, its REST port and its log. */
    private record Worker(String name, Process process, int port, Path log) {
        URI url() {
            return URI.create("http://localhost:" + port + "/");
        }

        String id() {
            return "localhost:" + port;
        }
    }

    private final BenchKafka kafka;
    private final Path dir;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Worker> started = new ArrayList<>();
    private int cluster;

    private FailoverBenchmark(BenchKafka kafka, Path dir) {
        this.kafka = kafka;
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        boolean connectDefaults = false;
        for (String arg : args) {
            if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring("--runs=".length()));
            } else if (arg.equals("--connect-defaults")) {
                connectDefaults = true;
            } else {
                throw new IllegalArgumentException("Unknown argument " + arg + "; use --runs=N and --connect-defaults");
            }
        }
        Path dir = Files.createTempDirectory("tributary-failover");
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        try (BenchKafka kafka = BenchKafka.start()) {
            FailoverBenchmark benchmark = new FailoverBenchmark(kafka, dir);
            for (Engine engine : List.of(Engine.TRIBUTARY, Engine.CONNECT_NO_DELAY)) {
                for (int run = 1; run <= runs; run++) {
                    benchmark.run(engine, run, seconds);
                }
            }
            if (connectDefaults) {
                benchmark.killOnly(Engine.CONNECT, seconds);
            }
        }
        System.out.println();
        System.out.println(table(seconds));
        System.out.println();
        System.out.println("Worker logs: " + dir);
    }

    private void run(Engine engine, int run, Map<String, List<Double>> seconds) throws Exception {
        String group = "failover-" + ++cluster;
        try {
            List<Worker> workers = startCluster(engine, group);
            Worker first = workers.get(0);
            Worker second = workers.get(1);
            Worker third = workers.get(2);

            // A worker that runs tasks and does not lead, killed.
            long killed = kill(third, true);
            record(
                    seconds,
                    engine,
                    "a worker killed (SIGKILL)",
                    secondsSince(killed, awaitTasks(second, where -> !where.containsValue(third.id()))));

            // The same worker again, joining: until it runs its share of the tasks.
            long joined = System.nanoTime();
            Worker again = start(engine, group, "3b");
            record(
                    seconds,
                    engine,
                    "a worker joining",
                    secondsSince(
                            joined,
                            awaitTasks(
                                    second,
                                    where -> where.values().stream()
                                                    .filter(again.id()::equals)
                                                    .count()
                                            >= TASKS / 3)));

            // A worker stopped cleanly.
            long stopped = kill(again, false);
            record(
                    seconds,
                    engine,
                    "a worker stopped (SIGTERM)",
                    secondsSince(stopped, awaitTasks(second, where -> !where.containsValue(again.id()))));

            // The leader, the first worker to join, killed.
            long leader = kill(first, true);
            record(
                    seconds,
                    engine,
                    "the leader killed (SIGKILL)",
                    secondsSince(leader, awaitTasks(second, where -> !where.containsValue(first.id()))));
            System.err.printf(Locale.ROOT, "%s, run %d: done%n", engine.label, run);
        } finally {
            stopAll();
        }
    }

    private void killOnly(Engine engine, Map<String, List<Double>> seconds) throws Exception {
        String group = "failover-" + ++cluster;
        try {
            List<Worker> workers = startCluster(engine, group);
            Worker second = workers.get(1);
            Worker third = workers.get(2);
            long killed = kill(third, true);
            record(
                    seconds,
                    engine,
                    "a worker killed (SIGKILL)",
                    secondsSince(
                            killed,
                            awaitTasks(second, where -> !where.containsValue(third.id()), Duration.ofMinutes(6))));
        } finally {
            stopAll();
        }
    }

    /** @return three workers of a new cluster, running the connector's tasks on all three */
    private List<Worker> startCluster(Engine engine, String group) throws Exception {
        List<Worker> workers = List.of(start(engine, group, "1"), start(engine, group, "2"), start(engine, group, "3"));
        createConnector(engine, workers.get(0));
        List<String> ids = workers.stream().map(Worker::id).toList();
        awaitTasks(workers.get(1), where -> where.values().containsAll(ids));
        return workers;
    }

    private static void record(Map<String, List<Double>> seconds, Engine engine, String event, double value) {
        seconds.computeIfAbsent(engine.label + "|" + event, key -> new ArrayList<>())
                .add(value);
        System.err.printf(Locale.ROOT, "%s: %s in %.2f s%n", engine.label, event, value);
    }

    private static double secondsSince(long start, long end) {
        return (end - start) / 1e9;
    }

    private Worker start(Engine engine, String group, String name) throws Exception {
        int port = freePort();
        Properties settings = new Properties();
        settings.setProperty("bootstrap.servers", kafka.bootstrapServers());
        settings.setProperty("group.id", group);
        settings.setProperty("config.storage.topic", group + "-configs");
        settings.setProperty("offset.storage.topic", group + "-offsets");
        settings.setProperty("status.storage.topic", group + "-status");
        settings.setProperty("config.storage.replication.factor", "1");
        settings.setProperty("offset.storage.replication.factor", "1");
        settings.setProperty("status.storage.replication.factor", "1");
        settings.setProperty("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.setProperty("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.setProperty("listeners", "http://localhost:" + port);
        settings.setProperty("rest.advertised.host.name", "localhost");
        settings.setProperty("plugin.discovery", "service_load");
        engine.settings.forEach(settings::setProperty);
        Path file = dir.resolve(group + "-worker-" + name + ".properties");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            settings.store(out, null);
        }
        Path log = dir.resolve(group + "-worker-" + name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                engine.mainClass));
        if (engine == Engine.TRIBUTARY) {
            command.add("distributed");
        }
        command.add(file.toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Worker worker = new Worker(name, process, port, log);
        started.add(worker);
        awaitUntil(worker + " answering", Duration.ofSeconds(60), () -> get(worker, "connectors") != null);
        return worker;
    }

    private void createConnector(Engine engine, Worker worker) throws Exception {
        String topic = kafka.createTopic("failover-" + cluster, 1);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("connector.class", engine.source.getName());
        config.put("tasks.max", Integer.toString(TASKS));
        config.put("topic", topic);
        config.put("records", "0");
        String body = JSON.writeValueAsString(Map.of("name", "failover", "config", config));
        awaitUntil("the connector created", DEADLINE, () -> {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(worker.url().resolve("connectors"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            // 409 while the cluster's first rebalance is under way, or when an earlier attempt landed.
            return answer.statusCode() == 201
                    || (answer.statusCode() == 409 && answer.body().contains("already exists"));
        });
    }

    private long awaitTasks(Worker seenBy, Predicate<Map<Integer, String>> done) throws Exception {
        return awaitTasks(seenBy, done, DEADLINE);
    }

    /** @return when all tasks were seen RUNNING and placed as asked, in {@link System#nanoTime()} */
    private long awaitTasks(Worker seenBy, Predicate<Map<Integer, String>> done, Duration deadline) throws Exception {
        long[] at = new long[1];
        awaitUntil("all " + TASKS + " tasks RUNNING as asked", deadline, () -> {
            JsonNode status = get(seenBy, "connectors/failover/status");
            if (status == null) {
                return false;
            }
            Map<Integer, String> where = new LinkedHashMap<>();
            for (JsonNode task : status.path("tasks")) {
                if (task.path("state").asText().equals("RUNNING")) {
                    where.put(task.path("id").asInt(), task.path("worker_id").asText());
                }
            }
            if (where.size() == TASKS && done.test(where)) {
                at[0] = System.nanoTime();
                return true;
            }
            return false;
        });
        return at[0];
    }

    private JsonNode get(Worker worker, String path) {
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(worker.url().resolve(path))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return when the signal was sent, in {@link System#nanoTime()} */
    private static long kill(Worker worker, boolean hard) throws InterruptedException {
        long at = System.nanoTime();
        if (hard) {
            worker.process().destroyForcibly();
        } else {
            worker.process().destroy();
        }
        worker.process().waitFor();
        return at;
    }

    private void stopAll() throws InterruptedException {
        for (Worker worker : started) {
            worker.process().destroyForcibly();
            worker.process().waitFor();
        }
        started.clear();
    }

    private interface Check {
        boolean done() throws Exception;
    }

    private static void awaitUntil(String what, Duration deadline, Check check) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (!check.done()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("Waited " + deadline.toSeconds() + " s for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** @return min, median and max of each event, per engine, as a Markdown table */
    static String table(Map<String, List<Double>> seconds) {
        List<String> lines = new ArrayList<>();
        lines.add("| runtime | event | runs | min s | median s | max s |");
        lines.add("| --- | --- | ---: | ---: | ---: | ---: |");
        seconds.forEach((key, values) -> {
            List<Double> sorted = values.stream().sorted().toList();
            double median = sorted.size() % 2 == 1
                    ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
            String[] parts = key.split("\\|", 2);
            lines.add(String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %.1f | %.1f | %.1f |",
                    parts[0],
                    parts[1],
                    sorted.size(),
                    sorted.get(0),
                    median,
                    sorted.get(sorted.size() - 1)));
        });
        return String.join("\n", lines);
    }
}
