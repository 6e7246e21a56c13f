package io.tributary.runtime.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the REST API tests: sends a request, gives back the status and the parsed body. */
final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: its status, its body as text and as JSON (null when empty or not JSON), its headers. */
    record Answer(int status, String text, JsonNode json, java.net.http.HttpHeaders headers) {
        String message() {
            return json == null ? null : json.path("message").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    private final HttpClient client;
    private final URI base;
    private final Map<String, String> headers;

    Http(URI base) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), base, Map.of());
    }

    Http(HttpClient client, URI base, Map<String, String> headers) {
        this.client = client;
        this.base = base;
        this.headers = headers;
    }

    Http withHeader(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new Http(client, base, more);
    }

    Answer get(String path) {
        return send("GET", path, null, null);
    }

    Answer delete(String path) {
        return send("DELETE", path, null, null);
    }

    Answer post(String path, Object body) {
        return send("POST", path, body, "application/json");
    }

    Answer put(String path, Object body) {
        return send("PUT", path, body, "application/json");
    }

    Answer patch(String path, Object body) {
        return send("PATCH", path, body, "application/json");
    }

    /**
     * @param body a String is sent as it is; anything else as JSON; null sends no body
     * @param contentType the Content-Type header, or null for none
     */
    Answer send(String method, String path, Object body, String contentType) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(60))
                    .method(
                            method,
                            text == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(text));
            if (contentType != null && text != null) {
                request.header("Content-Type", contentType);
            }
            headers.forEach(request::header);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (!response.body().isEmpty()) {
                try {
                    json = JSON.readTree(response.body());
                } catch (IOException e) {
                    json = null;
                }
            }
            return new Answer(response.statusCode(), response.body(), json, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + path, e);
        }
    }
}
