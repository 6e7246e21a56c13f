package io.tributary.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Asks a worker's REST API, and describes answers by their shape: field names and JSON types. */
final class Rest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields whose content is the connector's own, so only their being objects is compared. */
    private static final Set<String> FREE_FORM = Set.of("config", "partition", "offset");

    /** An answer. */
    record Answer(int status, JsonNode body, java.net.http.HttpHeaders headers) {
        String message() {
            return body == null ? null : body.path("message").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;

    Rest(URI base) {
        this.base = base;
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
            if (body != null) {
                String text = body instanceof String s ? s : JSON.writeValueAsString(body);
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(text));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), parsed, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether two answers have the same shape: the same fields at every level, with values of the same JSON
     * type where both are given (a null matches any type; an empty array matches any array).
     */
    static boolean sameShape(JsonNode a, JsonNode b) {
        return compatible(shape(a), shape(b));
    }

    private static boolean compatible(JsonNode a, JsonNode b) {
        if (a.isTextual() && a.asText().equals("null")
                || b.isTextual() && b.asText().equals("null")) {
            return true;
        }
        if (a.isObject() && b.isObject()) {
            List<String> aFields = new ArrayList<>();
            a.fieldNames().forEachRemaining(aFields::add);
            List<String> bFields = new ArrayList<>();
            b.fieldNames().forEachRemaining(bFields::add);
            return aFields.equals(bFields) && aFields.stream().allMatch(f -> compatible(a.get(f), b.get(f)));
        }
        if (a.isArray() && b.isArray()) {
            return a.isEmpty() || b.isEmpty() || compatible(a.get(0), b.get(0));
        }
        return a.equals(b);
    }

    /**
     * @param node a JSON answer
     * @return its shape: objects as their fields' shapes (sorted), arrays as their first element's, values as
     *     their JSON type; a connector's own settings, partitions and offsets as "object"
     */
    static JsonNode shape(JsonNode node) {
        if (node == null || node.isNull()) {
            return JsonNodeFactory.instance.textNode("null");
        }
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> iterator = node.fields();
            while (iterator.hasNext()) {
                Map.Entry<String, JsonNode> field = iterator.next();
                fields.put(
                        field.getKey(),
                        FREE_FORM.contains(field.getKey()) && field.getValue().isObject()
                                ? JsonNodeFactory.instance.textNode("object")
                                : shape(field.getValue()));
            }
            ObjectNode shape = JsonNodeFactory.instance.objectNode();
            fields.forEach(shape::set);
            return shape;
        }
        if (node.isArray()) {
            return node.isEmpty()
                    ? JsonNodeFactory.instance.arrayNode()
                    : JsonNodeFactory.instance.arrayNode().add(shape(node.get(0)));
        }
        return JsonNodeFactory.instance.textNode(node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
}
