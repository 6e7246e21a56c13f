package io.tributary.testkit.db;

import io.tributary.testkit.ContainerImages;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The PostgreSQL servers the kit runs or reaches. */
final class PostgresServers {
    private PostgresServers() {}

    /** Real PostgreSQL binaries from a Maven artifact, run as a child process; files under the build folder. */
    static final class Embedded extends PostgresServer {
        private final EmbeddedPostgres postgres;

        Embedded() {
            Path base = buildDirectory().resolve("tributary-testkit").resolve("postgres");
            try {
                Files.createDirectories(base);
                postgres = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(base.resolve("binaries").toFile())
                        .setDataDirectory(
                                base.resolve("data-" + ProcessHandle.current().pid()))
                        .setCleanDataDirectory(true)
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot start embedded PostgreSQL under " + base + ": " + e.getMessage(), e);
            }
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
