package io.tributary.testkit.internal;

import io.tributary.testkit.TestKitSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Decides at once whether a container test can run: Testcontainers on the class path, a Docker engine
 * that answers, and the image present locally or pullable. Testcontainers' own checks see only a
 * missing Docker socket; with an engine but no registry they retry a pull for minutes. When something
 * is missing, the extensions disable the test with a message that says what and how to provide it.
 *
 * <p>Answers are cached per JVM, so only the first test asking for an image pays for the check.
 */
public final class ContainerSupport {
    /** Per image: what stops it, or an empty string when it can run. */
    private static final Map<String, String> PROBLEMS = new ConcurrentHashMap<>();

    private ContainerSupport() {}

    /**
     * Says why a container of the image cannot be started, if it cannot.
     *
     * @param image the image name, such as {@code apache/kafka:4.3.1}
     * @param testcontainersModule the Maven artifact the provider needs, for the message
     * @param moduleClass a class of that artifact, to check that it is on the class path
     * @return what is missing and how to provide it; empty when containers can run
     */
    public static Optional<String> whyContainersCannotRun(
            String image, String testcontainersModule, String moduleClass) {
        if (!isOnClassPath(moduleClass)) {
            return Optional.of("container tests need org.testcontainers:" + testcontainersModule + " on the test class"
                    + " path; add it to the project's test dependencies");
        }
        String problem = PROBLEMS.computeIfAbsent(image, DockerCheck::problemWith);
        return problem.isEmpty() ? Optional.empty() : Optional.of(problem);
    }

    private static boolean isOnClassPath(String className) {
        try {
            Class.forName(className, false, ContainerSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static Duration pullTimeout() {
        return TestKitSettings.getDuration("container.pull.timeout").orElse(Duration.ofSeconds(60));
    }

    /** Talks to Docker through Testcontainers' client; loaded only once Testcontainers is known present. */
    private static final class DockerCheck {
        static String problemWith(String image) {
            org.testcontainers.DockerClientFactory factory = org.testcontainers.DockerClientFactory.instance();
            if (!factory.isDockerAvailable()) {
                return "no Docker engine answers (start one, or use the embedded provider)";
            }
            com.github.dockerjava.api.DockerClient client = factory.client();
            try {
                client.inspectImageCmd(image).exec();
                return "";
            } catch (com.github.dockerjava.api.exception.NotFoundException notLocal) {
                return pull(client, image);
            }
        }

        private static String pull(com.github.dockerjava.api.DockerClient client, String image) {
            Duration timeout = pullTimeout();
            try {
                boolean done =
                        client.pullImageCmd(image).start().awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (done) {
                    client.inspectImageCmd(image).exec();
                    return "";
                }
                return "image " + image + " is not present locally and could not be pulled within " + timeout
                        + "; build or load it first (see test-kit/src/test/docker/)";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while pulling image " + image;
            } catch (RuntimeException e) {
                return "image " + image + " is not present locally and cannot be pulled (" + e.getMessage()
                        + "); build or load it first (see test-kit/src/test/docker/)";
            }
        }
    }
}
