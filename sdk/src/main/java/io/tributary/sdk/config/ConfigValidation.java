package io.tributary.sdk.config;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.errors.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of validating a configuration: one {@link ConfigValue} per setting, in definition
 * order, each with its own problems. Immutable; {@link #withError(String, String)} returns a copy,
 * which is how a connector adds problems its own checks find.
 */
@Stable
public final class ConfigValidation {
    private final List<ConfigValue> values;

    /**
     * @param values the outcome per setting; never null
     */
    public ConfigValidation(List<ConfigValue> values) {
        this.values = List.copyOf(values);
    }

    /** @return the outcome per setting; unmodifiable, never null */
    public List<ConfigValue> values() {
        return values;
    }

    /**
     * @param name a setting's name
     * @return its outcome, or empty if it was not validated
     */
    public Optional<ConfigValue> value(String name) {
        return values.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** @return whether any setting has a problem */
    public boolean hasErrors() {
        return errorCount() > 0;
    }

    /** @return the number of problems over all settings */
    public int errorCount() {
        return values.stream().mapToInt(v -> v.errorMessages().size()).sum();
    }

    /** @return the problems of each setting that has any, in definition order; unmodifiable */
    public Map<String, List<String>> errors() {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (ConfigValue value : values) {
            if (!value.isValid()) {
                errors.put(value.name(), value.errorMessages());
            }
        }
        return java.util.Collections.unmodifiableMap(errors);
    }

    /**
     * Adds a problem to a setting, such as one found by checking several settings together.
     *
     * @param name the setting the problem concerns; a setting not validated yet is added
     * @param errorMessage what is wrong and what to do
     * @return a copy with the problem added
     */
    public ConfigValidation withError(String name, String errorMessage) {
        List<ConfigValue> copy = new ArrayList<>(values);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).name().equals(name)) {
                copy.set(i, copy.get(i).withError(errorMessage));
                return new ConfigValidation(copy);
            }
        }
        copy.add(ConfigValue.invalid(name, null, errorMessage));
        return new ConfigValidation(copy);
    }

    /**
     * @throws ConfigException listing every problem, if there is any
     */
    public void throwIfInvalid() {
        if (!hasErrors()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (ConfigValue value : values) {
            problems.addAll(value.errorMessages());
        }
        int count = problems.size();
        throw new ConfigException("The configuration has " + count + (count == 1 ? " problem" : " problems"), problems);
    }

    @Override
    public String toString() {
        return "ConfigValidation" + (hasErrors() ? errors() : "{valid}");
    }
}
