package io.tributary.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.runtime.rest.Http.Answer;
import io.tributary.runtime.standalone.StandaloneRuntime;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.WithKafka;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Sends malformed paths, parameters and bodies, a bounded number within a bounded time, and expects a 4xx
 * or a success for every one: never a 5xx, and every error in the API's JSON shape. The seed is fixed, so a failure replays; it is printed with
 * every request that failed.
 */
@WithKafka
class RestFuzzIT {
    private static final long SEED = 20261204L;
    private static final int REQUESTS = 1_500;
    private static final long BUDGET_MS = 90_000;

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final List<String> TEMPLATES = List.of(
            "/",
            "/connectors",
            "/connectors/{name}",
            "/connectors/{name}/config",
            "/connectors/{name}/status",
            "/connectors/{name}/restart",
            "/connectors/{name}/pause",
            "/connectors/{name}/resume",
            "/connectors/{name}/stop",
            "/connectors/{name}/topics",
            "/connectors/{name}/topics/reset",
            "/connectors/{name}/offsets",
            "/connectors/{name}/tasks",
            "/connectors/{name}/tasks/{task}/status",
            "/connectors/{name}/tasks/{task}/restart",
            "/connector-plugins",
            "/connector-plugins/{plugin}/config",
            "/connector-plugins/{plugin}/config/validate",
            "/admin/loggers",
            "/{junk}",
            "/connectors/{name}/{junk}");
    private static final List<String> NAMES =
            List.of("fuzz", "", " ", "a b", "ü", "%00", "..", "%2F", "x".repeat(300), "😀", "a%", "{name}", "null");
    private static final List<String> TASKS = List.of("0", "-1", "99999999999", "x", "", "0x1", "1e3", "%20");
    private static final List<String> PLUGINS = List.of(
            CountingSourceConnector.class.getName(),
            "CountingSource",
            "JsonConverter",
            "Nope",
            "",
            "java.lang.String",
            "java.lang.Runtime",
            "../../etc/passwd");
    private static final List<String> PARAMS = List.of(
            "expand=status",
            "expand=info",
            "expand=",
            "expand=%zz",
            "includeTasks=true",
            "onlyFailed=maybe",
            "connectorsOnly=false",
            "connectorsOnly=",
            "scope=cluster",
            "forward=true",
            "x=y",
            "=",
            "&&",
            "a=%");
    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json; charset=utf-8",
            "text/plain",
            "application/xml",
            "",
            "application/vnd.api+json",
            "multipart/form-data; boundary=x");

    @Test
    void noMalformedRequestGetsAServerError(KafkaCluster kafka) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        settings.put("listeners", "http://localhost:0");
        settings.put("rest.request.max.bytes", "16384");
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        try (RestServer rest = RestServer.start(new RestConfig(settings), "test", "test");
                StandaloneRuntime runtime = StandaloneRuntime.start(settings, rest.workerId())) {
            rest.serve(runtime.control());
            Http http = new Http(rest.advertisedUrl());
            http.post(
                    "/connectors",
                    Map.of(
                            "name",
                            "fuzz",
                            "config",
                            Map.of("connector.class", CountingSourceConnector.class.getName(), "topic", "fuzz-topic")));
            long deadline = System.currentTimeMillis() + BUDGET_MS;
            int sent = 0;
            while (sent < REQUESTS && System.currentTimeMillis() < deadline) {
                String method = pick(random, METHODS);
                String path = path(random);
                // HEAD has no body in HTTP; a client that sends one desynchronizes its own connection.
                String body = random.nextInt(4) == 0 || method.equals("HEAD") ? null : body(random);
                String type = pick(random, CONTENT_TYPES);
                Answer answer;
                try {
                    answer = http.send(method, path, body, type.isEmpty() ? null : type);
                } catch (IllegalArgumentException e) {
                    continue; // a path the client itself refuses to send
                } catch (UncheckedIOException e) {
                    // The server may close a connection after refusing a malformed request, and the client may
                    // have picked that connection from its pool: resend once, on a fresh connection.
                    try {
                        answer = new Http(rest.advertisedUrl()).send(method, path, body, type.isEmpty() ? null : type);
                    } catch (UncheckedIOException again) {
                        sent++;
                        failures.add(method + " " + path + " [" + type + "] " + abbreviate(body)
                                + " -> connection dropped: " + again.getCause());
                        continue;
                    }
                }
                sent++;
                if (answer.status() >= 500
                        || (answer.status() >= 400 && answer.json() == null && !method.equals("HEAD"))) {
                    failures.add(method + " " + path + " [" + type + "] " + abbreviate(body) + " -> " + answer);
                }
            }
            assertThat(sent).as("requests sent").isGreaterThan(REQUESTS / 10);
        }
        assertThat(failures).as("requests answered with a 5xx (seed %d)", SEED).isEmpty();
    }

    private static String path(Random random) {
        String path = pick(random, TEMPLATES)
                .replace("{name}", encode(random, pick(random, NAMES)))
                .replace("{task}", encode(random, pick(random, TASKS)))
                .replace("{plugin}", encode(random, pick(random, PLUGINS)))
                .replace("{junk}", encode(random, randomText(random, 12)));
        if (random.nextBoolean()) {
            StringBuilder query = new StringBuilder("?");
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                query.append(i == 0 ? "" : "&").append(pick(random, PARAMS));
            }
            path += query;
        }
        return path;
    }

    private static String encode(Random random, String segment) {
        return random.nextBoolean() ? URLEncoder.encode(segment, StandardCharsets.UTF_8) : segment.replace(" ", "%20");
    }

    private static String body(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> "{";
            case 1 -> "[]";
            case 2 -> "null";
            case 3 -> "\"text\"";
            case 4 -> "{\"name\": 5, \"config\": []}";
            case 5 -> "{\"name\": \"fuzz-new\", \"config\": {\"connector.class\": {\"nested\": true}}}";
            case 6 -> "[".repeat(5_000) + "]".repeat(5_000);
            case 7 -> "{\"offsets\": [{\"partition\": null, \"offset\": 7}]}";
            case 8 -> "{\"offsets\": [{\"partition\": {\"kafka_topic\": 1, \"kafka_partition\": \"x\"}}]}";
            case 9 -> "{\"level\": [\"DEBUG\"]}";
            case 10 -> "{\"count\": 1e999, \"topic\": null, \"\": \"\"}";
            default -> randomText(random, random.nextInt(64));
        };
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
        }
        return text.toString();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviate(String body) {
        return body == null ? "(no body)" : body.length() > 80 ? body.substring(0, 80) + "..." : body;
    }
}
