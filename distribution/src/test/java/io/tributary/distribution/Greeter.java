package io.tributary.distribution;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The connector the distribution's tests deploy through a worker's REST API: the demo source, five records. */
final class Greeter {
    private static final String CREATE = "{\"name\": \"greeter\", \"config\": {\"connector.class\": \"DemoSource\","
            + " \"topic\": \"greetings\", \"count\": \"5\"}}";

    private Greeter() {}

    /** @return the answer to {@code POST /connectors} creating it */
    static HttpResponse<String> create(HttpClient http, URI base) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(base.resolve("connectors"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(CREATE))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** @return its status, as {@code GET /connectors/greeter/status} answers */
    static String status(HttpClient http, URI base) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(base.resolve("connectors/greeter/status"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
