package io.tributary.connect.convert;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.config.ConfigValue;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.config.Password;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings between the SDK and Kafka Connect: a Connect plugin's definition and validation as the SDK's, an SDK
 * plugin's as Connect's, and settings handed to a Connect plugin as Connect hands them, a map of strings.
 *
 * <p>Connect's {@code CLASS} settings are {@code STRING} ones in the SDK's view: the worker parses a
 * connector's settings with the runtime's class loader, which does not see the plugin's classes; the plugin
 * itself parses them with its own {@code ConfigDef}, in its own loader. Connect's validators and recommenders
 * run in the plugin's {@code validate}, which the adapters call, not through the SDK's definition.
 */
public final class ConnectConfigs {
    private ConnectConfigs() {}

    /** @return the SDK's definition of a Connect plugin's settings */
    public static ConfigDef toSdk(org.apache.kafka.common.config.ConfigDef definition) {
        ConfigDef.Builder builder = ConfigDef.builder();
        if (definition == null) {
            return builder.build();
        }
        for (org.apache.kafka.common.config.ConfigDef.ConfigKey key :
                definition.configKeys().values()) {
            if (key.internalConfig) {
                continue;
            }
            ConfigKey.Builder sdk = ConfigKey.builder(key.name, type(key.type))
                    .importance(importance(key.importance))
                    .documentation(key.documentation == null ? "" : key.documentation);
            if (key.hasDefault()) {
                sdk.defaultValue(defaultText(key.defaultValue));
            }
            if (key.group != null) {
                sdk.group(key.group, key.orderInGroup);
            }
            if (key.width != null) {
                sdk.width(ConfigDef.Width.valueOf(key.width.name()));
            }
            if (key.displayName != null) {
                sdk.displayName(key.displayName);
            }
            if (key.dependents != null && !key.dependents.isEmpty()) {
                sdk.dependents(key.dependents.toArray(String[]::new));
            }
            builder.define(sdk);
        }
        return builder.build();
    }

    /** @return Connect's validation of a Connect plugin's settings, as the SDK reports one */
    public static ConfigValidation toSdk(org.apache.kafka.common.config.Config validated) {
        List<ConfigValue> values = new ArrayList<>();
        for (org.apache.kafka.common.config.ConfigValue value : validated.configValues()) {
            values.add(new ConfigValue(
                    value.name(),
                    sdkValue(value.value()),
                    value.recommendedValues() == null ? List.of() : new ArrayList<>(value.recommendedValues()),
                    value.errorMessages() == null ? List.of() : value.errorMessages(),
                    value.visible()));
        }
        return new ConfigValidation(values);
    }

    /**
     * @return Kafka Connect's definition of an SDK plugin's settings: types, defaults, importance, documentation,
     *     groups, widths, display names and dependents as they are, and each validator run by Connect's {@code
     *     ConfigDef} on the parsed value, its failure a Connect {@code ConfigException} with the SDK's message
     */
    public static org.apache.kafka.common.config.ConfigDef toConnect(ConfigDef definition) {
        org.apache.kafka.common.config.ConfigDef converted = new org.apache.kafka.common.config.ConfigDef();
        for (ConfigKey key : definition.keys()) {
            converted.define(
                    key.name(),
                    connectType(key.type()),
                    key.hasDefault()
                            ? connectValue(key.defaultValue())
                            : org.apache.kafka.common.config.ConfigDef.NO_DEFAULT_VALUE,
                    key.validator() == null ? null : new SdkValidator(key.validator()),
                    org.apache.kafka.common.config.ConfigDef.Importance.valueOf(
                            key.importance().name()),
                    key.documentation(),
                    key.group(),
                    key.orderInGroup(),
                    org.apache.kafka.common.config.ConfigDef.Width.valueOf(
                            key.width().name()),
                    key.displayName() == null ? key.name() : key.displayName(),
                    key.dependents());
        }
        return converted;
    }

    /**
     * @param validation an SDK plugin's validation of its settings
     * @param definition the plugin's definition of them
     * @return the validation as Connect's: each setting's value, recommended values, errors and visibility.
     *     Connect prints each value by its setting's type, so a value that is not of that type (the text of a
     *     class that did not load, say) is given as null, as Connect's own validation gives it; the error says
     *     what was wrong with it
     */
    public static org.apache.kafka.common.config.Config toConnect(ConfigValidation validation, ConfigDef definition) {
        List<org.apache.kafka.common.config.ConfigValue> values = new ArrayList<>();
        for (ConfigValue value : validation.values()) {
            ConfigDef.Type type =
                    definition.key(value.name()).map(ConfigKey::type).orElse(null);
            List<Object> recommended = new ArrayList<>();
            for (Object candidate : value.recommendedValues()) {
                if (ofType(candidate, type)) {
                    recommended.add(connectValue(candidate));
                }
            }
            org.apache.kafka.common.config.ConfigValue converted = new org.apache.kafka.common.config.ConfigValue(
                    value.name(),
                    ofType(value.value(), type) ? connectValue(value.value()) : null,
                    recommended,
                    new ArrayList<>(value.errorMessages()));
            converted.visible(value.visible());
            values.add(converted);
        }
        return new org.apache.kafka.common.config.Config(values);
    }

