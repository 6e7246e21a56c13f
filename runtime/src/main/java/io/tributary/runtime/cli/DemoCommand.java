package io.tributary.runtime.cli;

import io.tributary.runtime.operations.LogLevels;
import io.tributary.runtime.plugins.PluginDescriptor;
import io.tributary.runtime.standalone.StandaloneRuntime;
import io.tributary.runtime.worker.ConnectorStateInfo;
import io.tributary.runtime.worker.State;
import io.tributary.runtime.worker.Status;
import io.tributary.runtime.worker.WorkerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tributary demo}: the datagen connector writes orders to a topic and the JDBC sink writes them to a
 * table, on a Kafka broker started in this process and an H2 database in a file, unless others are named.
 * Both connectors come from their bundles on the plugin path, as a user's would. It prints progress each
 * second (records produced, the sink's lag, rows in the table) and ends with a query of the table.
 */
@Command(
        name = "demo",
        description = "Runs datagen → Kafka → JDBC sink end to end, with an in-process Kafka broker and an H2"
                + " database, showing progress, then queries the table.")
final class DemoCommand implements Callable<Integer> {

    static final String DATAGEN = "io.tributary.connectors.datagen.DatagenConnector";
    static final String JDBC_SINK = "io.tributary.connectors.jdbc.JdbcSinkConnector";
    static final String SOURCE_NAME = "demo-orders";
    static final String SINK_NAME = "demo-orders-to-db";
    static final String TOPIC = "demo-orders";

    @Spec
    private CommandSpec spec;

    @Option(names = "--count", defaultValue = "1000", description = "Orders to move (default: ${DEFAULT-VALUE}).")
    private long count;

    @Option(
            names = "--rate",
            defaultValue = "200",
            description = "Orders the source writes a second (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(
            names = "--plugin-path",
            split = ",",
            defaultValue = "${sys:tributary.demo.plugin.path:-plugins}",
            description = "Where the datagen and JDBC connector bundles are (default: ${DEFAULT-VALUE}).")
    private List<String> pluginPath;

    @Option(
            names = "--connection-url",
            description = "Write to this database instead of a new H2 database in a temporary folder, such as"
                    + " jdbc:postgresql://localhost:5432/postgres.")
    private String connectionUrl;

    @Option(names = "--connection-user", description = "The database user of --connection-url.")
    private String connectionUser;

    @Option(names = "--connection-password", description = "The password of --connection-user.")
    private String connectionPassword;

    @Option(
            names = "--table",
            defaultValue = "demo_orders",
            description = "The table to write; it must not exist yet (default: ${DEFAULT-VALUE}).")
    private String table;

    @Option(names = "--bootstrap-servers", description = "Use this Kafka cluster instead of an in-process broker.")
    private String bootstrapServers;

    @Option(names = "--timeout", defaultValue = "PT2M", description = "Give up after this long (default: PT2M).")
    private Duration timeout;

    @Option(names = "--verbose", description = "Keep the worker's own log lines (INFO) beside the demo's.")
    private boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, got " + count);
        }
        if (!(rate > 0)) {
            throw new ParameterException(spec.commandLine(), "--rate must be above 0 (orders a second), got " + rate);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!verbose) {
            new LogLevels(Clock.systemUTC()).set("io.tributary", "WARN");
        }
        Path ownDatabase = null;
        String url = connectionUrl;
        if (url == null) {
            ownDatabase = Files.createTempDirectory("tributary-demo-db");
            url = "jdbc:h2:file:" + ownDatabase.resolve("demo").toAbsolutePath();
        }
        DevKafka broker = null;
        int result = 1;
        try {
            String servers = bootstrapServers;
            if (servers == null) {
                broker = ServiceLoader.load(DevKafka.class)
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("The demo needs the dev-kafka module on the class"
                                + " path; run it with bin/tributary demo"));
                servers = broker.start(Files.createTempDirectory("tributary-demo-kafka"));
                say(out, "Started a Kafka broker in this process at " + servers);
            }
            result = run(out, servers, url);
            if (result == 0 && ownDatabase != null) {
                say(out, "The database stays in " + ownDatabase.resolve("demo.mv.db"));
            }
            return result;
        } finally {
            if (broker != null) {
                broker.close();
            }
            if (result != 0 && ownDatabase != null) {
                deleteRecursively(ownDatabase);
            }
        }
    }

    /** Runs the two connectors on a worker against the broker and the database; 0 once every order is a row. */
    private int run(PrintWriter out, String servers, String url) throws InterruptedException {
        try (StandaloneRuntime runtime = StandaloneRuntime.start(Map.of(
                WorkerConfig.BOOTSTRAP_SERVERS,
                servers,
                WorkerConfig.PLUGIN_PATH,
                String.join(",", pluginPath),
                WorkerConfig.OFFSET_FLUSH_INTERVAL_MS,
                "1000"))) {
            Optional<String> missing = describePlugins(runtime, out);
            if (missing.isPresent()) {
                say(out, missing.get());
                return 1;
            }
            DemoTable database;
            try {
                database = DemoTable.open(
                        runtime.plugins().loaderFor(JDBC_SINK), url, connectionUser, connectionPassword, table);
            } catch (SQLException | IllegalArgumentException e) {
                say(
                        out,
                        "Cannot connect to " + url + ": " + e.getMessage()
                                + "; check --connection-url, --connection-user and --connection-password");
                return 1;
            }
            try (database;
                    SinkLag lag = new SinkLag(servers, TOPIC, "connect-" + SINK_NAME)) {
                return run(out, runtime, database, lag, url);
            } catch (SQLException e) {
                say(out, "The database at " + url + " failed: " + e.getMessage() + "; check --connection-url");
                return 1;
            } catch (ExecutionException | TimeoutException | KafkaException e) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                say(out, "Kafka did not answer (" + cause + "); check --bootstrap-servers");
                return 1;
            }
        }
    }

    private int run(PrintWriter out, StandaloneRuntime runtime, DemoTable database, SinkLag lag, String url)
            throws SQLException, ExecutionException, TimeoutException, InterruptedException {
        if (database.exists()) {
            say(out, "Table " + table + " already exists in " + url + ": drop it, or name another with --table");
            return 1;
        }
        lag.markStart();
        runtime.deploy(sink(url));
        say(out, "Deployed " + SINK_NAME + ": JDBC sink from topic " + TOPIC + " into table " + table + " of " + url);
        runtime.deploy(source());
        say(
                out,
                "Deployed " + SOURCE_NAME + ": datagen writes " + count + " orders at "
                        + (rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate))
                        + " a second to topic " + TOPIC);
        Instant started = Instant.now();
        if (!awaitRows(runtime, database, lag, out, started, started.plus(timeout))) {
            return 1;
        }
        say(
                out,
                String.format(
                        Locale.ROOT,
                        "Done: %d orders went from %s through Kafka into table %s in %.1f s",
                        count,
                        SOURCE_NAME,
                        table,
                        seconds(started)));
        say(out, "The table, by city:");
        database.printSummary(out);
        return 0;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Names the two plugins and where they come from; says what to do when either is not on the path. */
    private Optional<String> describePlugins(StandaloneRuntime runtime, PrintWriter out) {
        List<PluginDescriptor> found = Stream.of(DATAGEN, JDBC_SINK)
                .flatMap(name -> runtime.plugins().plugins().stream()
                        .filter(p -> p.className().equals(name))
                        .limit(1))
                .toList();
        if (found.size() < 2) {
            return Optional.of("The demo runs the datagen and JDBC connectors from their bundles, but "
                    + String.join(",", pluginPath) + " does not hold both; give their folders or ZIPs with"
                    + " --plugin-path (the distribution has them in plugins/; in the source tree,"
                    + " bin/tributary demo builds them)");
        }
        found.forEach(p -> say(out, "Plugin " + p.className() + " " + p.version() + " from " + p.location()));
        return Optional.empty();
    }

    private Map<String, String> source() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("name", SOURCE_NAME);
        config.put("connector.class", DATAGEN);
        config.put("tasks.max", "1");
        config.put("kafka.topic", TOPIC);
        config.put("quickstart", "orders");
        config.put("iterations", Long.toString(count));
        config.put("records.per.second", Double.toString(rate));
        return config;
    }

    private Map<String, String> sink(String url) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("name", SINK_NAME);
        config.put("connector.class", JDBC_SINK);
        config.put("tasks.max", "1");
        config.put("topics", TOPIC);
        config.put("connection.url", url);
        if (connectionUser != null) {
            config.put("connection.user", connectionUser);
        }
        if (connectionPassword != null) {
            config.put("connection.password", connectionPassword);
        }
        config.put("table.name.format", table);
        config.put("insert.mode", "upsert");
        config.put("pk.mode", "record_value");
        config.put("pk.fields", "orderid");
        config.put("auto.create", "true");
        return config;
    }

    private boolean awaitRows(
            StandaloneRuntime runtime,
            DemoTable database,
            SinkLag lag,
            PrintWriter out,
            Instant started,
            Instant deadline)
            throws SQLException, ExecutionException, TimeoutException, InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        while (true) {
            for (String name : List.of(SOURCE_NAME, SINK_NAME)) {
                Optional<String> failure = failure(runtime, name);
                if (failure.isPresent()) {
                    say(out, name + " failed: " + failure.get());
                    return false;
                }
            }
            long rows = database.rows();
            SinkLag.Progress progress = lag.progress();
            say(
                    out,
                    String.format(
                            Locale.ROOT,
                            "%5.1f s  produced %,8d  lag %,8d  rows written %,8d",
                            seconds(started),
                            progress.produced(),
                            progress.lag(),
                            rows));
            if (rows >= count && progress.lag() == 0) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                say(
                        out,
                        "The demo did not finish within " + timeout + ": " + rows + " of " + count
                                + " rows were written; run it again with --verbose to see the worker's log");
                return false;
            }
            never.await(1, TimeUnit.SECONDS);
        }
    }

    /** The first line of the error of a failed connector or task. */
    private static Optional<String> failure(StandaloneRuntime runtime, String name) {
        Optional<ConnectorStateInfo> status = runtime.status(name);
        return status.flatMap(s -> Stream.concat(
                                Stream.of(s.connector()), s.tasks().stream().map(ConnectorStateInfo.TaskState::status))
                        .filter(st -> st.state() == State.FAILED)
                        .findFirst())
                .map(DemoCommand::firstLine);
    }

    private static String firstLine(Status status) {
        String line = Output.firstLine(status.trace());
        return line.isEmpty() ? "(no message)" : line;
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private static void say(PrintWriter out, String message) {
        out.println("[demo] " + message);
        out.flush();
    }
}
