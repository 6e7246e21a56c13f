package io.tributary.sdk.config;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.errors.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings a plugin accepts. A {@code ConfigDef} parses raw settings into typed values ({@link
 * #parse(Map)}), reports every problem of a configuration at once ({@link #validate(Map)}), and
 * documents the plugin. Immutable and thread-safe; build one with {@link #builder()}:
 *
 * <pre>{@code
 * static final ConfigDef CONFIG = ConfigDef.builder()
 *         .define(ConfigKey.builder("topic", ConfigDef.Type.STRING)
 *                 .validator(Validator.nonEmptyString())
 *                 .importance(ConfigDef.Importance.HIGH)
 *                 .documentation("Topic to write to."))
 *         .define(ConfigKey.builder("batch.size", ConfigDef.Type.INT)
 *                 .defaultValue(500)
 *                 .validator(Validator.atLeast(1))
 *                 .documentation("Records per poll."))
 *         .build();
 * }</pre>
 */
@Stable
public final class ConfigDef {

    /** The types of settings and the Java types of their parsed values. */
    public enum Type {
        /** {@code Boolean}, from {@code true} or {@code false} in any case. */
        BOOLEAN,
        /** {@code String}, trimmed. */
        STRING,
        /** {@code Integer}. */
        INT,
        /** {@code Short}. */
        SHORT,
        /** {@code Long}. */
        LONG,
        /** {@code Double}. */
        DOUBLE,
        /** {@code List<String>}, from a comma-separated string; elements are trimmed. */
        LIST,
        /** {@code Class<?>}, from a fully qualified name, loaded by the plugin's class loader. */
        CLASS,
        /** {@link Password}, which never shows its value. */
        PASSWORD
    }

    /** How much a user should care about a setting. */
    public enum Importance {
        /** Most users set it or must understand its default. */
        HIGH,
        /** Some users set it. */
        MEDIUM,
        /** Tuning for special cases. */
        LOW
    }

    /** How wide a field a user interface should show for a setting. */
    public enum Width {
        /** No preference. */
        NONE,
        /** A few characters. */
        SHORT,
        /** A line. */
        MEDIUM,
        /** Several lines. */
        LONG
    }

    private final Map<String, ConfigKey> keys;

    private ConfigDef(Map<String, ConfigKey> keys) {
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    /** @return a builder for a new definition */
    public static Builder builder() {
        return new Builder(new LinkedHashMap<>());
    }

    /** @return an empty definition, for plugins that take no settings */
    public static ConfigDef empty() {
        return builder().build();
    }

    /** @return a builder holding this definition's keys, to add more */
    public Builder toBuilder() {
        return new Builder(new LinkedHashMap<>(keys));
    }

    /** @return every key in the order it was defined; unmodifiable, never null */
    public List<ConfigKey> keys() {
        return List.copyOf(keys.values());
    }

    /**
     * @param name a setting's name
     * @return its key, or empty when it is not defined
     */
    public Optional<ConfigKey> key(String name) {
        return Optional.ofNullable(keys.get(name));
    }

    /** @return the names of the groups, in the order their first key was defined; never null */
    public List<String> groups() {
        LinkedHashSet<String> groups = new LinkedHashSet<>();
        keys.values().stream().map(ConfigKey::group).filter(Objects::nonNull).forEach(groups::add);
        return List.copyOf(groups);
    }

    /**
     * Combines this definition with another, as a runtime does with its own settings and a plugin's.
     *
     * @param other the definition to add; its names must not clash with this one's
     * @return a new definition with this one's keys, then the other's
     * @throws ConfigException if both define a name
     */
    public ConfigDef merge(ConfigDef other) {
        Builder builder = toBuilder();
        other.keys.values().forEach(builder::define);
        return builder.build();
    }

    /**
     * Parses a configuration into typed values, applying defaults.
     *
     * @param originals the settings as given: strings, or values of the settings' types; never null.
     *     Settings that are not defined here are kept in {@link ParsedConfig#originals()}.
     * @return the typed configuration
     * @throws ConfigException listing the problem of every invalid setting, not just the first
     */
    public ParsedConfig parse(Map<String, ?> originals) {
        ConfigValidation validation = validate(originals);
        validation.throwIfInvalid();
        Map<String, Object> values = new LinkedHashMap<>();
        for (ConfigValue value : validation.values()) {
            values.put(value.name(), value.value());
        }
        return new ParsedConfig(this, originals, values);
    }

    /**
     * Checks a configuration setting by setting, without stopping at the first problem.
     *
     * @param originals the settings as given; never null
     * @return one outcome per defined setting, in definition order; never null
     */
    public ConfigValidation validate(Map<String, ?> originals) {
        Objects.requireNonNull(originals, "originals");
        List<ConfigValue> results = new ArrayList<>();
        for (ConfigKey key : keys.values()) {
            results.add(validateOne(key, originals));
        }
        return new ConfigValidation(results);
    }

    private static ConfigValue validateOne(ConfigKey key, Map<String, ?> originals) {
        String name = key.name();
        if (!originals.containsKey(name) || originals.get(name) == null) {
            if (!key.hasDefault()) {
                String doc = key.documentation().isEmpty() ? "" : " (" + key.documentation() + ")";
                return ConfigValue.invalid(
                        name, null, "Missing required setting '" + name + "'" + doc + "; it has no default");
            }
            return ConfigValue.valid(name, key.defaultValue());
        }
        Object raw = originals.get(name);
        Object parsed;
        try {
            parsed = ConfigParser.parse(key, raw);
        } catch (ConfigException e) {
            return ConfigValue.invalid(
                    name, key.type() == Type.PASSWORD ? new Password(String.valueOf(raw)) : raw, e.getMessage());
        }
        if (key.validator() != null) {
            try {
                key.validator().ensureValid(name, parsed);
            } catch (ConfigException e) {
                String message = e.getMessage();
                if (parsed instanceof Password password && !password.value().isEmpty()) {
                    message = message.replace(password.value(), Password.HIDDEN);
                }
                return ConfigValue.invalid(name, parsed, message);
            }
        }
        return ConfigValue.valid(name, parsed);
    }

    @Override
    public String toString() {
        return "ConfigDef" + keys.values();
    }

    /** Collects the keys of a {@link ConfigDef}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, ConfigKey> keys;

        private Builder(Map<String, ConfigKey> keys) {
            this.keys = keys;
        }

        /**
         * @param key a setting's definition; its name must be new
         * @return this builder
         * @throws ConfigException if the name is already defined
         */
        public Builder define(ConfigKey key) {
            if (keys.containsKey(key.name())) {
                throw new ConfigException(
                        "Setting '" + key.name() + "' is defined twice; give each setting one " + "definition");
            }
            keys.put(key.name(), key);
            return this;
        }

        /**
         * @param key a setting's definition, built here; its name must be new
         * @return this builder
         * @throws ConfigException if the name is already defined or the default is invalid
         */
        public Builder define(ConfigKey.Builder key) {
            return define(key.build());
        }

        /** @return the definition */
        public ConfigDef build() {
            return new ConfigDef(keys);
        }
    }
}
