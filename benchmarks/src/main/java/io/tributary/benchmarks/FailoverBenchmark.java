package io.tributary.benchmarks;

import io.tributary.benchmarks.WorkerProcesses.Engine;
import io.tributary.benchmarks.WorkerProcesses.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * [--connect-defaults] [--quick]}: {@code --runs=0 --connect-defaults} times Connect at its defaults alone;
 * {@code --quick} times only a clean stop and a join.
 */
public final class FailoverBenchmark {
    private static final int TASKS = 6;
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private final WorkerProcesses processes;
    private int cluster;

    private FailoverBenchmark(WorkerProcesses processes) {
        this.processes = processes;
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        boolean connectDefaults = false;
        boolean quick = false;
        for (String arg : args) {
            if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring("--runs=".length()));
            } else if (arg.equals("--connect-defaults")) {
                connectDefaults = true;
            } else if (arg.equals("--quick")) {
                quick = true;
            } else {
                throw new IllegalArgumentException(
                        "Unknown argument " + arg + "; use --runs=N, --connect-defaults and --quick");
            }
        }
        Path dir = Files.createTempDirectory("tributary-failover");
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        try (BenchKafka kafka = BenchKafka.start();
                WorkerProcesses processes = new WorkerProcesses(kafka, dir, "512m")) {
            FailoverBenchmark benchmark = new FailoverBenchmark(processes);
            for (Engine engine : List.of(Engine.TRIBUTARY, Engine.CONNECT_NO_DELAY)) {
                for (int run = 1; run <= runs; run++) {
                    if (quick) {
                        benchmark.quickRun(engine, seconds);
                    } else {
                        benchmark.run(engine, run, seconds);
                    }
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

    /** What is timed on one new cluster of three workers. */
    private interface OnCluster {
        void run(String group, Worker first, Worker second, Worker third) throws Exception;
    }

    /** Starts a new cluster, times what is asked on it, then stops every worker. */
    private void onNewCluster(Engine engine, OnCluster events) throws Exception {
        String group = "failover-" + ++cluster;
        try {
            List<Worker> workers = startCluster(engine, group);
            events.run(group, workers.get(0), workers.get(1), workers.get(2));
        } finally {
            processes.stopAll();
        }
    }

    private void run(Engine engine, int run, Map<String, List<Double>> seconds) throws Exception {
        onNewCluster(engine, (group, first, second, third) -> {
            // A worker that runs tasks and does not lead, killed.
            departs(engine, third, second, true, "a worker killed (SIGKILL)", DEADLINE, seconds);

            // The same worker again, joining: until it runs its share of the tasks. Then stopped cleanly.
            Worker again = join(engine, group, second, seconds);
            stopCleanly(engine, again, second, seconds);

            // The leader, the first worker to join, killed.
            departs(engine, first, second, true, "the leader killed (SIGKILL)", DEADLINE, seconds);
            System.err.printf(Locale.ROOT, "%s, run %d: done%n", engine.label, run);
        });
    }

    /** A clean stop, then a join: the two events that do not wait out a session, for a short run. */
    private void quickRun(Engine engine, Map<String, List<Double>> seconds) throws Exception {
        onNewCluster(engine, (group, first, second, third) -> {
            stopCleanly(engine, third, second, seconds);
            join(engine, group, second, seconds);
        });
    }

    /** @return a new worker of the group, once it runs its share of the tasks, timed from its launch */
    private Worker join(Engine engine, String group, Worker seenBy, Map<String, List<Double>> seconds)
            throws Exception {
        long joined = System.nanoTime();
        Worker joining = processes.start(engine, group, "3b").get(0);
        long done = awaitTasks(
                seenBy,
                where -> where.values().stream().filter(joining.id()::equals).count() >= TASKS / 3);
        record(seconds, engine, "a worker joining", secondsSince(joined, done));
        return joining;
    }

    /** Stops a worker with {@code SIGTERM}, timed until none of the tasks shows on it. */
    private void stopCleanly(Engine engine, Worker worker, Worker seenBy, Map<String, List<Double>> seconds)
            throws Exception {
        departs(engine, worker, seenBy, false, "a worker stopped (SIGTERM)", DEADLINE, seconds);
    }

    /** Ends a worker's process, hard or not, timed until none of the tasks shows on it. */
    private void departs(
            Engine engine,
            Worker worker,
            Worker seenBy,
            boolean hard,
            String event,
            Duration deadline,
            Map<String, List<Double>> seconds)
            throws Exception {
        long gone = WorkerProcesses.kill(worker, hard);
        long done = awaitTasks(seenBy, where -> !where.containsValue(worker.id()), deadline);
        record(seconds, engine, event, secondsSince(gone, done));
    }

    private void killOnly(Engine engine, Map<String, List<Double>> seconds) throws Exception {
        onNewCluster(
                engine,
                (group, first, second, third) -> departs(
                        engine, third, second, true, "a worker killed (SIGKILL)", Duration.ofMinutes(6), seconds));
    }

    /** @return three workers of a new cluster, running the connector's tasks on all three */
    private List<Worker> startCluster(Engine engine, String group) throws Exception {
        List<Worker> workers = processes.start(engine, group, "1", "2", "3");
        String topic = processes.kafka().createTopic("failover-" + cluster, 1);
        processes.createConnector(workers.get(0), "failover", engine.idleSource(TASKS, topic, 100), DEADLINE);
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

    private long awaitTasks(Worker seenBy, Predicate<Map<Integer, String>> done) throws Exception {
        return awaitTasks(seenBy, done, DEADLINE);
    }

    /** @return when all tasks were seen RUNNING and placed as asked, in {@link System#nanoTime()} */
    private long awaitTasks(Worker seenBy, Predicate<Map<Integer, String>> done, Duration deadline) throws Exception {
        long[] at = new long[1];
        WorkerProcesses.awaitUntil("all " + TASKS + " tasks RUNNING as asked", deadline, () -> {
            Map<String, Map<Integer, String>> running = processes.runningTasks(seenBy);
            Map<Integer, String> where = running == null ? Map.of() : running.getOrDefault("failover", Map.of());
            if (where.size() == TASKS && done.test(where)) {
                at[0] = System.nanoTime();
                return true;
            }
            return false;
        });
        return at[0];
    }

    /** @return min, median and max of each event, per engine, as a Markdown table */
    static String table(Map<String, List<Double>> seconds) {
        List<String> lines = new ArrayList<>();
        lines.add("| runtime | event | runs | min s | median s | max s |");
        lines.add("| --- | --- | ---: | ---: | ---: | ---: |");
        seconds.forEach((key, values) -> {
            List<Double> sorted = values.stream().sorted().toList();
            double median = WorkerProcesses.median(sorted);
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
