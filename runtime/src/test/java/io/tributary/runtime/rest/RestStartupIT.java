package io.tributary.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.runtime.rest.Http.Answer;
import io.tributary.runtime.standalone.StandaloneRuntime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Between binding its port and getting the engine, the API says the worker is starting, and nothing more. */
class RestStartupIT {
    @Test
    void aStartingWorkerAnswers503UntilItIsReady() {
        Map<String, String> settings = Map.of("bootstrap.servers", "localhost:1", "listeners", "http://localhost:0");
        try (RestServer rest = RestServer.start(new RestConfig(settings), "test", "test")) {
            Http http = new Http(rest.advertisedUrl());

            Answer health = http.get("/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().path("status").asText()).isEqualTo("starting");
            Answer connectors = http.get("/connectors");
            assertThat(connectors.status()).isEqualTo(503);
            assertThat(connectors.json().path("error_code").asInt()).isEqualTo(503);
            assertThat(connectors.message()).contains("still starting");

            try (StandaloneRuntime runtime = StandaloneRuntime.start(settings, rest.workerId())) {
                rest.serve(runtime.control());

                assertThat(http.get("/health").json().path("status").asText()).isEqualTo("healthy");
                assertThat(http.get("/connectors").status()).isEqualTo(200);
            }
        }
    }
}
