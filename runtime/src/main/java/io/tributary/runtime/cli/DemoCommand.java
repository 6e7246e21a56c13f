package io.tributary.runtime.cli;

import io.tributary.runtime.examples.DemoFileSinkConnector;
import io.tributary.runtime.examples.DemoSourceConnector;
import io.tributary.runtime.standalone.StandaloneRuntime;
import io.tributary.runtime.worker.WorkerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tributary demo}: a source writes greetings to a topic, a sink appends them to a file, on a Kafka
 * broker started in this process unless one is named; ends when every greeting reached the file.
 */
@Command(name = "demo", description = "Runs a source → topic → sink demo end to end, with an in-process Kafka broker.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--count", defaultValue = "20", description = "Records to move (default: ${DEFAULT-VALUE}).")
    private long count;

    @Option(
            names = "--file",
            defaultValue = "target/demo/greetings.txt",
            description = "File the sink appends to (default: ${DEFAULT-VALUE}).")
    private Path file;

    @Option(names = "--bootstrap-servers", description = "Use this Kafka cluster instead of an in-process broker.")
    private String bootstrapServers;

    @Option(names = "--timeout", defaultValue = "PT2M", description = "Give up after this long (default: PT2M).")
    private Duration timeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Files.deleteIfExists(file);
        DevKafka broker = null;
        String servers = bootstrapServers;
        if (servers == null) {
            broker = ServiceLoader.load(DevKafka.class)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "The demo needs the dev-kafka module on the class path; run it with bin/tributary demo"));
            Path data = Files.createTempDirectory("tributary-demo-kafka");
            servers = broker.start(data);
            say(out, "Started a Kafka broker in this process at " + servers);
        }
        try (StandaloneRuntime runtime = StandaloneRuntime.start(Map.of(
                WorkerConfig.BOOTSTRAP_SERVERS, servers,
                WorkerConfig.KEY_CONVERTER, "org.apache.kafka.connect.storage.StringConverter",
                WorkerConfig.VALUE_CONVERTER, "org.apache.kafka.connect.storage.StringConverter",
                WorkerConfig.OFFSET_FLUSH_INTERVAL_MS, "500"))) {
            runtime.deploy(Map.of(
                    "name", "demo-source",
                    "connector.class", DemoSourceConnector.class.getName(),
                    "topic", "demo-greetings",
                    "count", Long.toString(count),
                    "interval.ms", "100"));
            say(out, "Deployed demo-source: writes " + count + " greetings to topic demo-greetings");
            runtime.deploy(Map.of(
                    "name",
                    "demo-sink",
                    "connector.class",
                    DemoFileSinkConnector.class.getName(),
                    "topics",
                    "demo-greetings",
                    "file",
                    file.toString()));
            say(out, "Deployed demo-sink: appends what it reads to " + file.toAbsolutePath());
            boolean done = awaitLines(runtime, Instant.now().plus(timeout));
            say(
                    out,
                    done
                            ? "Done: " + count + " greetings went from demo-source through Kafka to "
                                    + file.toAbsolutePath()
                            : "The demo did not finish within " + timeout + "; see the log above for why");
            return done ? 0 : 1;
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    private boolean awaitLines(StandaloneRuntime runtime, Instant deadline) throws InterruptedException, IOException {
        CountDownLatch never = new CountDownLatch(1);
        while (Instant.now().isBefore(deadline)) {
            if (runtime.hasFailed("demo-source") || runtime.hasFailed("demo-sink")) {
                return false;
            }
            if (Files.exists(file) && lines() >= count) {
                return true;
            }
            never.await(200, TimeUnit.MILLISECONDS);
        }
        return false;
    }

    private long lines() throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.size();
    }

    private static void say(PrintWriter out, String message) {
        out.println("[demo] " + message);
        out.flush();
    }
}
