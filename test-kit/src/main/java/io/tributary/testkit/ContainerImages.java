package io.tributary.testkit;

/**
 * The container images the test kit uses, pinned in one place. Each can be overridden by a setting
 * (see {@link TestKitSettings}): {@code kafka.image}, {@code postgres.image}, {@code mysql.image}.
 */
public final class ContainerImages {
    /** Apache Kafka's image; the same Kafka version as the embedded broker. */
    public static final String KAFKA = "apache/kafka:4.3.1";

    /** PostgreSQL's official image. */
    public static final String POSTGRES = "postgres:15";

    /**
     * MariaDB's image, which speaks the MySQL protocol. 10.11 is the series Debian bookworm ships, from which
     * test-kit/src/test/docker/mariadb/build.sh builds the image on machines without a registry.
     */
    public static final String MYSQL = "mariadb:10.11";

    private ContainerImages() {}

    /** @return the Kafka image to use: the {@code kafka.image} setting, else {@link #KAFKA} */
    public static String kafka() {
        return TestKitSettings.get("kafka.image").orElse(KAFKA);
    }

    /** @return the PostgreSQL image to use: the {@code postgres.image} setting, else {@link #POSTGRES} */
    public static String postgres() {
        return TestKitSettings.get("postgres.image").orElse(POSTGRES);
    }

    /** @return the MySQL/MariaDB image to use: the {@code mysql.image} setting, else {@link #MYSQL} */
    public static String mysql() {
        return TestKitSettings.get("mysql.image").orElse(MYSQL);
    }
}
