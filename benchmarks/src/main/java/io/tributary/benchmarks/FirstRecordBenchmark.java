package io.tributary.benchmarks;

import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.harness.ConnectorHarness;
import io.tributary.testkit.harness.WithConnectorHarness;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * How long a connector test waits for its first record: a JUnit test in a JVM of its own deploys a source
 * connector that writes one record, and reads it back from the topic. Three setups:
 * <ul>
 *   <li>Tributary's test kit with its embedded broker ({@code @WithKafka @WithConnectorHarness});
 *   <li>the same test with the test kit's container broker ({@code tributary.testkit.kafka.provider=container});
 *       it needs a Docker engine and the locally built {@code apache/kafka} image, and is reported as skipped
 *       without them;
 *   <li>Apache Kafka Connect's own {@code EmbeddedConnectCluster} (4.3.1), with one worker and one broker, and
 *       {@code plugin.discovery=service_load}, so that it does not scan this JAR's class path, larger than a
 *       connector project's.
 * </ul>
 * Each run reports the time from the JVM's start (the process launched) and from the test's start (the JUnit
 * launcher called) to the record read back.
 *
 * <p>{@code java -cp tributary-benchmarks.jar io.tributary.benchmarks.FirstRecordBenchmark [--runs=3]
 * [--setups=embedded,container,connect]}
 */
public final class FirstRecordBenchmark {
    private static final String MARK = "first record after ms: ";
    private static final Duration DEADLINE = Duration.ofMinutes(2);
    private static long testStart;

    /** A way to run the test. */
    enum Setup {
        EMBEDDED("Tributary test kit, embedded broker", TributaryFirstRecord.class, List.of()),
        CONTAINER(
                "Tributary test kit, container broker",
                TributaryFirstRecord.class,
                List.of("-Dtributary.testkit.kafka.provider=container")),
        CONNECT("Kafka Connect EmbeddedConnectCluster", ConnectFirstRecord.class, List.of());

        final String label;
        final Class<?> test;
        final List<String> options;

        Setup(String label, Class<?> test, List<String> options) {
            this.label = label;
            this.test = test;
            this.options = options;
        }
    }

    private FirstRecordBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = 3;
        List<Setup> setups = List.of(Setup.values());
        for (String arg : args) {
            if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring("--runs=".length()));
            } else if (arg.startsWith("--setups=")) {
                setups = new ArrayList<>();
                for (String name : arg.substring("--setups=".length()).split(",")) {
                    setups.add(Setup.valueOf(name.trim().toUpperCase(Locale.ROOT)));
                }
            } else if (arg.startsWith("--child=")) {
                System.exit(child(Setup.valueOf(arg.substring("--child=".length()))));
            } else {
                throw new IllegalArgumentException(
                        "Unknown argument " + arg + "; use --runs=N and --setups=embedded,container,connect");
            }
        }
        Path dir = Files.createTempDirectory("tributary-first-record");
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (Setup setup : setups) {
            if (setup == Setup.CONTAINER && !dockerAnswers()) {
                skipped.add("| " + setup.label + " | skipped: no Docker engine answers `docker info`; start one and"
                        + " build the images with test-kit/src/test/docker/build-images.sh |");
                continue;
            }
            for (int run = 1; run <= runs; run++) {
                Path log = dir.resolve(setup.name().toLowerCase(Locale.ROOT) + "-" + run + ".log");
                double[] times = runChild(setup, log);
                if (times == null) {
                    skipped.add("| " + setup.label + " | skipped: the test failed; see " + log + " |");
                    break;
                }
                seconds.computeIfAbsent(setup.label + "|from the JVM's start", key -> new ArrayList<>())
                        .add(times[0]);
                seconds.computeIfAbsent(setup.label + "|from the test's start", key -> new ArrayList<>())
                        .add(times[1]);
                System.err.printf(
                        Locale.ROOT,
                        "%s, run %d: %.2f s from the JVM's start, %.2f s from the test's%n",
                        setup.label,
                        run,
                        times[0],
                        times[1]);
            }
        }
        System.out.println();
        System.out.println(FailoverBenchmark.table(seconds).replace("| runtime | event |", "| setup | first record |"));
        skipped.forEach(System.out::println);
        System.out.println();
        System.out.println("Test logs: " + dir);
    }

    private static boolean dockerAnswers() throws InterruptedException {
        try {
            Process docker = new ProcessBuilder("docker", "info")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return docker.waitFor(20, TimeUnit.SECONDS) && docker.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return seconds from the process's start and from the test's start to the record, or null if it failed */
    private static double[] runChild(Setup setup, Path log) throws IOException, InterruptedException {
        List<String> command = WorkerProcesses.javaCommand(
                "1g", setup.options, FirstRecordBenchmark.class.getName(), "--child=" + setup);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        if (setup == Setup.CONTAINER) {
            // No registry to pull Testcontainers' reaper from; the test kit stops its containers itself.
            builder.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true");
            builder.environment().putIfAbsent("TESTCONTAINERS_HOST_OVERRIDE", "localhost");
        }
        long started = System.nanoTime();
        Process process = builder.start();
        // A test that hangs (a container image missing and pulled again and again) ends at the deadline.
        CompletableFuture.runAsync(
                process::destroyForcibly, CompletableFuture.delayedExecutor(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        Double reached = null;
        double fromTest = Double.NaN;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(MARK) && reached == null) {
                    reached = (System.nanoTime() - started) / 1e9;
                    fromTest = Long.parseLong(line.substring(MARK.length())) / 1e3;
                }
            }
        }
        process.waitFor();
        return reached == null || process.exitValue() != 0 ? null : new double[] {reached, fromTest};
    }

    /** Runs the setup's test class with the JUnit launcher, as a build would. */
    private static int child(Setup setup) {
        testStart = System.nanoTime();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(DiscoverySelectors.selectClass(setup.test))
                                .build(),
                        summary);
        summary.getSummary().printFailuresTo(new java.io.PrintWriter(System.err, true), 20);
        return summary.getSummary().getTotalFailureCount() == 0
                        && summary.getSummary().getTestsSucceededCount() == 1
                ? 0
                : 1;
    }

    private static void reached() {
        System.out.println(MARK + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - testStart));
        System.out.flush();
    }

    /** The test with Tributary's test kit: the broker and the worker come from the two annotations. */
    @WithKafka
    @WithConnectorHarness
    public static class TributaryFirstRecord {
        @Test
        void firstRecord(ConnectorHarness harness, KafkaCluster kafka) {
            String topic = kafka.createTopic("first", 1);
            harness.deploy(Map.of(
                    "name", "first",
                    "connector.class", TributaryBenchSource.class.getName(),
                    "tasks.max", "1",
                    "topic", topic,
                    "records", "1"));
            kafka.readUntilCount(topic, 1, Duration.ofSeconds(60));
            reached();
        }
    }

    /** The same test with Kafka Connect's embedded cluster. */
    public static class ConnectFirstRecord {
        @Test
        void firstRecord() {
            EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder()
                    .name("first")
                    .numWorkers(1)
                    .workerProps(new HashMap<>(Map.of("plugin.discovery", "service_load")))
                    .build();
            connect.start();
            try {
                connect.kafka().createTopic("first", 1);
                connect.configureConnector(
                        "first",
                        Map.of(
                                "connector.class", ConnectBenchSource.class.getName(),
                                "tasks.max", "1",
                                "topic", "first",
                                "records", "1"));
                connect.kafka().consume(1, 60_000, "first");
                reached();
            } finally {
                connect.stop();
            }
        }
    }
}
