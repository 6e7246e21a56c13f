package io.tributary.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code bin/tributary standalone} process of the unpacked archive, its output kept, stopped on close. */
final class StandaloneProcess implements AutoCloseable {
    private static final Pattern REST_URL = Pattern.compile("REST API at (http://\\S+)");

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    StandaloneProcess(ProcessBuilder command) throws IOException {
        process = command.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (IOException e) {
                lines.add("(output ended: " + e + ")");
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** @return the REST API's base URL, once the worker printed it */
    URI awaitRestApi() {
        await().atMost(Duration.ofMinutes(2))
                .alias("the worker printed its REST address")
                .until(() -> lines.stream().anyMatch(l -> REST_URL.matcher(l).find()) || !process.isAlive());
        assertThat(process.isAlive()).as(output()).isTrue();
        Matcher url = lines.stream()
                .map(REST_URL::matcher)
                .filter(Matcher::find)
                .findFirst()
                .orElseThrow();
        return URI.create(url.group(1) + "/");
    }

    /** @return what the process printed so far, for assertion messages */
    String output() {
        return String.join("\n", lines);
    }

    /** Stops the worker as a user's Ctrl-C or {@code kill} does, and waits for it to end. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            // Wait for the end too: the test may open what the worker held, such as an H2 file, next.
            process.destroyForcibly().waitFor();
        }
    }
}
