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

    @Test
    void forDisplayPasswordsAndSecretLookingSettingsAreHiddenAndOneReferenceIsShownAsWritten() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("db.password", "hunter2");
        config.put("consumer.override.ssl.key.password", "clear");
        config.put("producer.override.sasl.jaas.config", "org.example.Login required;");
        config.put("value.converter.basic.auth.user.info", "u:p");
        config.put("api.token", "abc");
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("db.user", "${file:/etc/db.properties:user}");
        config.put("connection.url", "jdbc:x://${file:/etc/db.properties:host}");

        Map<String, String> shown = Redactor.hidePasswords(DEFINITION, config);

        assertThat(shown)
                .containsEntry("db.password", "[hidden]")
                .containsEntry("consumer.override.ssl.key.password", "[hidden]")
                .containsEntry("producer.override.sasl.jaas.config", "[hidden]")
                .containsEntry("value.converter.basic.auth.user.info", "[hidden]")
                .containsEntry("api.token", "[hidden]")
                .containsEntry("key.converter", "org.apache.kafka.connect.json.JsonConverter")
                .containsEntry("db.user", "${file:/etc/db.properties:user}")
                .containsEntry("connection.url", "jdbc:x://${file:/etc/db.properties:host}");
        Map<String, String> passwordRef = Redactor.hidePasswords(DEFINITION, Map.of("db.password", "pre${f:p:k}"));
        assertThat(passwordRef)
                .as("a password that is not one reference keeps its text secret")
                .containsEntry("db.password", "[hidden]");
    }

    @Test
    void aDerivedConfigurationHidesTheConnectorsSecretsWhateverTheyAreCalled() {
        Map<String, String> original =
                Map.of("db.password", "hunter2", "db.host", "${file:/etc/db:host}", "topic", "t");
        Map<String, String> resolved = Map.of("db.password", "hunter2", "db.host", "db.internal", "topic", "t");
        Map<String, String> task = Map.of("connection", "postgres://db.internal:5432", "pw", "hunter2", "topic", "t");

        Map<String, String> shown = Redactor.hideSecretsOf(DEFINITION, original, resolved, task);

        assertThat(shown)
                .containsEntry("connection", "[hidden]")
                .containsEntry("pw", "[hidden]")
                .containsEntry("topic", "t");
    }
}
