package io.tributary.benchmarks;

import io.tributary.benchmarks.Pipeline.Run;
import io.tributary.benchmarks.Pipeline.Running;
import io.tributary.benchmarks.Pipeline.Side;
import io.tributary.runtime.embed.EmbeddedWorker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Measures, in one JVM against one embedded broker, the throughput of the raw Kafka producer and
 * consumer, Tributary's source and sink paths, and Apache Kafka Connect's, on the same records: 100-byte
 * string values, tasks that cost nothing, the string converter. Each pipeline runs twice on each workload
 * and the second run is reported; the table compares Tributary with the raw clients and with Connect.
 *
 * <p>A source run is timed from starting the producers or deploying the connector until the topic's end
 * offsets add up to the records; a sink run from starting the consumers or deploying the connector until
 * its tasks were given all the records of a topic filled beforehand. Workers start once, before any run.
 */
public final class ThroughputBenchmark {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(5);

    private final BenchmarkOptions options;
    private final PrintStream out;
    private final List<Result> results = new ArrayList<>();

    private ThroughputBenchmark(BenchmarkOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * @param args {@code [RECORDS] [--smoke] [--partitions=1,6] [--runs=2] [--only=NAME,...]}; see
     *     {@code --help}
     * @throws Exception if the broker, a worker or a run fails
     */
    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        List<Result> results = run(options, System.out);
        System.out.println();
        System.out.print(ResultTable.format(results));
    }

    /**
     * Runs the benchmark.
     *
     * @param options what to measure
     * @param out where to report each run as it ends
     * @return the reported (last) run of each pipeline on each workload
     * @throws Exception if the broker, a worker or a run fails
     */
    static List<Result> run(BenchmarkOptions options, PrintStream out) throws Exception {
        ThroughputBenchmark benchmark = new ThroughputBenchmark(options, out);
        benchmark.runAll();
        return List.copyOf(benchmark.results);
    }

    private void runAll() throws Exception {
        out.printf(
                Locale.ROOT,
                "Tributary throughput benchmark: %,d records of %d bytes per run, %d runs per pipeline (the last"
                        + " is reported), %d cores%n",
                options.records(),
                BenchRecords.VALUE_SIZE,
                options.runs(),
                Runtime.getRuntime().availableProcessors());
        Path connectData = Files.createTempDirectory("tributary-bench-connect");
        Path plugins = ConnectBenchPlugin.write(connectData.resolve("plugins"));
        try (BenchKafka kafka = BenchKafka.start();
                EmbeddedWorker tributary = TributaryPipeline.startWorker(kafka.bootstrapServers(), plugins);
                ConnectWorker connect = ConnectWorker.start(kafka.bootstrapServers(), connectData.resolve("offsets"))) {
            String bootstrap = kafka.bootstrapServers();
            List<Pipeline> sources = List.of(
                    new RawProducerPipeline(bootstrap),
                    TributaryPipeline.source(tributary),
                    ConnectPipeline.source(connect),
                    TributaryPipeline.adapted(tributary, Side.SOURCE));
            List<Pipeline> sinks = List.of(
                    new RawConsumerPipeline(bootstrap),
                    TributaryPipeline.sink(tributary),
                    ConnectPipeline.sink(connect),
                    TributaryPipeline.adapted(tributary, Side.SINK));
            List<RawProducerPipeline.Payload> orders =
                    included(datagen(bootstrap, tributary, List::of)).isEmpty()
                            ? List.of()
                            : DatagenTemplate.capture(kafka, tributary);
            if (!orders.isEmpty()) {
                out.printf(
                        Locale.ROOT,
                        "Datagen path: orders of %d bytes on average (key and value, JSON with schemas)%n",
                        DatagenTemplate.averageBytes(orders));
            }
            List<Pipeline> datagen = datagen(bootstrap, tributary, () -> orders);
            for (Workload workload : options.workloads()) {
                for (Pipeline source : included(sources)) {
                    measureSource(kafka, source, workload);
                }
                for (Pipeline source : included(datagen)) {
                    measureSource(kafka, source, workload);
                }
                List<Pipeline> includedSinks = included(sinks);
                if (!includedSinks.isEmpty()) {
                    String topic = kafka.createTopic("sink-" + workload.shortName(), workload.partitions());
                    kafka.fill(topic, workload.partitions(), options.records());
                    for (Pipeline sink : includedSinks) {
                        measureSink(sink, workload, topic);
                    }
                    kafka.deleteTopic(topic);
                }
            }
        } finally {
            deleteRecursively(connectData);
        }
    }

