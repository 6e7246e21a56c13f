package io.tributary.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive as a user meets it: unpacked outside the source tree and started with bin/tributary, with a
 * JDK and nothing else on the path to it.
 */
class DistributionIT {
    private static final Pattern REST_URL = Pattern.compile("REST API at (http://\\S+)");

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
        Path output = work.resolve("greetings.txt");

        Process demo = tributary(work, "demo", "--count", "3", "--file", output.toString())
                .start();
        String printed = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(demo.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(demo.exitValue()).as(printed).isZero();
        assertThat(Files.readAllLines(output)).as(printed).hasSize(3);
    }

    @Test
    void aStandaloneWorkerServesItsRestApi(@TempDir Path work) throws Exception {
        Path worker = work.resolve("worker.properties");
        Files.writeString(
                worker,
                String.join(
                        "\n",
                        "key.converter=org.apache.kafka.connect.storage.StringConverter",
                        "value.converter=org.apache.kafka.connect.storage.StringConverter",
                        "offset.storage.file.filename=" + work.resolve("offsets.json"),
                        "plugin.path=" + home.resolve("plugins"),
                        "listeners=http://localhost:0",
                        ""));
        Process standalone =
                tributary(work, "standalone", "--dev", worker.toString()).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(standalone.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (IOException e) {
                lines.add("(output ended: " + e + ")");
            }
        });
        reader.start();
        try {
            await().atMost(Duration.ofMinutes(2))
                    .alias("the worker printed its REST address")
                    .until(() ->
                            lines.stream().anyMatch(l -> REST_URL.matcher(l).find()) || !standalone.isAlive());
            assertThat(standalone.isAlive()).as(String.join("\n", lines)).isTrue();
            Matcher url = lines.stream()
                    .map(REST_URL::matcher)
                    .filter(Matcher::find)
                    .findFirst()
                    .orElseThrow();
            URI base = URI.create(url.group(1) + "/");
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> created = Greeter.create(http, base);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            await().atMost(Duration.ofMinutes(1))
                    .alias("the connector RUNNING")
                    .until(() -> Greeter.status(http, base).contains("\"state\":\"RUNNING\""));
        } finally {
            standalone.destroy();
            if (!standalone.waitFor(30, TimeUnit.SECONDS)) {
                standalone.destroyForcibly();
            }
        }
    }
}
