package io.tributary.sdk.config;

import io.tributary.sdk.errors.ConfigException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Turns a raw setting (a string, or already a value of the type) into a value of its key's type. */
final class ConfigParser {
    private ConfigParser() {}

    static Object parse(ConfigKey key, Object raw) {
        String name = key.name();
        Object shown = key.type() == ConfigDef.Type.PASSWORD ? new Password(String.valueOf(raw)) : raw;
        String text = raw instanceof String s ? s.trim() : null;
        return switch (key.type()) {
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    yield b;
                }
                if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
                    yield Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
                }
                throw new ConfigException(name, shown, "expected BOOLEAN: true or false");
            }
            case STRING -> {
                if (text != null) {
                    yield text;
                }
                throw new ConfigException(name, shown, "expected STRING, got " + typeName(raw));
            }
            case INT ->
                integral(name, raw, text, Integer.MIN_VALUE, Integer.MAX_VALUE, "INT")
                        .intValue();
            case SHORT ->
                (short) integral(name, raw, text, Short.MIN_VALUE, Short.MAX_VALUE, "SHORT")
                        .intValue();
            case LONG -> integral(name, raw, text, Long.MIN_VALUE, Long.MAX_VALUE, "LONG");
            case DOUBLE -> {
                if (raw instanceof Number n) {
                    yield n.doubleValue();
                }
                try {
                    if (text != null && !text.isEmpty()) {
                        yield Double.parseDouble(text);
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw new ConfigException(name, shown, "expected DOUBLE, a decimal number");
            }
            case LIST -> {
                if (raw instanceof List<?> list) {
                    List<String> values = new ArrayList<>();
                    for (Object element : list) {
                        values.add(String.valueOf(element).trim());
                    }
                    yield List.copyOf(values);
                }
                if (text != null) {
                    yield text.isEmpty()
                            ? List.of()
                            : Arrays.stream(text.split("\\s*,\\s*", -1)).toList();
                }
                throw new ConfigException(name, shown, "expected LIST, a comma-separated string");
            }
            case CLASS -> {
                if (raw instanceof Class<?> c) {
                    yield c;
                }
                if (text != null && !text.isEmpty()) {
                    yield loadClass(name, text);
                }
                throw new ConfigException(name, shown, "expected CLASS, a fully qualified class name");
            }
            case PASSWORD -> {
                if (raw instanceof Password p) {
                    yield p;
                }
                if (raw instanceof String s) {
                    yield new Password(s);
                }
                throw new ConfigException(name, shown, "expected PASSWORD, a string");
            }
        };
    }

    private static Long integral(String name, Object raw, String text, long min, long max, String type) {
        long value;
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            value = ((Number) raw).longValue();
        } else if (text != null) {
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new ConfigException(name, raw, "expected " + type + ", a whole number");
            }
        } else {
            throw new ConfigException(name, raw, "expected " + type + ", a whole number, got " + typeName(raw));
        }
        if (value < min || value > max) {
            throw new ConfigException(name, raw, "out of range for " + type + " (" + min + " to " + max + ")");
        }
        return value;
    }

    private static Class<?> loadClass(String name, String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ConfigParser.class.getClassLoader();
        }
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigException(
                    name, className, "class not found; check the name and that its plugin is on plugin.path");
        }
    }

    private static String typeName(Object raw) {
        return raw == null ? "null" : raw.getClass().getSimpleName();
    }
}
