package io.tributary.runtime.transforms;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.config.ConfigValue;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.config.Validator;
import io.tributary.sdk.errors.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Parses a transformation's settings, reporting every problem, per-setting and cross-setting, at once. */
final class TransformConfigs {
    static final String REPLACE_NULL_WITH_DEFAULT = "replace.null.with.default";

    private TransformConfigs() {}

    /** The {@code replace.null.with.default} setting several transformations share with Kafka Connect. */
    static ConfigKey.Builder replaceNullWithDefault() {
        return ConfigKey.builder(REPLACE_NULL_WITH_DEFAULT, ConfigDef.Type.BOOLEAN)
                .defaultValue(true)
                .importance(ConfigDef.Importance.MEDIUM)
                .documentation("Whether a struct field without a value but with a default is read as its default "
                        + "(true) or as null (false) when the transformation copies or extracts it.");
    }

    /** @return a validator of settings that must be a Java regular expression */
    static Validator regex() {
        return (setting, value) -> {
            try {
                Pattern.compile(value.toString());
            } catch (PatternSyntaxException e) {
                throw new ConfigException(
                        setting,
                        value,
                        "not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
            }
        };
    }

    static ParsedConfig parse(String transformation, ConfigDef definition, Map<String, ?> configs) {
        return parse(transformation, definition, configs, validation -> validation);
    }

    /**
     * @param transformation the name to report problems under, such as {@code InsertField$Value}
     * @param crossChecks adds problems that involve several settings, with {@link ConfigValidation#withError}
     * @throws ConfigException listing every problem
     */
    static ParsedConfig parse(
            String transformation,
            ConfigDef definition,
            Map<String, ?> configs,
            UnaryOperator<ConfigValidation> crossChecks) {
        ConfigValidation validation = crossChecks.apply(definition.validate(configs));
        if (validation.hasErrors()) {
            List<String> problems = new ArrayList<>();
            validation.values().forEach(value -> problems.addAll(value.errorMessages()));
            int count = problems.size();
            throw new ConfigException(
                    "The configuration of " + transformation + " has " + count
                            + (count == 1 ? " problem" : " problems"),
                    problems);
        }
        return definition.parse(configs);
    }

    /** @return a setting's parsed value when it is valid and not null, for cross-setting checks */
    static Optional<Object> validValue(ConfigValidation validation, String name) {
        return validation.value(name).filter(ConfigValue::isValid).map(ConfigValue::value);
    }
}
