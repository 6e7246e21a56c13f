package io.tributary.testkit.kafka;

import io.tributary.testkit.TestKitSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A cluster the test kit does not run: named by the {@code kafka.bootstrap.servers} setting, with
 * client settings (security) from the properties file named by {@code kafka.client.properties}.
 * Closing it closes only the kit's clients.
 */
final class ExternalKafkaCluster extends AbstractKafkaCluster {
    private final String bootstrapServers;
    private final Map<String, Object> security;

    private ExternalKafkaCluster(String bootstrapServers, Map<String, Object> security) {
        this.bootstrapServers = bootstrapServers;
        this.security = security;
    }

    static ExternalKafkaCluster fromSettings() {
        String servers = TestKitSettings.get("kafka.bootstrap.servers")
                .orElseThrow(() -> new IllegalStateException("The external Kafka provider needs bootstrap servers: set "
                        + TestKitSettings.systemProperty("kafka.bootstrap.servers") + " or "
                        + TestKitSettings.environmentVariable("kafka.bootstrap.servers")));
        Map<String, Object> security = new HashMap<>();
        TestKitSettings.get("kafka.client.properties").ifPresent(file -> {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                properties.load(in);
            } catch (IOException e) {
                throw new IllegalStateException(
                        "Cannot read Kafka client properties from '" + file + "' (setting "
                                + TestKitSettings.systemProperty("kafka.client.properties") + "): " + e.getMessage(),
                        e);
            }
            properties.forEach((key, value) -> security.put(key.toString(), value));
        });
        return new ExternalKafkaCluster(servers, security);
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    protected Map<String, Object> securityConfig() {
        return security;
    }

    @Override
    public String description() {
        return "external Kafka cluster";
    }
}
