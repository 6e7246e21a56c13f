package io.tributary.sdk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.errors.ConfigException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDefTest {

    private static final ConfigDef DEFINITION = ConfigDef.builder()
            .define(ConfigKey.builder("topic", ConfigDef.Type.STRING)
                    .validator(Validator.nonEmptyString())
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("Topic to write to")
                    .group("Output", 1))
            .define(ConfigKey.builder("batch.size", ConfigDef.Type.INT)
                    .defaultValue(500)
                    .validator(Validator.between(1, 10_000))
                    .group("Output", 2))
            .define(ConfigKey.builder("poll.interval.ms", ConfigDef.Type.LONG).defaultValue("1000"))
            .define(ConfigKey.builder("ratio", ConfigDef.Type.DOUBLE).defaultValue(0.5))
            .define(ConfigKey.builder("retries", ConfigDef.Type.SHORT).defaultValue((short) 3))
            .define(ConfigKey.builder("enabled", ConfigDef.Type.BOOLEAN).defaultValue(true))
            .define(ConfigKey.builder("tables", ConfigDef.Type.LIST)
                    .defaultValue("")
                    .group("Input", 1))
            .define(ConfigKey.builder("mode", ConfigDef.Type.STRING)
                    .defaultValue("bulk")
                    .validator(Validator.oneOf("bulk", "incrementing", "timestamp")))
            .define(ConfigKey.builder("handler", ConfigDef.Type.CLASS).defaultValue(null))
            .define(ConfigKey.builder("db.password", ConfigDef.Type.PASSWORD)
                    .validator(Validator.pattern(".{8,}"))
                    .documentation("Database password"))
            .build();

    @Test
    void parsesEveryTypeFromStrings() {
        ParsedConfig config = DEFINITION.parse(Map.of(
                "topic", " orders ",
                "batch.size", "42",
                "poll.interval.ms", "250",
                "ratio", "0.25",
                "retries", "7",
                "enabled", "FALSE",
                "tables", "a, b ,c",
                "mode", "incrementing",
                "handler", "java.lang.String",
                "db.password", "s3cret-password"));

        assertThat(config.getString("topic")).isEqualTo("orders");
        assertThat(config.getInt("batch.size")).isEqualTo(42);
        assertThat(config.getLong("poll.interval.ms")).isEqualTo(250L);
        assertThat(config.getDouble("ratio")).isEqualTo(0.25);
        assertThat(config.getShort("retries")).isEqualTo((short) 7);
        assertThat(config.getBoolean("enabled")).isFalse();
        assertThat(config.getList("tables")).containsExactly("a", "b", "c");
        assertThat(config.getString("mode")).isEqualTo("incrementing");
        assertThat(config.getClass("handler")).isEqualTo(String.class);
        assertThat(config.getPassword("db.password").value()).isEqualTo("s3cret-password");
    }

    @Test
    void appliesDefaultsAndAcceptsTypedValues() {
        ParsedConfig config =
                DEFINITION.parse(Map.of("topic", "t", "batch.size", 7, "db.password", new Password("long-enough")));

        assertThat(config.getInt("batch.size")).isEqualTo(7);
        assertThat(config.getLong("poll.interval.ms")).isEqualTo(1000L);
        assertThat(config.getShort("retries")).isEqualTo((short) 3);
        assertThat(config.getBoolean("enabled")).isTrue();
        assertThat(config.getList("tables")).isEmpty();
        assertThat(config.getClass("handler")).isNull();
    }

    @Test
    void reportsEveryInvalidSettingAtOnce() {
        Map<String, String> settings = new HashMap<>();
        settings.put("batch.size", "0");
        settings.put("poll.interval.ms", "soon");
        settings.put("enabled", "yes");
        settings.put("mode", "stream");
        settings.put("handler", "com.example.Missing");
        settings.put("db.password", "short");

        assertThatThrownBy(() -> DEFINITION.parse(settings))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "Missing required setting 'topic' (Topic to write to); it has no default",
                                        "Invalid value 0 for 'batch.size': must be at least 1",
                                        "Invalid value \"soon\" for 'poll.interval.ms': expected LONG, a whole number",
                                        "Invalid value \"yes\" for 'enabled': expected BOOLEAN: true or false",
                                        "Invalid value \"stream\" for 'mode': must be one of bulk, incrementing, timestamp",
                                        "Invalid value \"com.example.Missing\" for 'handler': class not found; check the"
                                                + " name and that its plugin is on plugin.path",
                                        "Invalid value [hidden] for 'db.password': must match the regular expression"
                                                + " .{8,}"))
                .hasMessageStartingWith("The configuration has 7 problems:\n  - Missing required setting 'topic'");
    }

    @Test
    void validationKeepsOneOutcomePerSettingInDefinitionOrder() {
        ConfigValidation validation = DEFINITION.validate(Map.of("topic", "", "batch.size", "99999999999"));

        assertThat(validation.values())
                .extracting(ConfigValue::name)
                .containsExactly(
                        "topic",
                        "batch.size",
                        "poll.interval.ms",
                        "ratio",
                        "retries",
                        "enabled",
                        "tables",
                        "mode",
                        "handler",
                        "db.password");
        assertThat(validation.errors())
                .containsOnlyKeys("topic", "batch.size", "db.password")
                .containsEntry("topic", List.of("Invalid value \"\" for 'topic': must not be empty"))
                .containsEntry(
                        "batch.size",
                        List.of("Invalid value \"99999999999\" for 'batch.size': out of range for INT"
                                + " (-2147483648 to 2147483647)"));
        assertThat(validation.value("ratio"))
                .hasValueSatisfying(v -> assertThat(v.isValid()).isTrue());
        assertThat(validation.errorCount()).isEqualTo(3);
    }

    @Test
    void connectorChecksAddProblemsToTheFieldTheyConcern() {
        ConfigValidation validation = DEFINITION.validate(Map.of("topic", "t", "db.password", "long-enough"));
        assertThat(validation.hasErrors()).isFalse();

        ConfigValidation checked = validation
                .withError("topic", "Topic does not exist; create it first")
                .withError("connection", "Cannot reach the database");

        assertThat(checked.errors())
                .containsEntry("topic", List.of("Topic does not exist; create it first"))
                .containsEntry("connection", List.of("Cannot reach the database"));
        assertThat(validation.hasErrors()).as("the original is unchanged").isFalse();
    }

    @Test
    void passwordsNeverAppearInStringsOrMessages() {
        ParsedConfig config = DEFINITION.parse(Map.of("topic", "t", "db.password", "correct-horse-battery"));

        assertThat(config.toString()).contains("db.password=[hidden]").doesNotContain("correct-horse-battery");
        assertThat(config.getPassword("db.password").toString()).isEqualTo("[hidden]");

        ConfigValidation validation = DEFINITION.validate(Map.of("topic", "t", "db.password", "hunter2"));
        ConfigValue password = validation.value("db.password").orElseThrow();
        assertThat(password.toString()).doesNotContain("hunter2");
        assertThat(validation.toString()).doesNotContain("hunter2");
        assertThatThrownBy(() -> validation.throwIfInvalid())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void validatorMessagesThatEchoAPasswordAreMasked() {
        ConfigDef def = ConfigDef.builder()
                .define(ConfigKey.builder("secret", ConfigDef.Type.PASSWORD).validator((name, value) -> {
                    throw new ConfigException(name, ((Password) value).value(), "is on the list of leaked passwords");
                }))
                .build();

        assertThatThrownBy(() -> def.parse(Map.of("secret", "letmein")))
                .hasMessageContaining("Invalid value \"[hidden]\" for 'secret': is on the list of leaked passwords")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("letmein"));
    }

    @Test
    void gettersNameTheSettingWhenItIsUndefinedOrOfAnotherType() {
        ParsedConfig config = DEFINITION.parse(Map.of("topic", "t", "db.password", "long-enough"));

        assertThatThrownBy(() -> config.getString("topik"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Setting 'topik' is not defined in this plugin's ConfigDef; define it, or read it from"
                        + " originals()");
        assertThatThrownBy(() -> config.getString("batch.size"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Setting 'batch.size' is defined as INT, not STRING; read it with the getter for INT");
    }

    @Test
    void originalsKeepUndefinedSettingsAndPrefixesCanBeStripped() {
        ParsedConfig config = DEFINITION.parse(Map.of(
                "topic", "t",
                "db.password", "long-enough",
                "producer.override.linger.ms", "5",
                "producer.override.acks", "all"));

        assertThat(config.originals()).containsEntry("producer.override.linger.ms", "5");
        assertThat(config.originalsWithPrefix("producer.override."))
                .containsExactlyInAnyOrderEntriesOf(Map.of("linger.ms", "5", "acks", "all"));
        assertThat(config.values()).doesNotContainKey("producer.override.acks");
    }

    @Test
    void definitionErrorsFailWhenTheKeyIsBuilt() {
        assertThatThrownBy(() -> ConfigKey.builder("size", ConfigDef.Type.INT)
                        .defaultValue("big")
                        .build())
                .isInstanceOf(ConfigException.class)
                .hasMessage("The default value of 'size' does not fit its definition: Invalid value \"big\" for"
                        + " 'size': expected INT, a whole number; fix the ConfigDef");
        assertThatThrownBy(() -> ConfigKey.builder("size", ConfigDef.Type.INT)
                        .defaultValue(0)
                        .validator(Validator.atLeast(1))
                        .build())
                .hasMessage("The default value of 'size' fails its own validator: Invalid value 0 for 'size': must"
                        + " be at least 1; fix the ConfigDef");
        assertThatThrownBy(() -> ConfigDef.builder()
                        .define(ConfigKey.builder("a", ConfigDef.Type.INT))
                        .define(ConfigKey.builder("a", ConfigDef.Type.STRING)))
                .hasMessage("Setting 'a' is defined twice; give each setting one definition");
    }

    @Test
    void mergeCombinesDefinitionsAndKeepsGroupsInOrder() {
        ConfigDef runtime = ConfigDef.builder()
                .define(ConfigKey.builder("tasks.max", ConfigDef.Type.INT)
                        .defaultValue(1)
                        .group("Common", 1))
                .build();

        ConfigDef merged = runtime.merge(DEFINITION);

        assertThat(merged.keys()).hasSize(DEFINITION.keys().size() + 1);
        assertThat(merged.groups()).containsExactly("Common", "Output", "Input");
        assertThat(merged.key("mode")).map(ConfigKey::type).contains(ConfigDef.Type.STRING);
        assertThatThrownBy(() -> merged.merge(runtime)).isInstanceOf(ConfigException.class);
    }
}
