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
 * A Connect plugin's settings as the SDK describes them, and its settings handed to it as Connect hands
 * them: a map of strings.
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
