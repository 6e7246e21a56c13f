package io.tributary.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Talks to a worker's REST API, Tributary's or Apache Kafka Connect's: sends a request and gives back the
 * parsed answer, or throws a {@link Refusal} carrying the worker's own message.
 */
final class WorkerClient {
    /** The worker answered with an error; its message is the worker's own. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** The worker could not be reached. */
    static final class Unreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An answer: its status and its body, null when empty. */
    record Answer(int status, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final HttpClient http;
    private final URI base;
    private final String authorization;

    WorkerClient(HttpClient http, URI base, String user, String password) {
        this.http = http;
        this.base = base;
        this.authorization = user == null
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString((user + ":" + (password == null ? "" : password))
                                        .getBytes(StandardCharsets.UTF_8));
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    JsonNode get(String path) {
        return send("GET", path, null).body();
    }

    Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    Answer patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    Answer delete(String path) {
        return send("DELETE", path, null);
    }

    /**
     * @param body sent as JSON when not null
     * @return the answer, when its status is below 400
     * @throws Refusal with the worker's message when it is 400 or more
     * @throws Unreachable when the worker cannot be reached
     */
    Answer send(String method, String path, Object body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Accept", "application/json");
        try {
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the request as JSON: " + e.getOriginalMessage(), e);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unreachable(
                    "Cannot reach the worker at " + base + " (" + e + "); check --url and that the" + " worker runs",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("Interrupted while waiting for the worker at " + base, e);
        }
        JsonNode parsed = parse(response.body());
        if (response.statusCode() >= 300 && response.statusCode() < 400) {
            throw new Refusal(
                    response.statusCode(),
                    "The worker at " + base + " redirects to "
                            + response.headers().firstValue("Location").orElse("another address")
                            + "; use that address in --url");
        }
        if (response.statusCode() >= 400) {
            String message = parsed != null && parsed.hasNonNull("message")
                    ? parsed.get("message").asText()
                    : "HTTP " + response.statusCode() + (response.body().isBlank() ? "" : ": " + response.body());
            throw new Refusal(response.statusCode(), message);
        }
        if (parsed != null && !parsed.isContainerNode()) {
            throw new Refusal(
                    response.statusCode(),
                    "The answer of " + base + " is not JSON, so it is not a worker's"
                            + " REST API (a proxy's page?); check --url");
        }
        return new Answer(response.statusCode(), parsed);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
