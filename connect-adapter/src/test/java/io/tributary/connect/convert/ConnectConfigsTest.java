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

    @Test
    void anSdkDefinitionBecomesConnectsWithItsValidatorsRunOnParsedValues() {
        ConfigDef sdk = ConfigDef.builder()
                .define(ConfigKey.builder("topic", ConfigDef.Type.STRING)
                        .importance(ConfigDef.Importance.HIGH)
                        .documentation("Where records go")
                        .group("Output", 1)
                        .displayName("Topic"))
                .define(ConfigKey.builder("batch.size", ConfigDef.Type.INT)
                        .defaultValue(100)
                        .validator(io.tributary.sdk.config.Validator.between(1, 1000)))
                .define(ConfigKey.builder("password", ConfigDef.Type.PASSWORD).defaultValue(new Password("")))
                .define(ConfigKey.builder("codec", ConfigDef.Type.CLASS).defaultValue(null))
                .define(ConfigKey.builder("runner", ConfigDef.Type.CLASS)
                        .defaultValue(Thread.class)
                        .validator((name, value) -> {
                            // The SDK gives a CLASS setting's validator the Class.
                            if (!Runnable.class.isAssignableFrom((Class<?>) value)) {
                                throw new io.tributary.sdk.errors.ConfigException(name, value, "must be a Runnable");
                            }
                        }))
                .build();

        org.apache.kafka.common.config.ConfigDef connect = ConnectConfigs.toConnect(sdk);

        org.apache.kafka.common.config.ConfigDef.ConfigKey topic =
                connect.configKeys().get("topic");
        assertThat(topic.hasDefault()).isFalse();
        assertThat(topic.importance).isEqualTo(Importance.HIGH);
        assertThat(topic.documentation).isEqualTo("Where records go");
        assertThat(topic.group).isEqualTo("Output");
        assertThat(topic.orderInGroup).isEqualTo(1);
        assertThat(topic.displayName).isEqualTo("Topic");
        assertThat(connect.configKeys().get("batch.size").defaultValue).isEqualTo(100);
        assertThat(connect.configKeys().get("password").type).isEqualTo(Type.PASSWORD);
        assertThat(connect.configKeys().get("codec").type).isEqualTo(Type.CLASS);
        assertThat(connect.configKeys().get("batch.size").validator.toString())
                .isEqualTo(io.tributary.sdk.config.Validator.between(1, 1000).describe());

        Map<String, Object> parsed = connect.parse(Map.of("topic", "orders", "batch.size", "5"));
        assertThat(parsed.get("batch.size")).isEqualTo(5);
        assertThat(parsed.get("runner")).isEqualTo(Thread.class);
        assertThat(connect.validate(Map.of("topic", "orders", "runner", "java.lang.String")).stream()
                        .filter(v -> v.name().equals("runner"))
                        .findFirst()
                        .orElseThrow()
                        .errorMessages())
                .singleElement()
                .asString()
                .contains("must be a Runnable");
        assertThat(parsed.get("password")).isInstanceOf(org.apache.kafka.common.config.types.Password.class);
        List<org.apache.kafka.common.config.ConfigValue> validated =
                connect.validate(Map.of("topic", "orders", "batch.size", "5000"));
        assertThat(validated.stream()
                        .filter(v -> v.name().equals("batch.size"))
                        .findFirst()
                        .orElseThrow()
                        .errorMessages())
                .singleElement()
                .asString()
                .contains("batch.size")
                .contains("1000");
    }

    @Test
    void anSdkValidationBecomesConnectsWithRecommendationsAndVisibility() {
        ConfigValidation validation = new ConfigValidation(List.of(
                new io.tributary.sdk.config.ConfigValue(
                        "mode", "bulk", List.of("bulk", "incrementing"), List.of(), true),
                new io.tributary.sdk.config.ConfigValue(
                        "column", null, List.of(), List.of("Mode incrementing needs a column"), false),
                new io.tributary.sdk.config.ConfigValue("secret", new Password("hunter2"), List.of(), List.of(), true),
                new io.tributary.sdk.config.ConfigValue(
                        "codec",
                        "com.example.Missing",
                        List.of(),
                        List.of("Class com.example.Missing not found"),
                        true)));
        ConfigDef definition = ConfigDef.builder()
                .define(ConfigKey.builder("mode", ConfigDef.Type.STRING))
                .define(ConfigKey.builder("column", ConfigDef.Type.STRING).defaultValue(null))
                .define(ConfigKey.builder("secret", ConfigDef.Type.PASSWORD))
                .define(ConfigKey.builder("codec", ConfigDef.Type.CLASS))
                .build();

        org.apache.kafka.common.config.Config connect = ConnectConfigs.toConnect(validation, definition);

        assertThat(connect.configValues())
                .extracting(
                        org.apache.kafka.common.config.ConfigValue::name,
                        org.apache.kafka.common.config.ConfigValue::recommendedValues,
                        org.apache.kafka.common.config.ConfigValue::errorMessages,
                        org.apache.kafka.common.config.ConfigValue::visible)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("mode", List.of("bulk", "incrementing"), List.of(), true),
                        org.assertj.core.groups.Tuple.tuple(
                                "column", List.of(), List.of("Mode incrementing needs a column"), false),
                        org.assertj.core.groups.Tuple.tuple("secret", List.of(), List.of(), true),
                        org.assertj.core.groups.Tuple.tuple(
                                "codec", List.of(), List.of("Class com.example.Missing not found"), true));
        assertThat(connect.configValues().get(2).value())
                .isInstanceOf(org.apache.kafka.common.config.types.Password.class)
                .hasToString("[hidden]");
        // Connect prints each value by its setting's type: a class setting's value must be a Class, or null.
        assertThat(connect.configValues().get(3).value()).isNull();
        assertThat(org.apache.kafka.common.config.ConfigDef.convertToString(
                        connect.configValues().get(3).value(), Type.CLASS))
                .isNull();
    }
}
