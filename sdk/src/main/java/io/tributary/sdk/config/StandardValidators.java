package io.tributary.sdk.config;

import io.tributary.sdk.errors.ConfigException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The validators behind the factories of {@link Validator}. */
final class StandardValidators {
    private StandardValidators() {}

    /** A validator with a fixed description for documentation. */
    private record Described(String description, Validator check) implements Validator {
        @Override
        public void ensureValid(String name, Object value) {
            check.ensureValid(name, value);
        }

        @Override
        public String describe() {
            return description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** The text a string check looks at: a password's secret, never its masked form. */
    private static String text(Object value) {
        return value instanceof Password password ? password.value() : value.toString();
    }

    static Validator range(Number min, Number max) {
        String description = "[" + (min == null ? "..." : min) + ",..." + (max == null ? "" : "," + max) + "]";
        return new Described(description, (name, value) -> {
            if (!(value instanceof Number number)) {
                throw new ConfigException(name, value, "expected a number");
            }
            double n = number.doubleValue();
            if (min != null && n < min.doubleValue()) {
                throw new ConfigException(name, value, "must be at least " + min);
            }
            if (max != null && n > max.doubleValue()) {
                throw new ConfigException(name, value, "must be at most " + max);
            }
        });
    }

    static Validator nonEmptyString() {
        return new Described("non-empty string", (name, value) -> {
            if (text(value).isBlank()) {
                throw new ConfigException(name, value, "must not be empty");
            }
        });
    }

    static Validator oneOf(List<String> allowed, boolean ignoreCase) {
        List<String> normalized = ignoreCase
                ? allowed.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList()
                : List.copyOf(allowed);
        String listed = String.join(", ", allowed);
        return new Described("[" + listed + "]" + (ignoreCase ? " (any case)" : ""), (name, value) -> {
            String text = ignoreCase ? text(value).toLowerCase(Locale.ROOT) : text(value);
            if (!normalized.contains(text)) {
                throw new ConfigException(name, value, "must be one of " + listed + (ignoreCase ? " (any case)" : ""));
            }
        });
    }

    static Validator pattern(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return new Described("matching " + regex, (name, value) -> {
            if (!pattern.matcher(text(value)).matches()) {
                throw new ConfigException(name, value, "must match the regular expression " + regex);
            }
        });
    }

    static Validator nonEmptyList() {
        return new Described("non-empty list", (name, value) -> {
            if (value instanceof List<?> list && list.isEmpty()) {
                throw new ConfigException(name, value, "must list at least one value");
            }
        });
    }

    static Validator eachElement(Validator elementValidator) {
        return new Described("each " + elementValidator.describe(), (name, value) -> {
            if (value instanceof List<?> list) {
                for (Object element : list) {
                    elementValidator.ensureValid(name, element);
                }
            }
        });
    }

    static Validator and(List<Validator> validators) {
        String description = validators.stream()
                .map(Validator::describe)
                .filter(d -> !d.isEmpty())
                .collect(Collectors.joining(", "));
        return new Described(description, (name, value) -> {
            for (Validator validator : validators) {
                validator.ensureValid(name, value);
            }
        });
    }
}
