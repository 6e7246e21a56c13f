package io.tributary.testkit.db;

import java.util.Locale;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/** The MySQL and MariaDB servers the kit runs or reaches. */
final class MySqlServers {
    private MySqlServers() {}

    /**
     * Makes a MariaDB container. A class of its own, so that a test with only testcontainers-mariadb on its
     * class path never loads the MySQL module's classes (the verifier would, for one method with both).
     */
    private static final class MariaDb {
        static JdbcDatabaseContainer<?> container(DockerImageName name) {
            return new MariaDBContainer(name.asCompatibleSubstituteFor("mariadb")).withUsername("root");
        }
    }

    /** Makes a MySQL container; see {@link MariaDb}. */
    private static final class MySql {
        static JdbcDatabaseContainer<?> container(DockerImageName name) {
            return new MySQLContainer(name.asCompatibleSubstituteFor("mysql")).withUsername("root");
        }
    }

    /** MySQL or MariaDB in a container; a {@code mariadb} image runs as MariaDB, any other as MySQL. */
    static final class Container extends MySqlServer {
        private final JdbcDatabaseContainer<?> container;
        private final String image;

        Container(String image) {
            this.image = image;
            DockerImageName name = DockerImageName.parse(image);
            this.container = image.toLowerCase(Locale.ROOT).contains("mariadb")
                    ? MariaDb.container(name)
                    : MySql.container(name);
            container.start();
        }

        @Override
        String jdbcUrl(String database) {
            String scheme = image.toLowerCase(Locale.ROOT).contains("mariadb") ? "mariadb" : "mysql";
            return "jdbc:" + scheme + "://" + container.getHost() + ":" + container.getMappedPort(3306) + "/"
                    + database;
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
            return "MySQL-compatible container (" + image + ")";
        }

        @Override
        public void close() {
            container.stop();
        }
    }

    /** What all MySQL-compatible servers share. */
    abstract static class MySqlServer extends DatabaseServer {
        @Override
        String adminDatabase() {
            return "mysql";
        }

        @Override
        void dropDatabase(String name) {
            run("DROP DATABASE IF EXISTS " + name);
        }
    }
}
