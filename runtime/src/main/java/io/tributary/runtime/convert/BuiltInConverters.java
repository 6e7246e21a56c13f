package io.tributary.runtime.convert;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps the names a Kafka Connect configuration uses for its converters to the runtime's converters, so a
 * connector's {@code key.converter}, {@code value.converter} and {@code header.converter} settings work unchanged.
 * Each converter answers to Connect's fully qualified class name, its simple class name, and the simple name without
 * its suffix, as Connect's plugin aliases do: {@code org.apache.kafka.connect.json.JsonConverter}, {@code
 * JsonConverter} and {@code Json}; {@code SimpleHeaderConverter} and {@code Simple}.
 */
public final class BuiltInConverters {
    private static final Map<String, Class<?>> ALIASES = buildAliases();

    private BuiltInConverters() {}

    /**
     * @return every alias and the converter class it names; unmodifiable, in a stable order
     */
    public static Map<String, Class<?>> aliases() {
        return ALIASES;
    }

    private static Map<String, Class<?>> buildAliases() {
        Map<String, Class<?>> aliases = new LinkedHashMap<>();
        String converters = "org.apache.kafka.connect.converters.";
        String storage = "org.apache.kafka.connect.storage.";
        add(aliases, "org.apache.kafka.connect.json.JsonConverter", JsonConverter.class, "Converter");
        add(aliases, storage + "StringConverter", StringConverter.class, "Converter");
        add(aliases, converters + "ByteArrayConverter", ByteArrayConverter.class, "Converter");
        add(aliases, converters + "IntegerConverter", IntegerConverter.class, "Converter");
        add(aliases, converters + "LongConverter", LongConverter.class, "Converter");
        add(aliases, converters + "ShortConverter", ShortConverter.class, "Converter");
        add(aliases, converters + "FloatConverter", FloatConverter.class, "Converter");
        add(aliases, converters + "DoubleConverter", DoubleConverter.class, "Converter");
        add(aliases, converters + "BooleanConverter", BooleanConverter.class, "Converter");
        add(aliases, storage + "SimpleHeaderConverter", SimpleHeaderConverter.class, "HeaderConverter");
        return Collections.unmodifiableMap(aliases);
    }

    private static void add(Map<String, Class<?>> aliases, String connectName, Class<?> converter, String suffix) {
        String simpleName = connectName.substring(connectName.lastIndexOf('.') + 1);
        aliases.put(connectName, converter);
        aliases.put(simpleName, converter);
        aliases.put(simpleName.substring(0, simpleName.length() - suffix.length()), converter);
    }
}