    /** The datagen path: a producer replaying the connector's own orders, and the connector on Tributary. */
    private static List<Pipeline> datagen(
            String bootstrap, EmbeddedWorker tributary, Supplier<List<RawProducerPipeline.Payload>> orders) {
        return List.of(RawProducerPipeline.replaying(bootstrap, orders), TributaryPipeline.datagen(tributary));
    }

    private List<Pipeline> included(List<Pipeline> pipelines) {
        return pipelines.stream()
                .filter(p -> options.includes(p.engine(), p.side()))
                .toList();
    }

    private void measureSource(BenchKafka kafka, Pipeline pipeline, Workload workload) throws Exception {
        for (int attempt = 1; attempt <= options.runs(); attempt++) {
            String name = runName(pipeline, workload, attempt);
            String topic = kafka.createTopic(name, workload.partitions());
            Run run = new Run(name, topic, workload, options.records());
            LongSupplier written = () -> kafka.endOffsets(topic, workload.partitions());
            Duration elapsed = time(pipeline, run, written);
            long total = written.getAsLong();
            kafka.deleteTopic(topic);
            record(pipeline, run, attempt, elapsed, total);
        }
    }

    private void measureSink(Pipeline pipeline, Workload workload, String topic) throws Exception {
        for (int attempt = 1; attempt <= options.runs(); attempt++) {
            Run run = new Run(runName(pipeline, workload, attempt), topic, workload, options.records());
            SinkCounter.reset();
            Duration elapsed = time(pipeline, run, SinkCounter::seen);
            record(pipeline, run, attempt, elapsed, SinkCounter.seen());
        }
    }

    private static String runName(Pipeline pipeline, Workload workload, int attempt) {
        return BenchmarkOptions.name(pipeline.engine(), pipeline.side()) + "-" + workload.shortName() + "-" + attempt;
    }

    /** Starts the pipeline, waits until {@code progress} reaches the run's records, and stops it untimed. */
    private Duration time(Pipeline pipeline, Run run, LongSupplier progress) throws Exception {
        Duration timeout = Duration.ofSeconds(120 + run.records() / 5_000);
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try (Running running = pipeline.start(run)) {
            while (progress.getAsLong() < run.records()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(String.format(
                            Locale.ROOT,
                            "%s moved %,d of %,d records within %s; its state: %s",
                            run.name(),
                            progress.getAsLong(),
                            run.records(),
                            timeout,
                            running.state()));
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }

    private void record(Pipeline pipeline, Run run, int attempt, Duration elapsed, long moved) {
        Result result = new Result(run.workload(), pipeline.side(), pipeline.engine(), run.records(), elapsed);
        boolean reported = attempt == options.runs();
        out.printf(
                Locale.ROOT,
                "%-22s %-7s %-27s run %d%-10s %7.2f s %,12.0f records/s%s%n",
                run.workload().label(),
                pipeline.side().label(),
                pipeline.engine().label(),
                attempt,
                reported ? "" : " (warm-up)",
                elapsed.toNanos() / 1e9,
                result.recordsPerSecond(),
                moved == run.records() ? "" : String.format(Locale.ROOT, " (%,d records moved)", moved));
        if (reported) {
            results.add(result);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
