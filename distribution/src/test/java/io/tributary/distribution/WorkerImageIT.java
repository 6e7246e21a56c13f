package io.tributary.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The worker image, built from the archive by src/docker/build.sh: configured through TRIBUTARY_*
 * variables, run as a non-root user, serving the REST API. Skips, with the reason, where no Docker engine
 * runs or the image was not built.
 */
class WorkerImageIT {
    private static final String IMAGE = System.getProperty("worker.image", "tributary/worker:latest");

    @BeforeAll
    static void imageExists() throws Exception {
        Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "no Docker engine runs here");
        Process inspect = new ProcessBuilder("docker", "image", "inspect", IMAGE)
                .redirectErrorStream(true)
                .start();
        inspect.getInputStream().readAllBytes();
        Assumptions.assumeTrue(
                inspect.waitFor(30, TimeUnit.SECONDS) && inspect.exitValue() == 0,
                "image " + IMAGE + " was not built (distribution/src/docker/build.sh)");
    }

    @Test
    void aWorkerInAContainerIsConfiguredByItsEnvironmentAndServesItsApi() throws Exception {
        try (GenericContainer<?> worker = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withEnv("TRIBUTARY_DEV", "true")
                .withEnv("TRIBUTARY_KEY_CONVERTER", "org.apache.kafka.connect.storage.StringConverter")
                .withEnv("TRIBUTARY_VALUE_CONVERTER", "org.apache.kafka.connect.storage.StringConverter")
                .withEnv("TRIBUTARY_OFFSET_FLUSH_INTERVAL_MS", "500")
                .withExposedPorts(8083)
                .waitingFor(Wait.forHttp("/health").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)))) {
            worker.start();
            URI base = URI.create("http://" + worker.getHost() + ":" + worker.getMappedPort(8083) + "/");
            HttpClient http = HttpClient.newHttpClient();

            assertThat(worker.execInContainer("id", "-u").getStdout().strip())
                    .as("a non-root user")
                    .isEqualTo("1000");
            assertThat(worker.execInContainer("cat", "/etc/tributary/worker.properties")
                            .getStdout())
                    .contains("offset.flush.interval.ms=500")
                    .contains("listeners=http://:8083");
            HttpResponse<String> created = Greeter.create(http, base);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            await().atMost(Duration.ofMinutes(1))
                    .alias("the connector and its task RUNNING in the container")
                    .until(() ->
                            Greeter.status(http, base).matches(".*\"tasks\":\\[\\{\"id\":0,\"state\":\"RUNNING\".*"));
        }
    }
}