    /** @return whether Connect can print the value as a setting of the type; any value, for an undefined one */
    private static boolean ofType(Object value, ConfigDef.Type type) {
        if (value == null || type == null) {
            return true;
        }
        return switch (type) {
            case BOOLEAN -> value instanceof Boolean;
            case STRING -> value instanceof String;
            case INT -> value instanceof Integer;
            case SHORT -> value instanceof Short;
            case LONG -> value instanceof Long;
            case DOUBLE -> value instanceof Double;
            case LIST -> value instanceof List<?>;
            case CLASS -> value instanceof Class<?>;
            case PASSWORD -> value instanceof Password;
        };
    }

    /** An SDK validator as Connect's {@code ConfigDef} runs one. */
    private record SdkValidator(io.tributary.sdk.config.Validator validator)
            implements org.apache.kafka.common.config.ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                // The SDK's validators are never given null: an absent setting with no default is not validated.
                return;
            }
            Object sdk = value instanceof org.apache.kafka.common.config.types.Password password
                    ? new Password(password.value())
                    : value;
            try {
                validator.ensureValid(name, sdk);
            } catch (io.tributary.sdk.errors.ConfigException e) {
                org.apache.kafka.common.config.ConfigException mapped =
                        new org.apache.kafka.common.config.ConfigException(e.getMessage());
                mapped.initCause(e);
                throw mapped;
            }
        }

        @Override
        public String toString() {
            return validator.describe();
        }
    }

    private static Object connectValue(Object value) {
        if (value instanceof Password password) {
            return new org.apache.kafka.common.config.types.Password(password.value());
        }
        return value;
    }

    private static org.apache.kafka.common.config.ConfigDef.Type connectType(ConfigDef.Type type) {
        return switch (type) {
            case BOOLEAN -> org.apache.kafka.common.config.ConfigDef.Type.BOOLEAN;
            case STRING -> org.apache.kafka.common.config.ConfigDef.Type.STRING;
            case INT -> org.apache.kafka.common.config.ConfigDef.Type.INT;
            case SHORT -> org.apache.kafka.common.config.ConfigDef.Type.SHORT;
            case LONG -> org.apache.kafka.common.config.ConfigDef.Type.LONG;
            case DOUBLE -> org.apache.kafka.common.config.ConfigDef.Type.DOUBLE;
            case LIST -> org.apache.kafka.common.config.ConfigDef.Type.LIST;
            case CLASS -> org.apache.kafka.common.config.ConfigDef.Type.CLASS;
            case PASSWORD -> org.apache.kafka.common.config.ConfigDef.Type.PASSWORD;
        };
    }

    /** @return the settings as strings, as a Connect plugin's {@code start} takes them */
    public static Map<String, String> strings(ParsedConfig config) {
        return strings(config.originals());
    }

    public static Map<String, String> strings(Map<String, ?> settings) {
        Map<String, String> strings = new LinkedHashMap<>();
        settings.forEach((name, value) -> {
            if (value != null) {
                strings.put(name, text(value));
            }
        });
        return strings;
    }

    private static String text(Object value) {
        if (value instanceof Password password) {
            return password.value();
        }
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Class<?> type) {
            return type.getName();
        }
        return value.toString();
    }

    private static Object defaultText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof org.apache.kafka.common.config.types.Password password) {
            return new Password(password.value());
        }
        if (value instanceof List<?> || value instanceof Class<?>) {
            return text(value);
        }
        return value;
    }

    private static Object sdkValue(Object value) {
        if (value instanceof org.apache.kafka.common.config.types.Password password) {
            return new Password(password.value());
        }
        if (value instanceof Class<?> type) {
            return type.getName();
        }
        return value;
    }

    private static ConfigDef.Type type(org.apache.kafka.common.config.ConfigDef.Type type) {
        return switch (type) {
            case BOOLEAN -> ConfigDef.Type.BOOLEAN;
            case STRING, CLASS -> ConfigDef.Type.STRING;
            case INT -> ConfigDef.Type.INT;
            case SHORT -> ConfigDef.Type.SHORT;
            case LONG -> ConfigDef.Type.LONG;
            case DOUBLE -> ConfigDef.Type.DOUBLE;
            case LIST -> ConfigDef.Type.LIST;
            case PASSWORD -> ConfigDef.Type.PASSWORD;
        };
    }

    private static ConfigDef.Importance importance(org.apache.kafka.common.config.ConfigDef.Importance importance) {
        return importance == null ? ConfigDef.Importance.LOW : ConfigDef.Importance.valueOf(importance.name());
    }
}
