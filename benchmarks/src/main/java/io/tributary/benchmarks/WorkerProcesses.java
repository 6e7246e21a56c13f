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
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Distributed worker processes of Tributary or Apache Kafka Connect on the benchmark's broker, each a JVM of
 * its own on this JAR's class path, reached through its REST API: the clusters of the failover, scale and
 * memory benchmarks. Every worker gets the same settings file but for the engine's own settings.
 */
final class WorkerProcesses implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A system property of the benchmark: more JVM options for every worker, separated by spaces, such as a
     * logging configuration or a flight recording.
     */
    static final String WORKER_OPTIONS = "tributary.bench.worker.options";

    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    private static final Pattern THREADS = Pattern.compile("Threads:\\s+(\\d+)");
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    /** A runtime under test, and how it starts a worker and an idle source connector. */
    enum Engine {
        TRIBUTARY(
                "Tributary",
                "Tributary",
                "io.tributary.runtime.cli.TributaryCli",
                TributaryBenchSource.class,
                Map.of()),
        CONNECT_NO_DELAY(
                "Kafka Connect, scheduled.rebalance.max.delay.ms=0",
                "Kafka Connect",
                "org.apache.kafka.connect.cli.ConnectDistributed",
                ConnectBenchSource.class,
                Map.of("scheduled.rebalance.max.delay.ms", "0")),
        CONNECT(
                "Kafka Connect, defaults",
                "Kafka Connect",
                "org.apache.kafka.connect.cli.ConnectDistributed",
                ConnectBenchSource.class,
                Map.of());

        /** The runtime with its settings, as the failover table names it. */
        final String label;
        /** The runtime alone, as the scale and memory tables name it. */
        final String runtime;

        final String mainClass;
        final Class<?> source;
        final Map<String, String> settings;

        Engine(String label, String runtime, String mainClass, Class<?> source, Map<String, String> settings) {
            this.label = label;
            this.runtime = runtime;
            this.mainClass = mainClass;
            this.source = source;
            this.settings = settings;
        }

        /**
         * @param tasks the connector's {@code tasks.max}
         * @param topic the topic it would write
         * @param idleMs how long each of its tasks waits in a poll
         * @return the configuration of a source connector whose tasks write nothing and wait
         */
        Map<String, Object> idleSource(int tasks, String topic, long idleMs) {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("connector.class", source.getName());
            config.put("tasks.max", Integer.toString(tasks));
            config.put("topic", topic);
            config.put("records", "0");
            config.put("idle.ms", Long.toString(idleMs));
            return config;
        }
    }

    /** One worker process, its REST port and its log. */
    record Worker(Process process, int port, Path log) {
        URI url() {
            return URI.create("http://localhost:" + port + "/");
        }

        /** @return the worker id both runtimes show in statuses */
        String id() {
            return "localhost:" + port;
        }
    }

    /** A worker's memory: resident set, and heap in use after a full collection, in MiB. */
    record Memory(double rssMib, double heapMib) {}

    private final BenchKafka kafka;
    private final Path dir;
    private final String heap;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Worker> started = new ArrayList<>();

    /**
     * @param kafka the broker every worker uses
     * @param dir where settings files and worker logs go
     * @param heap each worker's {@code -Xmx}, as in {@code 512m}
     */
    WorkerProcesses(BenchKafka kafka, Path dir, String heap) {
        this.kafka = kafka;
        this.dir = dir;
        this.heap = heap;
    }

    /** @return the broker the workers use */
    BenchKafka kafka() {
        return kafka;
    }

    /** @return a client for the workers' REST APIs */
    HttpClient http() {
        return http;
    }

    /**
     * Starts workers of one cluster side by side and waits until each answers on its REST API.
     *
     * @param engine the runtime
     * @param group the cluster's {@code group.id}; its storage topics are named after it
     * @param names the workers' names, for their files
     * @return the workers, in the order of the names
     */
    List<Worker> start(Engine engine, String group, String... names) throws Exception {
        List<Worker> workers = new ArrayList<>();
        for (String name : names) {
            workers.add(launch(engine, group, name));
        }
        for (Worker worker : workers) {
            awaitUntil(worker.log() + " answering", Duration.ofSeconds(90), () -> {
                if (!worker.process().isAlive()) {
                    throw new IllegalStateException("The worker exited; see " + worker.log());
                }
                return get(worker, "connectors") != null;
            });
        }
        return workers;
    }

    private Worker launch(Engine engine, String group, String name) throws IOException {
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
        String options = System.getProperty(WORKER_OPTIONS, "").trim();
        List<String> command =
                javaCommand(heap, options.isEmpty() ? List.of() : List.of(options.split("\\s+")), engine.mainClass);
        if (engine == Engine.TRIBUTARY) {
            command.add("distributed");
        }
        command.add(file.toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Worker worker = new Worker(process, port, log);
        started.add(worker);
        return worker;
    }

    /**
     * @param heap the JVM's {@code -Xmx}, as in {@code 1g}
     * @param options more JVM options
     * @param mainClass the class to run, from this JAR's class path
     * @param args its arguments
     * @return the command that runs a class of this class path in a JVM of its own
     */
    static List<String> javaCommand(String heap, List<String> options, String mainClass, String... args) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Creates a connector through a worker, retrying while the cluster answers 409 (a rebalance under way).
     *
     * @return the number of 409 answers before it was created
     */
    int createConnector(Worker worker, String name, Map<String, Object> config, Duration deadline) throws Exception {
        String body = JSON.writeValueAsString(Map.of("name", name, "config", config));
        int[] conflicts = new int[1];
        awaitUntil("connector " + name + " created", deadline, () -> {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(worker.url().resolve("connectors"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 201) {
                return true;
            }
            if (answer.statusCode() == 409) {
                // Either a rebalance under way, or an earlier attempt that landed after its answer timed out.
                if (answer.body().contains("already exists")) {
                    return true;
                }
                conflicts[0]++;
                return false;
            }
            throw new IllegalStateException(
                    "Creating " + name + " answered " + answer.statusCode() + ": " + answer.body());
        });
        return conflicts[0];
    }

    /** @return the answer's JSON if the worker answered 200, otherwise (or if it did not answer) null */
    JsonNode get(Worker worker, String path) {
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(worker.url().resolve(path))
                            .timeout(Duration.ofSeconds(10))
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

    /**
     * @param seenBy the worker asked
     * @return each connector's RUNNING tasks and the workers they run on, by connector name, from {@code GET
     *     /connectors?expand=status}; connectors not RUNNING themselves are left out; null if it did not answer
     */
    Map<String, Map<Integer, String>> runningTasks(Worker seenBy) {
        JsonNode all = get(seenBy, "connectors?expand=status");
        if (all == null) {
            return null;
        }
        Map<String, Map<Integer, String>> running = new LinkedHashMap<>();
        all.fields().forEachRemaining(entry -> {
            JsonNode status = entry.getValue().path("status");
            if (!status.path("connector").path("state").asText().equals("RUNNING")) {
                return;
            }
            Map<Integer, String> where = new LinkedHashMap<>();
            for (JsonNode task : status.path("tasks")) {
                if (task.path("state").asText().equals("RUNNING")) {
                    where.put(task.path("id").asInt(), task.path("worker_id").asText());
                }
            }
            running.put(entry.getKey(), where);
        });
        return running;
    }

    /**
     * Collects a worker's garbage, then reads its resident set from {@code /proc} and its heap in use from
     * {@code jcmd GC.heap_info}.
     */
    static Memory memory(Worker worker) throws Exception {
        long pid = worker.process().pid();
        jcmd(pid, "GC.run");
        String heapInfo = jcmd(pid, "GC.heap_info");
        Matcher used = HEAP_USED.matcher(heapInfo);
        if (!used.find()) {
            throw new IllegalStateException("No heap use in jcmd's answer: " + heapInfo);
        }
        String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
        Matcher rss = VM_RSS.matcher(status);
        if (!rss.find()) {
            throw new IllegalStateException("No VmRSS in /proc/" + pid + "/status");
        }
        return new Memory(Long.parseLong(rss.group(1)) / 1024.0, Long.parseLong(used.group(1)) / 1024.0);
    }

    /** @return the number of threads of a worker's process, from {@code /proc} */
    static int threads(Worker worker) throws IOException {
        String status =
                Files.readString(Path.of("/proc", Long.toString(worker.process().pid()), "status"));
        Matcher threads = THREADS.matcher(status);
        if (!threads.find()) {
            throw new IllegalStateException(
                    "No Threads in /proc/" + worker.process().pid() + "/status");
        }
        return Integer.parseInt(threads.group(1));
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + out);
        }
        return out;
    }

    /** @return when the signal was sent, in {@link System#nanoTime()}, after the process ended */
    static long kill(Worker worker, boolean hard) throws InterruptedException {
        long at = System.nanoTime();
        if (hard) {
            worker.process().destroyForcibly();
        } else {
            worker.process().destroy();
        }
        worker.process().waitFor();
        return at;
    }

    /** Kills every worker started and not yet stopped. */
    void stopAll() throws InterruptedException {
        for (Worker worker : started) {
            worker.process().destroyForcibly();
            worker.process().waitFor();
        }
        started.clear();
    }

    @Override
    public void close() throws InterruptedException {
        stopAll();
    }

    /** A condition polled until it holds. */
    interface Check {
        boolean done() throws Exception;
    }

    /** Polls a check every 20 ms until it holds, and fails once the deadline passes. */
    static void awaitUntil(String what, Duration deadline, Check check) throws Exception {
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

    /** @return the median of values, sorted or not */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int size = sorted.size();
        return size % 2 == 1 ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
    }
}
