package io.tributary.sdk.config;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.errors.ConfigException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A configuration parsed by a {@link ConfigDef}: a typed value for every defined setting, defaults
 * applied, plus the settings as they were given. Immutable and thread-safe. Its {@link #toString()}
 * shows passwords as {@value Password#HIDDEN}.
 *
 * <pre>{@code
 * ParsedConfig config = CONFIG.parse(settings);
 * String topic = config.getString("topic");
 * int batchSize = config.getInt("batch.size");
 * }</pre>
 *
 * <p>Each getter checks that the setting is defined with the getter's type, so a typo fails loudly
 * with the name, not with a {@code NullPointerException} later.
 */
@Stable
public final class ParsedConfig {
    private final ConfigDef definition;
    private final Map<String, Object> originals;
    private final Map<String, Object> values;

    ParsedConfig(ConfigDef definition, Map<String, ?> originals, Map<String, Object> values) {
        this.definition = definition;
        this.originals = Collections.unmodifiableMap(new LinkedHashMap<>(originals));
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** @return the definition this configuration was parsed with; never null */
    public ConfigDef definition() {
        return definition;
    }

    /** @return every setting as it was given, including undefined ones; unmodifiable, never null */
    public Map<String, Object> originals() {
        return originals;
    }

    /**
     * Returns the given settings whose name starts with a prefix, with the prefix removed, such as the
     * {@code producer.override.} settings to pass to a client.
     *
     * @param prefix the prefix; never null
     * @return the matching settings; unmodifiable, never null
     */
    public Map<String, Object> originalsWithPrefix(String prefix) {
        Map<String, Object> matching = new LinkedHashMap<>();
        originals.forEach((name, value) -> {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                matching.put(name.substring(prefix.length()), value);
            }
        });
        return Collections.unmodifiableMap(matching);
    }

    /** @return the parsed value of every defined setting; unmodifiable, never null */
    public Map<String, Object> values() {
        return values;
    }

    /**
     * @param name a defined setting
     * @return its parsed value; null only for an unset setting whose default is null
     * @throws ConfigException if the setting is not defined
     */
    public Object get(String name) {
        if (!values.containsKey(name)) {
            throw new ConfigException("Setting '" + name + "' is not defined in this plugin's ConfigDef; "
                    + "define it, or read it from originals()");
        }
        return values.get(name);
    }

    /** @param name a BOOLEAN setting @return its value */
    public Boolean getBoolean(String name) {
        return typed(name, ConfigDef.Type.BOOLEAN, Boolean.class);
    }

    /** @param name a STRING setting @return its value */
    public String getString(String name) {
        return typed(name, ConfigDef.Type.STRING, String.class);
    }

    /** @param name an INT setting @return its value */
    public Integer getInt(String name) {
        return typed(name, ConfigDef.Type.INT, Integer.class);
    }

    /** @param name a SHORT setting @return its value */
    public Short getShort(String name) {
        return typed(name, ConfigDef.Type.SHORT, Short.class);
    }

    /** @param name a LONG setting @return its value */
    public Long getLong(String name) {
        return typed(name, ConfigDef.Type.LONG, Long.class);
    }

    /** @param name a DOUBLE setting @return its value */
    public Double getDouble(String name) {
        return typed(name, ConfigDef.Type.DOUBLE, Double.class);
    }

    /** @param name a LIST setting @return its value; unmodifiable */
    @SuppressWarnings("unchecked")
    public List<String> getList(String name) {
        return typed(name, ConfigDef.Type.LIST, List.class);
    }

    /** @param name a CLASS setting @return its value */
    public Class<?> getClass(String name) {
        return typed(name, ConfigDef.Type.CLASS, Class.class);
    }

    /** @param name a PASSWORD setting @return its value */
    public Password getPassword(String name) {
        return typed(name, ConfigDef.Type.PASSWORD, Password.class);
    }

    private <T> T typed(String name, ConfigDef.Type type, Class<T> javaType) {
        Object value = get(name);
        ConfigDef.Type defined = definition.key(name).orElseThrow().type();
        if (defined != type) {
            throw new ConfigException("Setting '" + name + "' is defined as " + defined + ", not " + type
                    + "; read it with the getter for " + defined);
        }
        return javaType.cast(value);
    }

    @Override
    public String toString() {
        StringJoiner joined = new StringJoiner(", ", "ParsedConfig{", "}");
        values.forEach((name, value) -> joined.add(name + "=" + value));
        return joined.toString();
    }
}
