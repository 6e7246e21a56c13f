package io.tributary.sdk.config;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.errors.ConfigException;
import java.util.List;
import java.util.Objects;

/**
 * The definition of one setting: name, type, default, validator and the documentation shown to users.
 * Immutable; build one with {@link #builder(String, ConfigDef.Type)}:
 *
 * <pre>{@code
 * ConfigKey batchSize = ConfigKey.builder("batch.size", ConfigDef.Type.INT)
 *         .defaultValue(500)
 *         .validator(Validator.between(1, 10_000))
 *         .importance(ConfigDef.Importance.MEDIUM)
 *         .documentation("Rows read per query.")
 *         .build();
 * }</pre>
 *
 * <p>A key without a default is required. A key whose default is {@code null} is optional and, when
 * unset, has no value.
 */
@Stable
public final class ConfigKey {
    private final String name;
    private final ConfigDef.Type type;
    private final boolean hasDefault;
    private final Object defaultValue;
    private final Validator validator;
    private final ConfigDef.Importance importance;
    private final String documentation;
    private final String group;
    private final int orderInGroup;
    private final ConfigDef.Width width;
    private final String displayName;
    private final List<String> dependents;

    private ConfigKey(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.hasDefault = b.hasDefault;
        this.validator = b.validator;
        this.importance = b.importance;
        this.documentation = b.documentation;
        this.group = b.group;
        this.orderInGroup = b.orderInGroup;
        this.width = b.width;
        this.displayName = b.displayName != null ? b.displayName : b.name;
        this.dependents = List.copyOf(b.dependents);
        this.defaultValue = b.hasDefault ? parseDefault(b.defaultValue) : null;
    }

    private Object parseDefault(Object raw) {
        if (raw == null) {
            return null;
        }
        Object parsed;
        try {
            parsed = ConfigParser.parse(this, raw);
        } catch (ConfigException e) {
            throw new ConfigException("The default value of '" + name + "' does not fit its definition: "
                    + e.getMessage() + "; fix the ConfigDef");
        }
        if (validator != null) {
            try {
                validator.ensureValid(name, parsed);
            } catch (ConfigException e) {
                throw new ConfigException("The default value of '" + name + "' fails its own validator: "
                        + e.getMessage() + "; fix the ConfigDef");
            }
        }
        return parsed;
    }

    /**
     * Starts the definition of a setting.
     *
     * @param name the setting's name, such as {@code batch.size}; never null
     * @param type its type; never null
     * @return a new builder
     */
    public static Builder builder(String name, ConfigDef.Type type) {
        return new Builder(name, type);
    }

    /** @return the setting's name; never null */
    public String name() {
        return name;
    }

    /** @return the setting's type; never null */
    public ConfigDef.Type type() {
        return type;
    }

    /** @return whether the setting has a default, possibly null; false means the setting is required */
    public boolean hasDefault() {
        return hasDefault;
    }

    /** @return the parsed default value; null when there is none or it is null */
    public Object defaultValue() {
        return defaultValue;
    }

    /** @return the validator; null when any value of the type is allowed */
    public Validator validator() {
        return validator;
    }

    /** @return how much the user should care about this setting; never null */
    public ConfigDef.Importance importance() {
        return importance;
    }

    /** @return what the setting does, for users; never null, may be empty */
    public String documentation() {
        return documentation;
    }

    /** @return the group the setting is shown in; null for none */
    public String group() {
        return group;
    }

    /** @return the setting's position within its group, from 1; 0 when unordered */
    public int orderInGroup() {
        return orderInGroup;
    }

    /** @return how wide a field user interfaces should show for it; never null */
    public ConfigDef.Width width() {
        return width;
    }

    /** @return the name user interfaces show; never null */
    public String displayName() {
        return displayName;
    }

    /** @return the settings whose meaning depends on this one; unmodifiable, never null */
    public List<String> dependents() {
        return dependents;
    }

    /** @return a builder holding this key's properties, to make a changed copy */
    public Builder toBuilder() {
        Builder b = new Builder(name, type);
        if (hasDefault) {
            b.defaultValue(defaultValue);
        }
        b.validator = validator;
        b.importance = importance;
        b.documentation = documentation;
        b.group = group;
        b.orderInGroup = orderInGroup;
        b.width = width;
        b.displayName = displayName;
        b.dependents = dependents;
        return b;
    }

    @Override
    public String toString() {
        return "ConfigKey{" + name + ":" + type + (hasDefault ? "" : ",required") + "}";
    }

    /** Builds a {@link ConfigKey}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final ConfigDef.Type type;
        private boolean hasDefault;
        private Object defaultValue;
        private Validator validator;
        private ConfigDef.Importance importance = ConfigDef.Importance.MEDIUM;
        private String documentation = "";
        private String group;
        private int orderInGroup;
        private ConfigDef.Width width = ConfigDef.Width.NONE;
        private String displayName;
        private List<String> dependents = List.of();

        private Builder(String name, ConfigDef.Type type) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
        }

        /**
         * Gives the setting a default, which makes it optional. The default may be a value of the
         * setting's type or a string to parse; {@code null} means "no value when unset".
         *
         * @param value the default
         * @return this builder
         */
        public Builder defaultValue(Object value) {
            this.hasDefault = true;
            this.defaultValue = value;
            return this;
        }

        /** @param check the validator of parsed values; null for none @return this */
        public Builder validator(Validator check) {
            this.validator = check;
            return this;
        }

        /** @param level how much the user should care; never null @return this */
        public Builder importance(ConfigDef.Importance level) {
            this.importance = Objects.requireNonNull(level, "importance");
            return this;
        }

        /** @param text what the setting does, for users; never null @return this */
        public Builder documentation(String text) {
            this.documentation = Objects.requireNonNull(text, "documentation");
            return this;
        }

        /**
         * @param groupName the group the setting is shown in; never null
         * @param order the setting's position within the group, from 1
         * @return this builder
         */
        public Builder group(String groupName, int order) {
            this.group = Objects.requireNonNull(groupName, "group");
            this.orderInGroup = order;
            return this;
        }

        /** @param fieldWidth how wide a field to show; never null @return this */
        public Builder width(ConfigDef.Width fieldWidth) {
            this.width = Objects.requireNonNull(fieldWidth, "width");
            return this;
        }

        /** @param name the name user interfaces show; never null @return this */
        public Builder displayName(String name) {
            this.displayName = Objects.requireNonNull(name, "displayName");
            return this;
        }

        /** @param names the settings whose meaning depends on this one @return this */
        public Builder dependents(String... names) {
            this.dependents = List.of(names);
            return this;
        }

        /**
         * @return the key
         * @throws ConfigException if the default does not parse or fails the validator
         */
        public ConfigKey build() {
            return new ConfigKey(this);
        }
    }
}
