package io.tributary.connect.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.config.Password;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.junit.jupiter.api.Test;

/** A Connect plugin's settings as the SDK describes them, and its validation as the SDK reports one. */
class ConnectConfigsTest {
    private static final org.apache.kafka.common.config.ConfigDef CONNECT =
            new org.apache.kafka.common.config.ConfigDef()
                    .define("file", Type.STRING, Importance.HIGH, "The file")
                    .define("batch.size", Type.INT, 2000, Importance.LOW, "Lines a poll")
                    .define("topics", Type.LIST, List.of("a", "b"), Importance.MEDIUM, "Topics")
                    .define("secret", Type.PASSWORD, "s3cret", Importance.MEDIUM, "A secret")
                    .define("codec", Type.CLASS, String.class, Importance.LOW, "A class")
                    .defineInternal("internal.thing", Type.STRING, "x", Importance.LOW);

    @Test
    void everyPublicSettingKeepsItsTypeDefaultAndDocumentation() {
        ConfigDef sdk = ConnectConfigs.toSdk(CONNECT);

        assertThat(sdk.keys())
                .extracting(ConfigKey::name)
                .containsExactly("file", "batch.size", "topics", "secret", "codec");
        ConfigKey file = sdk.key("file").orElseThrow();
        assertThat(file.hasDefault()).isFalse();
        assertThat(file.importance()).isEqualTo(ConfigDef.Importance.HIGH);
        assertThat(file.documentation()).isEqualTo("The file");
        assertThat(sdk.key("batch.size").orElseThrow().defaultValue()).isEqualTo(2000);
        assertThat(sdk.key("topics").orElseThrow().type()).isEqualTo(ConfigDef.Type.LIST);
        assertThat(sdk.key("secret").orElseThrow().type()).isEqualTo(ConfigDef.Type.PASSWORD);
        assertThat(sdk.key("codec").orElseThrow().type())
                .as("the plugin parses its classes itself, in its own loader")
                .isEqualTo(ConfigDef.Type.STRING);
        assertThat(sdk.parse(Map.of("file", "/tmp/x")).getList("topics")).containsExactly("a", "b");
    }

    @Test
    void connectsValidationKeepsEveryProblemAndHidesNoValue() {
        ConfigValidation validation = ConnectConfigs.toSdk(new org.apache.kafka.common.config.Config(
                CONNECT.validate(Map.of("batch.size", "many", "secret", "pw"))));

        assertThat(validation.errors()).containsOnlyKeys("file", "batch.size");
        assertThat(validation.value("secret").orElseThrow().value()).isInstanceOf(Password.class);
    }

    @Test
    void settingsReachThePluginAsStrings() {
        assertThat(ConnectConfigs.strings(Map.of("secret", new Password("pw"), "topics", List.of("a", "b"), "n", 3)))
                .containsEntry("secret", "pw")
                .containsEntry("topics", "a,b")
                .containsEntry("n", "3");
    }
}
