package io.tributary.testkit;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The settings that choose and configure the test kit's providers. Each setting is read from a system
 * property {@code tributary.testkit.<name>} first, then from an environment variable {@code
 * TRIBUTARY_TESTKIT_<NAME>} (upper case, dots and dashes as underscores), so a build or a CI job can
 * switch every test at once:
 *
 * <pre>
 * ./mvnw verify -Dtributary.testkit.kafka.provider=container
 * TRIBUTARY_TESTKIT_KAFKA_PROVIDER=external TRIBUTARY_TESTKIT_KAFKA_BOOTSTRAP_SERVERS=broker:9092 ./mvnw verify
 * </pre>
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>name</th><th>meaning</th><th>default</th></tr>
 * <tr><td>{@code kafka.provider}</td><td>{@code embedded}, {@code container} or {@code external}</td>
 *     <td>{@code embedded}</td></tr>
 * <tr><td>{@code kafka.bootstrap.servers}</td><td>the external cluster's bootstrap servers</td><td></td></tr>
 * <tr><td>{@code kafka.client.properties}</td><td>a properties file with the external cluster's client
 *     settings (security)</td><td></td></tr>
 * <tr><td>{@code kafka.image}</td><td>the Kafka container image</td><td>{@link ContainerImages#KAFKA}</td></tr>
 * <tr><td>{@code postgres.provider}</td><td>{@code embedded}, {@code container} or {@code external}</td>
 *     <td>{@code embedded}</td></tr>
 * <tr><td>{@code postgres.image}</td><td>the PostgreSQL container image</td>
 *     <td>{@link ContainerImages#POSTGRES}</td></tr>
 * <tr><td>{@code postgres.url}, {@code .username}, {@code .password}</td><td>an external PostgreSQL server
 *     </td><td></td></tr>
 * <tr><td>{@code mysql.provider}</td><td>{@code container} or {@code external}</td><td>{@code container}</td></tr>
 * <tr><td>{@code mysql.image}</td><td>the MySQL or MariaDB container image</td>
 *     <td>{@link ContainerImages#MYSQL}</td></tr>
 * <tr><td>{@code mysql.url}, {@code .username}, {@code .password}</td><td>an external MySQL/MariaDB
 *     server</td><td></td></tr>
 * <tr><td>{@code wait.timeout}</td><td>the default deadline of waits and eventual assertions, as an ISO-8601
 *     duration or seconds</td><td>{@code PT30S}</td></tr>
 * <tr><td>{@code container.pull.timeout}</td><td>how long to try pulling a missing image before skipping the
 *     test</td><td>{@code PT60S}</td></tr>
 * </table>
 */
public final class TestKitSettings {
    private static final String PROPERTY_PREFIX = "tributary.testkit.";
    private static final String ENV_PREFIX = "TRIBUTARY_TESTKIT_";

    private TestKitSettings() {}

    /**
     * @param name a setting's name, such as {@code kafka.provider}
     * @return its value from the system property or else the environment variable, trimmed; empty when
     *     neither is set or the value is blank
     */
    public static Optional<String> get(String name) {
        String value = System.getProperty(PROPERTY_PREFIX + name);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable(name));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * Reads a duration setting.
     *
     * @param name a setting's name, such as {@code wait.timeout}
     * @return its value, written as an ISO-8601 duration ({@code PT30S}) or a number of seconds ({@code
     *     2.5}); empty when unset
     * @throws IllegalArgumentException naming the setting, if the value is neither
     */
    public static Optional<Duration> getDuration(String name) {
        return get(name).map(text -> {
            try {
                return text.startsWith("P") || text.startsWith("p")
                        ? Duration.parse(text)
                        : Duration.ofMillis((long) (Double.parseDouble(text) * 1000));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException(
                        "Setting '" + name + "' must be an ISO-8601 duration such as PT30S"
                                + " or a number of seconds, got \"" + text + "\"",
                        e);
            }
        });
    }

    /**
     * @param name a setting's name
     * @return the environment variable that holds it, such as {@code TRIBUTARY_TESTKIT_KAFKA_PROVIDER}
     */
    public static String environmentVariable(String name) {
        return ENV_PREFIX + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * @param name a setting's name
     * @return the system property that holds it, such as {@code tributary.testkit.kafka.provider}
     */
    public static String systemProperty(String name) {
        return PROPERTY_PREFIX + name;
    }

    /**
     * @param name a setting's name
     * @return how to set it, for error messages
     */
    static String howToSet(String name) {
        return "-D" + systemProperty(name) + "=... or " + environmentVariable(name) + "=...";
    }
}
