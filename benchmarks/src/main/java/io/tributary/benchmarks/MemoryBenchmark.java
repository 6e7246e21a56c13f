package io.tributary.benchmarks;

import io.tributary.benchmarks.WorkerProcesses.Engine;
import io.tributary.benchmarks.WorkerProcesses.Memory;
import io.tributary.benchmarks.WorkerProcesses.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The memory of one worker process, Tributary's beside Apache Kafka Connect 4.3.1's, each a cluster of one
 * on the benchmark's broker with the same {@code -Xmx1g}: idle, then running 10 connectors of one idle
 * source task each, then running 1,000 tasks (the 10, and 99 connectors of 10 tasks). At each step the worker
 * collects its garbage ({@code jcmd GC.run}), then its resident set, heap in use and threads are read.
 *
 * <p>{@code java -cp tributary-benchmarks.jar io.tributary.benchmarks.MemoryBenchmark [--tasks=1000]}
 */
public final class MemoryBenchmark {
    private static final int SMALL = 10;
    private static final int TASKS_PER_CONNECTOR = 10;
    private static final long IDLE_MS = 500;
    private static final Duration DEADLINE = Duration.ofMinutes(3);

    private final WorkerProcesses processes;
    private int cluster;

    private MemoryBenchmark(WorkerProcesses processes) {
        this.processes = processes;
    }

    /** One worker's memory in one state. */
    record Row(String runtime, String state, int tasks, Memory memory, int threads) {}

    public static void main(String[] args) throws Exception {
        int tasks = 1000;
        for (String arg : args) {
            if (arg.startsWith("--tasks=")) {
                tasks = Integer.parseInt(arg.substring("--tasks=".length()));
            } else {
                throw new IllegalArgumentException("Unknown argument " + arg + "; use --tasks=N");
            }
        }
        if (tasks <= SMALL || (tasks - SMALL) % TASKS_PER_CONNECTOR != 0) {
            throw new IllegalArgumentException(
                    "--tasks must be " + SMALL + " plus a multiple of " + TASKS_PER_CONNECTOR);
        }
        Path dir = Files.createTempDirectory("tributary-memory");
        List<Row> rows = new ArrayList<>();
        try (BenchKafka kafka = BenchKafka.start();
                WorkerProcesses processes = new WorkerProcesses(kafka, dir, "1g")) {
            MemoryBenchmark benchmark = new MemoryBenchmark(processes);
            rows.addAll(benchmark.run(Engine.TRIBUTARY, tasks));
            rows.addAll(benchmark.run(Engine.CONNECT, tasks));
        }
        System.out.println();
        System.out.println(table(rows));
        System.out.println();
        System.out.println("Worker logs: " + dir);
    }

    private List<Row> run(Engine engine, int tasks) throws Exception {
        String group = "memory-" + ++cluster;
        String runtime = engine.runtime;
        List<Row> rows = new ArrayList<>();
        try {
            Worker worker = processes.start(engine, group, "1").get(0);
            String topic = processes.kafka().createTopic(group, 1);
            WorkerProcesses.awaitUntil(
                    "the worker in its group", DEADLINE, () -> processes.runningTasks(worker) != null);
            rows.add(measure(runtime, "idle", 0, worker));

            for (int i = 0; i < SMALL; i++) {
                processes.createConnector(worker, "small-" + i, engine.idleSource(1, topic, IDLE_MS), DEADLINE);
            }
            awaitTasks(worker, SMALL);
            rows.add(measure(runtime, SMALL + " connectors", SMALL, worker));

            for (int i = 0; i < (tasks - SMALL) / TASKS_PER_CONNECTOR; i++) {
                processes.createConnector(
                        worker, "large-" + i, engine.idleSource(TASKS_PER_CONNECTOR, topic, IDLE_MS), DEADLINE);
            }
            awaitTasks(worker, tasks);
            rows.add(measure(runtime, tasks + " tasks", tasks, worker));
            return rows;
        } finally {
            processes.stopAll();
        }
    }

    private void awaitTasks(Worker worker, int tasks) throws Exception {
        WorkerProcesses.awaitUntil(tasks + " tasks RUNNING", DEADLINE, () -> {
            Map<String, Map<Integer, String>> running = processes.runningTasks(worker);
            return running != null
                    && running.values().stream().mapToInt(Map::size).sum() == tasks;
        });
    }

    private static Row measure(String runtime, String state, int tasks, Worker worker) throws Exception {
        Memory memory = WorkerProcesses.memory(worker);
        Row row = new Row(runtime, state, tasks, memory, WorkerProcesses.threads(worker));
        System.err.printf(
                Locale.ROOT,
                "%s, %s: RSS %.0f MiB, heap %.0f MiB, %d threads%n",
                runtime,
                state,
                memory.rssMib(),
                memory.heapMib(),
                row.threads());
        return row;
    }

    /** @return the rows as a Markdown table, with what each task added past the small step */
    static String table(List<Row> rows) {
        List<String> lines = new ArrayList<>();
        lines.add("| runtime | worker | RSS MiB | heap in use MiB | threads | RSS per task KiB | heap per task KiB |");
        lines.add("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        Row previous = null;
        for (Row row : rows) {
            boolean perTask =
                    previous != null && previous.runtime().equals(row.runtime()) && row.tasks() > previous.tasks();
            String rssPerTask = "–";
            String heapPerTask = "–";
            if (perTask) {
                int added = row.tasks() - previous.tasks();
                rssPerTask = String.format(
                        Locale.ROOT,
                        "%.0f",
                        (row.memory().rssMib() - previous.memory().rssMib()) * 1024 / added);
                heapPerTask = String.format(
                        Locale.ROOT,
                        "%.0f",
                        (row.memory().heapMib() - previous.memory().heapMib()) * 1024 / added);
            }
            lines.add(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.0f | %.0f | %d | %s | %s |",
                    row.runtime(),
                    row.state(),
                    row.memory().rssMib(),
                    row.memory().heapMib(),
                    row.threads(),
                    rssPerTask,
                    heapPerTask));
            previous = row;
        }
        return String.join("\n", lines);
    }
}
