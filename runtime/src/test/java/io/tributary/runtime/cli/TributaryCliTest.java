package io.tributary.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code tributary} command run in-process, as a user would type it. */
class TributaryCliTest {

    @TempDir
    Path pluginPath;

    /** What one run of the command printed, and how it ended. */
    private record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TributaryCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exitCode = cli.execute(args);

        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void theDemoRefusesACountOrRateItCannotRunBeforeStartingAnything() {
        Run none = run("demo", "--count", "0");
        Run unlimited = run("demo", "--rate", "0");

        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("--count must be at least 1, got 0");
        assertThat(unlimited.exitCode()).isEqualTo(2);
        assertThat(unlimited.err()).contains("--rate must be above 0 (orders a second), got 0.0");
    }

    @Test
    void pluginsListsTheBuiltInPluginsAndSkipsACorruptBundle() throws IOException {
        Path corrupt = pluginPath.resolve("broken-bundle.zip");
        Files.writeString(corrupt, "this is not a zip file", StandardCharsets.UTF_8);

        Run run = run("plugins", "--plugin-path", pluginPath.toString());

        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
        assertThat(run.outLines().get(0)).matches("TYPE\\s+CLASS\\s+VERSION\\s+LOCATION");
        assertThat(run.outLines())
                .anyMatch(line -> line.matches("converter\\s+io\\.tributary\\.runtime\\.convert\\.JsonConverter\\s.*"))
                .anyMatch(
                        line -> line.matches("converter\\s+io\\.tributary\\.runtime\\.convert\\.StringConverter\\s.*"));
        assertThat(run.outLines())
                .filteredOn(line -> line.startsWith("SKIPPED"))
                .singleElement()
                .asString()
                .contains(corrupt.toAbsolutePath().normalize().toString())
                .contains("not a readable ZIP");
    }

    @Test
    void pluginsWithAnEmptyPluginPathListsOnlyBuiltInPlugins() {
        Run run = run("plugins", "--plugin-path", pluginPath.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).noneMatch(line -> line.startsWith("SKIPPED"));
        assertThat(run.outLines()).hasSizeGreaterThan(1);
    }

    @Test
    void versionNamesTheProgram() {
        Run run = run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("tributary ");
    }

    @Test
    void anUnknownSubcommandFailsAndShowsTheUsage() {
        Run run = run("frobnicate");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err())
                .contains("frobnicate")
                .contains("Usage: tributary")
                .contains("plugins")
                .contains("standalone");
        assertThat(run.out()).isEmpty();
    }
}
