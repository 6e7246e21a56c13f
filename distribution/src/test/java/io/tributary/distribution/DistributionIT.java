package io.tributary.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive as a user meets it: unpacked outside the source tree and started with bin/tributary, with a
 * JDK and nothing else on the path to it.
 */
class DistributionIT {
    private static final List<String> SAMPLE_CONNECTORS = List.of(
            "io.tributary.connectors.datagen.DatagenConnector",
            "io.tributary.connectors.file.FileSourceConnector",
            "io.tributary.connectors.file.FileSinkConnector",
            "io.tributary.connectors.jdbc.JdbcSourceConnector",
            "io.tributary.connectors.jdbc.JdbcSinkConnector");

    @TempDir
    static Path installed;

    private static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("distribution.archive"));
        assertThat(archive).exists();
        Process tar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", installed.toString())
                .inheritIO()
                .start();
        assertThat(tar.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(tar.exitValue()).isZero();
        try (var entries = Files.list(installed)) {
            home = entries.filter(p -> p.getFileName().toString().startsWith("tributary-"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static ProcessBuilder tributary(Path workDir, String... args) {
        List<String> command =
                new java.util.ArrayList<>(List.of(home.resolve("bin/tributary").toString()));
        command.addAll(List.of(args));
        ProcessBuilder process =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        process.environment().remove("CLASSPATH");
        process.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return process;
    }

    @Test
    void theDemoRunsFromTheUnpackedArchive(@TempDir Path work) throws Exception {
        String printed = runToEnd(tributary(work, "demo", "--count", "50", "--rate", "100"), Duration.ofMinutes(3));

        assertThat(printed)
                .as("the connectors come from the bundles in plugins/")
                .containsPattern("Plugin io.tributary.connectors.datagen.DatagenConnector \\S+ from "
                        + Pattern.quote(home.resolve("plugins").toString()))
                .containsPattern("Plugin io.tributary.connectors.jdbc.JdbcSinkConnector \\S+ from "
                        + Pattern.quote(home.resolve("plugins").toString()));
        assertThat(printed)
                .as("progress, then the last line of it: all 50 written, nothing left to commit")
                .containsPattern("produced +\\d+ +lag +\\d+ +rows written +\\d+")
                .containsPattern("produced +50 +lag +0 +rows written +50\\n")
                .contains("Done: 50 orders went from demo-orders through Kafka into table demo_orders");
        assertThat(printed)
                .as("the query of the table and its result")
                .contains("SELECT \"city\", COUNT(*)")
                .containsPattern("(?m)^  city +orders +units +amount$")
                .containsPattern("\\(\\d rows\\)");
        int ordersInTable = Pattern.compile("(?m)^  [A-Z][a-z]+ +(\\d+) ")
                .matcher(printed)
                .results()
                .mapToInt(m -> Integer.parseInt(m.group(1)))
                .sum();
        assertThat(ordersInTable).as(printed).isEqualTo(50);
    }

    @Test
    void pluginsListsTheSampleBundlesWithTheirVersions() throws Exception {
        String printed = runToEnd(tributary(home, "plugins", "config/standalone.properties"), Duration.ofMinutes(2));

        String version = archiveVersion();
        for (String connector : SAMPLE_CONNECTORS) {
            assertThat(printed)
                    .as(connector + " from its folder of plugins/, with its version")
                    .containsPattern("(?m)^\\S+ +" + Pattern.quote(connector) + " +" + Pattern.quote(version) + " +"
                            + Pattern.quote(home.resolve("plugins").toString()) + "/tributary-connector-");
        }
        assertThat(printed).doesNotContain("SKIPPED");
    }

    @Test
    void theSampleBundlesRunOnAStandaloneWorker(@TempDir Path work) throws Exception {
        Path input = Files.writeString(work.resolve("input.txt"), "first\nsecond\nthird\n");
        Path output = work.resolve("output.jsonl");
        Path database = work.resolve("orders");
        Path worker = properties(
                work.resolve("worker.properties"),
                "offset.storage.file.filename=" + work.resolve("offsets.json"),
                "offset.flush.interval.ms=1000",
                "plugin.path=" + home.resolve("plugins"),
                "listeners=http://localhost:0");
        Path datagen = properties(
                work.resolve("datagen.properties"),
                "name=orders",
                "connector.class=io.tributary.connectors.datagen.DatagenConnector",
                "kafka.topic=orders",
                "quickstart=orders",
                "iterations=20",
                "records.per.second=0");
        Path fileSource = properties(
                work.resolve("file-source.properties"),
                "name=lines",
                "connector.class=FileSource",
                "file=" + input,
                "topic=lines");
        Path fileSink = properties(
                work.resolve("file-sink.properties"),
                "name=to-file",
                "connector.class=FileSink",
                "topics=orders,lines",
                "file=" + output,
                "format=json");
        Path jdbcSink = properties(
                work.resolve("jdbc-sink.properties"),
                "name=to-db",
                "connector.class=io.tributary.connectors.jdbc.JdbcSinkConnector",
                "topics=orders",
                "connection.url=jdbc:h2:file:" + database,
                "insert.mode=upsert",
                "pk.mode=record_value",
                "pk.fields=orderid",
                "auto.create=true");
        Path jdbcSource = properties(
                work.resolve("jdbc-source.properties"),
                "name=from-db",
                "connector.class=io.tributary.connectors.jdbc.JdbcSourceConnector",
                "connection.url=jdbc:h2:file:" + database,
                "mode=incrementing",
                "incrementing.column.name=orderid",
                "table.include.list=orders",
                "topic.prefix=shop-",
                "poll.interval.ms=200",
                "table.poll.interval.ms=500");

        try (StandaloneProcess standalone = new StandaloneProcess(tributary(
                work,
                "standalone",
                "--dev",
                worker.toString(),
                datagen.toString(),
                fileSource.toString(),
                fileSink.toString(),
                jdbcSink.toString(),
                jdbcSource.toString()))) {
            URI base = standalone.awaitRestApi();
            await().atMost(Duration.ofMinutes(1))
                    .alias("23 lines in " + output)
                    .until(() ->
                            Files.exists(output) && Files.readAllLines(output).size() >= 23);
            assertThat(Files.readAllLines(output))
                    .as(standalone.output())
                    .hasSize(23)
                    .contains("\"first\"", "\"second\"", "\"third\"")
                    .anyMatch(line -> line.startsWith("{\"orderid\":19,"));

            String printed = runToEnd(tributary(work, "plugins", "--url", base.toString()), Duration.ofMinutes(1));
            for (String connector : SAMPLE_CONNECTORS) {
                assertThat(printed)
                        .as("GET /connector-plugins through the CLI")
                        .containsPattern(Pattern.quote(connector) + " +" + Pattern.quote(archiveVersion()));
            }
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofMinutes(1))
                    .alias("the JDBC sink committed all 20 orders")
                    .until(() -> committedOffsets(http, base, "to-db").contains("\"kafka_offset\":20"));
            await().atMost(Duration.ofMinutes(1))
                    .alias("the JDBC source read the 20 rows back from the table the sink made")
                    .until(() -> committedOffsets(http, base, "from-db").contains("\"incrementing\":19"));
        }
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + database);
                ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM \"orders\"")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(20);
        }
    }

    @Test
    void aStandaloneWorkerServesItsRestApi(@TempDir Path work) throws Exception {
        Path worker = properties(
                work.resolve("worker.properties"),
                "key.converter=org.apache.kafka.connect.storage.StringConverter",
                "value.converter=org.apache.kafka.connect.storage.StringConverter",
                "offset.storage.file.filename=" + work.resolve("offsets.json"),
                "plugin.path=" + home.resolve("plugins"),
                "listeners=http://localhost:0");
        try (StandaloneProcess standalone =
                new StandaloneProcess(tributary(work, "standalone", "--dev", worker.toString()))) {
            URI base = standalone.awaitRestApi();
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> created = Greeter.create(http, base);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            await().atMost(Duration.ofMinutes(1))
                    .alias("the connector RUNNING")
                    .until(() -> Greeter.status(http, base).contains("\"state\":\"RUNNING\""));
        }
    }

    /**
     * Runs a command of the archive to its end, its output in a file so that a command that hangs cannot hang
     * the test, and checks that it ended in time and exited with 0.
     *
     * @return what it printed, standard output and error together
     */
    private static String runToEnd(ProcessBuilder command, Duration limit) throws Exception {
        Path output = Files.createTempFile(installed, "output", ".txt");
        Process process = command.redirectOutput(output.toFile()).start();
        boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String printed = Files.readString(output);
        assertThat(ended).as("ended within " + limit + "; printed:\n" + printed).isTrue();
        assertThat(process.exitValue()).as(printed).isZero();
        return printed;
    }

    private static Path properties(Path file, String... lines) throws IOException {
        return Files.writeString(file, String.join("\n", lines) + "\n");
    }

    /** @return the body of {@code GET /connectors/NAME/offsets}, without spaces */
    private static String committedOffsets(HttpClient http, URI base, String connector)
            throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(base.resolve("connectors/" + connector + "/offsets"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body()
                .replace(" ", "");
    }

    /** The version in the unpacked folder's name, tributary-VERSION, which the sample bundles share. */
    private static String archiveVersion() {
        return home.getFileName().toString().substring("tributary-".length());
    }
}
