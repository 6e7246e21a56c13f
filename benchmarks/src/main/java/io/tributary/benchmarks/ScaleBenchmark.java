package io.tributary.benchmarks;

import io.tributary.benchmarks.WorkerProcesses.Engine;
import io.tributary.benchmarks.WorkerProcesses.Memory;
import io.tributary.benchmarks.WorkerProcesses.Worker;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many connectors on a cluster of three worker processes: Tributary beside Apache Kafka Connect 4.3.1 (with
 * {@code scheduled.rebalance.max.delay.ms=0}: at its default Connect waits five minutes before it moves a
 * departed worker's tasks). For each count of connectors, each of one idle task, a new cluster:
 * <ol>
 *   <li>the connectors are created through the REST API by four clients at once, round robin over the
 *       workers, and the clock runs until every connector and task shows RUNNING;
 *   <li>each worker's heap in use after a full collection, against the same workers idle before, gives the
 *       heap per task;
 *   <li>twenty clients read connector statuses from the two workers that stay, as fast as they are answered;
 *       a second later the third worker stops cleanly ({@code SIGTERM}), and the clock runs until every task
 *       RUNNING on the two others. The latencies and answers of the reads made meanwhile are reported.
 * </ol>
 *
 * <p>{@code java -cp tributary-benchmarks.jar io.tributary.benchmarks.ScaleBenchmark [--connectors=10,100,1000]
 * [--connect-connectors=10,100,1000] [--limit=180]}: Connect's runs stop at the limit, in seconds, and report
 * how far they came.
 */
public final class ScaleBenchmark {
    private static final int READERS = 20;
    private static final int CREATORS = 4;
    private static final long IDLE_MS = 500;

    private final WorkerProcesses processes;
    private final Duration limit;
    private int cluster;

    private ScaleBenchmark(WorkerProcesses processes, Duration limit) {
        this.processes = processes;
        this.limit = limit;
    }

    /** What one count of connectors on one runtime gave; NaN where the run did not get that far. */
    record Row(
            String runtime,
            int connectors,
            String running,
            int createConflicts,
            double rebalanceSeconds,
            double heapPerTaskKib,
            double rssPerWorkerMib,
            Reads reads) {}

    /** The status reads made while a worker left. */
    record Reads(int count, double medianMs, double p99Ms, double maxMs, int conflicts, int serverErrors, int failed) {
        static final Reads NONE = new Reads(0, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0);

        /** @return the reads of these latencies, in any order, with the answers counted */
        static Reads of(List<Double> millis, int conflicts, int serverErrors, int failed) {
            if (millis.isEmpty()) {
                return NONE;
            }
            List<Double> sorted = millis.stream().sorted().toList();
            return new Reads(
                    sorted.size(),
                    WorkerProcesses.median(sorted),
                    sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
                    sorted.get(sorted.size() - 1),
                    conflicts,
                    serverErrors,
                    failed);
        }
    }

    public static void main(String[] args) throws Exception {
        List<Integer> counts = List.of(10, 100, 1000);
        List<Integer> connectCounts = List.of(10, 100, 1000);
        Duration limit = Duration.ofSeconds(180);
        for (String arg : args) {
            if (arg.startsWith("--connectors=")) {
                counts = counts(arg);
            } else if (arg.startsWith("--connect-connectors=")) {
                connectCounts = counts(arg);
            } else if (arg.startsWith("--limit=")) {
                limit = Duration.ofSeconds(Long.parseLong(arg.substring("--limit=".length())));
            } else {
                throw new IllegalArgumentException("Unknown argument " + arg
                        + "; use --connectors=N,..., --connect-connectors=N,... and --limit=S");
            }
        }
        Path dir = Files.createTempDirectory("tributary-scale");
        List<Row> rows = new ArrayList<>();
        try (BenchKafka kafka = BenchKafka.start();
                WorkerProcesses processes = new WorkerProcesses(kafka, dir, "1g")) {
            ScaleBenchmark benchmark = new ScaleBenchmark(processes, limit);
            for (int count : counts) {
                rows.add(benchmark.run(Engine.TRIBUTARY, count));
                if (connectCounts.contains(count)) {
                    rows.add(benchmark.run(Engine.CONNECT_NO_DELAY, count));
                }
            }
        }
        System.out.println();
        System.out.println(table(rows));
        System.out.println();
        System.out.println("Worker logs: " + dir);
    }

    private static List<Integer> counts(String arg) {
        String list = arg.substring(arg.indexOf('=') + 1);
        return list.isEmpty()
                ? List.of()
                : Arrays.stream(list.split(",")).map(Integer::parseInt).toList();
    }

    /** A run that reached the limit: how far it came, and nothing measured after. */
    private Row notWithin(String runtime, int count, String what, long howMany, AtomicInteger conflicts) {
        String running = String.format(Locale.ROOT, "not within %d s: %d %s", limit.toSeconds(), howMany, what);
        System.err.println(runtime + ", " + count + " connectors: " + running);
        return new Row(runtime, count, running, conflicts.get(), Double.NaN, Double.NaN, Double.NaN, Reads.NONE);
    }

    private Row run(Engine engine, int count) throws Exception {
        String group = "scale-" + ++cluster;
        String runtime = engine.runtime;
        try {
            List<Worker> workers = processes.start(engine, group, "1", "2", "3");
            Worker leaving = workers.get(2);
            List<Worker> staying = workers.subList(0, 2);
            double idleHeap = 0;
            for (Worker worker : workers) {
                idleHeap += WorkerProcesses.memory(worker).heapMib();
            }
            String topic = processes.kafka().createTopic(group, 1);

            long created = System.nanoTime();
            long deadline = created + limit.toNanos();
            AtomicInteger conflicts = new AtomicInteger();
            int made = createAll(engine, workers, count, topic, deadline, conflicts);
            String running;
            if (made < count) {
                return notWithin(runtime, count, "created", made, conflicts);
            }
            try {
                WorkerProcesses.awaitUntil(
                        count + " connectors RUNNING",
                        Duration.ofNanos(Math.max(0, deadline - System.nanoTime())),
                        () -> runningEverywhere(workers.get(0), count, null));
                running = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - created) / 1e9);
            } catch (IllegalStateException e) {
                Map<String, Map<Integer, String>> seen = processes.runningTasks(workers.get(0));
                long runningNow = seen == null
                        ? 0
                        : seen.values().stream().filter(t -> !t.isEmpty()).count();
                return notWithin(runtime, count, "RUNNING", runningNow, conflicts);
            }
            System.err.println(runtime + ", " + count + " connectors: all RUNNING in " + running + " s");

            double heap = 0;
            double rss = 0;
            for (Worker worker : workers) {
                Memory memory = WorkerProcesses.memory(worker);
                heap += memory.heapMib();
                rss += memory.rssMib();
            }
            double heapPerTaskKib = (heap - idleHeap) * 1024 / count;

            try (StatusReaders readers = new StatusReaders(staying, count)) {
                readers.awaitReads(READERS * 10);
                // Counted from the signal: the stop returns only once the worker's process ended.
                readers.countFrom(System.nanoTime());
                long left = WorkerProcesses.kill(leaving, false);
                WorkerProcesses.awaitUntil(
                        "a departed worker's tasks RUNNING elsewhere",
                        limit,
                        () -> runningEverywhere(staying.get(0), count, leaving.id()));
                double rebalance = (System.nanoTime() - left) / 1e9;
                Reads reads = readers.stop();
                System.err.printf(
                        Locale.ROOT,
                        "%s, %d connectors: a worker left, rebalanced in %.1f s%n",
                        runtime,
                        count,
                        rebalance);
                return new Row(runtime, count, running, conflicts.get(), rebalance, heapPerTaskKib, rss / 3, reads);
            }
        } finally {
            processes.stopAll();
        }
    }

    /**
     * Creates the connectors {@code scale-0...}, four at a time, round robin over the workers, until the
     * deadline.
     *
     * @return how many were created
     */
    private int createAll(
            Engine engine, List<Worker> workers, int count, String topic, long deadline, AtomicInteger conflicts)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger made = new AtomicInteger();
        ExecutorService creators = Executors.newFixedThreadPool(CREATORS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int creator = 0; creator < CREATORS; creator++) {
                done.add(creators.submit(() -> {
                    for (int i = next.getAndIncrement();
                            i < count && System.nanoTime() < deadline;
                            i = next.getAndIncrement()) {
                        conflicts.addAndGet(processes.createConnector(
                                workers.get(i % workers.size()),
                                "scale-" + i,
                                engine.idleSource(1, topic, IDLE_MS),
                                Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
                        made.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> creator : done) {
                creator.get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof IllegalStateException) || System.nanoTime() < deadline) {
                throw e;
            }
            // A creation still waiting when the deadline passed.
        } finally {
            creators.shutdownNow();
        }
        return made.get();
    }

    /** @return whether all connectors and their one task each are RUNNING, and none on the worker given */
    private boolean runningEverywhere(Worker seenBy, int count, String notOn) {
        Map<String, Map<Integer, String>> running = processes.runningTasks(seenBy);
        if (running == null || running.size() < count) {
            return false;
        }
        return running.values().stream()
                .allMatch(tasks -> tasks.size() == 1 && (notOn == null || !tasks.containsValue(notOn)));
    }

    /** Twenty threads reading a random connector's status from the given workers, until stopped. */
    private final class StatusReaders implements AutoCloseable {
        private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        private final AtomicLong from = new AtomicLong(Long.MAX_VALUE);
        private final AtomicInteger reads = new AtomicInteger();
        private final AtomicInteger conflicts = new AtomicInteger();
        private final AtomicInteger serverErrors = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final ExecutorService threads = Executors.newFixedThreadPool(READERS);
        private volatile boolean stopped;

        StatusReaders(List<Worker> workers, int count) {
            for (int reader = 0; reader < READERS; reader++) {
                URI base = workers.get(reader % workers.size()).url();
                threads.submit(() -> {
                    while (!stopped) {
                        read(base.resolve("connectors/scale-"
                                + ThreadLocalRandom.current().nextInt(count) + "/status"));
                    }
                });
            }
        }

        private void read(URI uri) {
            long start = System.nanoTime();
            int code;
            try {
                code = processes
                        .http()
                        .send(
                                HttpRequest.newBuilder(uri)
                                        .timeout(Duration.ofSeconds(30))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (Exception e) {
                code = -1;
            }
            long end = System.nanoTime();
            reads.incrementAndGet();
            if (start < from.get()) {
                return;
            }
            latencies.add(end - start);
            if (code == 409) {
                conflicts.incrementAndGet();
            } else if (code >= 500) {
                serverErrors.incrementAndGet();
            } else if (code != 200) {
                failed.incrementAndGet();
            }
        }

        void awaitReads(int count) throws Exception {
            WorkerProcesses.awaitUntil(count + " status reads", Duration.ofSeconds(60), () -> reads.get() >= count);
        }

        /** Counts only the reads that start at or after this time, in {@link System#nanoTime()}. */
        void countFrom(long nanos) {
            from.set(nanos);
        }

        Reads stop() {
            stopped = true;
            threads.shutdown();
            List<Double> millis;
            synchronized (latencies) {
                millis = latencies.stream().map(nanos -> nanos / 1e6).toList();
            }
            return Reads.of(millis, conflicts.get(), serverErrors.get(), failed.get());
        }

        @Override
        public void close() {
            stopped = true;
            threads.shutdownNow();
        }
    }

    /** @return the rows as a Markdown table */
    static String table(List<Row> rows) {
        List<String> lines = new ArrayList<>();
        lines.add("| runtime | connectors | all RUNNING s | create 409s | a worker leaves s | heap per task KiB"
                + " | RSS per worker MiB | status reads | median ms | p99 ms | max ms | 409s | 5xx | failed |");
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Row row : rows) {
            Reads reads = row.reads();
            lines.add(String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %d | %s | %s | %s | %d | %s | %s | %s | %d | %d | %d |",
                    row.runtime(),
                    row.connectors(),
                    row.running(),
                    row.createConflicts(),
                    figure(row.rebalanceSeconds(), "%.1f"),
                    figure(row.heapPerTaskKib(), "%.0f"),
                    figure(row.rssPerWorkerMib(), "%.0f"),
                    reads.count(),
                    figure(reads.medianMs(), "%.1f"),
                    figure(reads.p99Ms(), "%.1f"),
                    figure(reads.maxMs(), "%.0f"),
                    reads.conflicts(),
                    reads.serverErrors(),
                    reads.failed()));
        }
        return String.join("\n", lines);
    }

    private static String figure(double value, String format) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, format, value);
    }
}
