package io.tributary.testkit.db;

import io.tributary.testkit.ContainerImages;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The PostgreSQL servers the kit runs or reaches. */
final class PostgresServers {
    private PostgresServers() {}

    /**
     * Real PostgreSQL binaries from a Maven artifact, run as a child process; files under the build folder.
     *
     * <p>Its port is chosen below the system's ephemeral range: the server starts beside the embedded Kafka
     * broker, whose listeners take ports from that range, and a port free when chosen could otherwise be
     * taken by a broker listener before the server binds it (the readiness check then reached the broker).
     */
    static final class Embedded extends PostgresServer {
        private static final int START_ATTEMPTS = 3;
        /** Servers started in this JVM, so each has a data folder of its own. */
        private static final AtomicInteger SERVERS = new AtomicInteger();

        private final EmbeddedPostgres postgres;

        Embedded() {
            this(LocalPorts::belowEphemeralRange);
        }

        /** @param ports where to try the server, one port an attempt */
        Embedded(IntSupplier ports) {
            Path base = buildDirectory().resolve("tributary-testkit").resolve("postgres");
            Exception last = null;
            EmbeddedPostgres started = null;
            for (int attempt = 1; attempt <= START_ATTEMPTS && started == null; attempt++) {
                try {
                    Files.createDirectories(base);
                    started = EmbeddedPostgres.builder()
                            .setOverrideWorkingDirectory(
                                    base.resolve("binaries").toFile())
                            .setDataDirectory(base.resolve(
                                    "data-" + ProcessHandle.current().pid() + "-" + SERVERS.incrementAndGet()))
                            .setCleanDataDirectory(true)
                            .setServerConfig("fsync", "off")
                            .setPort(ports.getAsInt())
                            // The readiness check must fail, not wait forever, if something else answers.
                            .setConnectConfig("connectTimeout", "10")
                            .setConnectConfig("socketTimeout", "10")
                            .start();
                } catch (IOException | RuntimeException e) {
                    // Most likely the port was taken after all: another port, another try.
                    last = e;
                }
            }
            if (started == null) {
                throw new IllegalStateException(
                        "Cannot start embedded PostgreSQL under " + base + " (" + START_ATTEMPTS + " attempts): "
                                + last.getMessage(),
                        last);
            }
            postgres = started;
        }

        @Override
        String jdbcUrl(String database) {
            return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
        }

        @Override
        String username() {
            return "postgres";
        }

        @Override
        String password() {
            return "";
        }

        @Override
        String description() {
            return "embedded PostgreSQL on port " + postgres.getPort();
        }

        @Override
        public void close() throws IOException {
            postgres.close();
        }

        private static Path buildDirectory() {
            Path target = Path.of(System.getProperty("user.dir"), "target");
            return Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
        }
    }

    /** PostgreSQL in a container, run by Testcontainers. */
    static final class Container extends PostgresServer {
        private final PostgreSQLContainer container;
        private final String image;

        Container(String image) {
            this.image = image;
            this.container = new PostgreSQLContainer(org.testcontainers.utility.DockerImageName.parse(image)
                            .asCompatibleSubstituteFor("postgres"))
                    .withUsername("tributary")
                    .withPassword("tributary")
                    .withDatabaseName("tributary");
            container.start();
        }

        @Override
        String jdbcUrl(String database) {
            return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + database;
        }

        @Override
        String username() {
            return container.getUsername();
        }

        @Override
        String password() {
            return container.getPassword();
        }

        @Override
        String description() {
            return "PostgreSQL container (" + image + ")";
        }

        @Override
        public void close() {
            container.stop();
        }

        static String image() {
            return ContainerImages.postgres();
        }
    }

    /** What all PostgreSQL servers share. */
    abstract static class PostgresServer extends DatabaseServer {
        @Override
        String adminDatabase() {
            return "postgres";
        }

        @Override
        void dropDatabase(String name) {
            run("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
