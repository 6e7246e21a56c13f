package io.tributary.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private static final ConfigDef DEFINITION = ConfigDef.builder()
            .define(ConfigKey.builder("connection.user", ConfigDef.Type.STRING))
            .define(ConfigKey.builder("connection.password", ConfigDef.Type.PASSWORD))
            .define(ConfigKey.builder("connection.url", ConfigDef.Type.STRING))
            .build();

    @Test
    void hidesPasswordsAndValuesFromProvidersAndKeepsTheRest() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connection.user", "app");
        config.put("connection.password", "s3cret");
        config.put("connection.url", "jdbc:postgresql://${file:/etc/db.properties:host}/orders");
        config.put("undefined.token", "${env:API_TOKEN}");
        config.put("tasks.max", "2");

        assertThat(Redactor.redact(DEFINITION, config))
                .containsExactly(
                        Map.entry("connection.user", "app"),
                        Map.entry("connection.password", "[hidden]"),
                        Map.entry("connection.url", "[hidden]"),
                        Map.entry("undefined.token", "[hidden]"),
                        Map.entry("tasks.max", "2"));
    }

    @Test
    void hidesResolvedValuesWhoseOriginalHeldAReference() {
        Map<String, String> original = Map.of(
                "connection.user", "${env:DB_USER}",
                "connection.password", "${file:/etc/db.properties:password}",
                "connection.url", "jdbc:postgresql://db/orders");
        Map<String, String> resolved = Map.of(
                "connection.user", "app",
                "connection.password", "s3cret",
                "connection.url", "jdbc:postgresql://db/orders");

        assertThat(Redactor.redact(DEFINITION, original, resolved))
                .isEqualTo(Map.of(
                        "connection.user", "[hidden]",
                        "connection.password", "[hidden]",
                        "connection.url", "jdbc:postgresql://db/orders"));
    }

    @Test
    void keepsNullValuesAndLeavesTheInputUnchanged() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connection.password", null);
        config.put("connection.user", "${env:DB_USER}");

        Map<String, String> redacted = Redactor.redact(DEFINITION, config);

        assertThat(redacted).containsEntry("connection.password", null).containsEntry("connection.user", "[hidden]");
        assertThat(config).containsEntry("connection.user", "${env:DB_USER}");
    }

    @Test
    void aDollarBraceWithoutAColonIsNotAReference() {
        Map<String, String> config = Map.of("topic.format", "${topic}-${timestamp}");

        assertThat(Redactor.redact(DEFINITION, config)).isEqualTo(config);
    }
}
