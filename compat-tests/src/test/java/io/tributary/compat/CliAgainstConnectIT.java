package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.runtime.cli.TributaryCli;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.Waits;
import io.tributary.testkit.WithKafka;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code tributary} client subcommands driving Apache Kafka Connect 4.3 through its own REST API. */
@WithKafka
class CliAgainstConnectIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Workers.Worker connect;
    private static String url;

    @TempDir
    static Path dir;

    record Run(int exitCode, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("Expected JSON output but was: " + out + err, e);
            }
        }
    }

    @BeforeAll
    static void startConnect(KafkaCluster kafka) {
        connect = Workers.connect(kafka.bootstrapServers(), dir.resolve("connect.offsets"));
        url = connect.url().toString();
    }

    @AfterAll
    static void stopConnect() {
        connect.close();
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TributaryCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] withUrl = java.util.Arrays.copyOf(args, args.length + 2);
        withUrl[args.length] = "--url";
        withUrl[args.length + 1] = url;
        return new Run(cli.execute(withUrl), out.toString(), err.toString());
    }

    private static String state(String name) {
        return run("connectors", "describe", name, "-o", "json")
                .json()
                .path("status")
                .path("connector")
                .path("state")
                .asText();
    }

    @Test
    void theClientManagesAConnectorOnApacheKafkaConnect() throws IOException {
        Path lines = dir.resolve("lines.txt");
        Files.writeString(lines, "alpha\nbeta\n");
        Path file = dir.resolve("file-source.properties");
        Files.writeString(
                file,
                "name=file-source\nconnector.class=FileStreamSource\nfile=" + lines
                        + "\ntopic=cli-on-connect\ntasks.max=1\n");

        Run applied = run("connectors", "apply", "-f", file.toString());
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("Connector file-source created");
        assertThat(run("connectors", "apply", "-f", file.toString()).out()).contains("updated");
        Waits.until(
                "the connector RUNNING on Connect",
                () -> run("connectors", "list")
                        .out()
                        .lines()
                        .anyMatch(line -> line.matches("file-source\\s+source\\s+RUNNING\\s+1 RUNNING\\s+.*")));
        assertThat(run("connectors", "describe", "file-source").out()).contains("FileStreamSource");

        assertThat(run("connectors", "pause", "file-source").exitCode()).isZero();
        Waits.until("paused", () -> state("file-source").equals("PAUSED"));
        assertThat(run("connectors", "resume", "file-source").exitCode()).isZero();
        Waits.until("running", () -> state("file-source").equals("RUNNING"));
        Run restart = run("connectors", "restart", "file-source", "--include-tasks");
        assertThat(restart.exitCode()).as(restart.err()).isZero();
        assertThat(restart.out()).contains("RESTARTING");
        Waits.until("running again", () -> state("file-source").equals("RUNNING"));

        Run whileRunning = run("offsets", "reset", "file-source");
        assertThat(whileRunning.exitCode()).isEqualTo(1);
        assertThat(whileRunning.err()).startsWith("Connectors must be in the STOPPED state");
        assertThat(run("connectors", "stop", "file-source").exitCode()).isZero();
        Waits.until("stopped", () -> state("file-source").equals("STOPPED"));
        Waits.until(
                "offsets committed",
                () -> run("offsets", "get", "file-source", "-o", "json")
                                .json()
                                .path("offsets")
                                .size()
                        == 1);
        JsonNode partition = run("offsets", "get", "file-source", "-o", "json")
                .json()
                .path("offsets")
                .get(0)
                .path("partition");
        Path offsets = dir.resolve("offsets.json");
        Files.writeString(
                offsets, "{\"offsets\": [{\"partition\": " + partition + ", \"offset\": {\"position\": 0}}]}");
        Run altered = run("offsets", "alter", "file-source", "-f", offsets.toString());
        assertThat(altered.exitCode()).as(altered.err()).isZero();
        assertThat(altered.out()).contains("altered successfully");
        assertThat(run("offsets", "reset", "file-source").out()).contains("reset successfully");

        assertThat(run("connectors", "delete", "file-source").exitCode()).isZero();
        Run gone = run("connectors", "describe", "file-source");
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.err()).contains("file-source");
    }

    @Test
    void pluginsAndValidationWorkAgainstConnect() throws IOException {
        assertThat(run("plugins").out()).contains("org.apache.kafka.connect.file.FileStreamSinkConnector");
        assertThat(run("plugins", "--all", "-o", "json").json().findValuesAsText("type"))
                .contains("transformation");

        Path sink = dir.resolve("sink.json");
        Files.writeString(sink, "{\"name\": \"sink\", \"config\": {\"connector.class\": \"FileStreamSink\"}}");
        Run invalid = run("validate", "-f", sink.toString());
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.out()).contains("topics");
    }
}
