package io.tributary.runtime.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The config providers the runtime ships, under the names Kafka Connect worker configurations use for them, so
 * {@code config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider} works unchanged:
 * each is known by its Kafka Connect class name and by its simple name ({@code FileConfigProvider}). The plugin
 * registry consults this table before looking for a class by name.
 */
public final class BuiltInConfigProviders {
    private static final String CONNECT_PROVIDERS = "org.apache.kafka.common.config.provider.";

    private static final List<Class<?>> PROVIDERS =
            List.of(FileConfigProvider.class, EnvVarConfigProvider.class, DirectoryConfigProvider.class);

    private static final Map<String, Class<?>> ALIASES = buildAliases();

    private BuiltInConfigProviders() {}

    private static Map<String, Class<?>> buildAliases() {
        Map<String, Class<?>> aliases = new LinkedHashMap<>();
        for (Class<?> provider : PROVIDERS) {
            aliases.put(CONNECT_PROVIDERS + provider.getSimpleName(), provider);
            aliases.put(provider.getSimpleName(), provider);
        }
        return Collections.unmodifiableMap(aliases);
    }

    /**
     * @return every Kafka Connect class name and simple name of a built-in config provider, mapped to the class
     *     that implements it; unmodifiable, never null
     */
    public static Map<String, Class<?>> aliases() {
        return ALIASES;
    }

    /**
     * @param classNameOrAlias a Kafka Connect class name or a simple name such as {@code FileConfigProvider}
     * @return the implementing class, or empty when the name is not one of the built-ins
     */
    public static Optional<Class<?>> lookup(String classNameOrAlias) {
        return Optional.ofNullable(ALIASES.get(classNameOrAlias));
    }

    /** @return the built-in config provider classes; unmodifiable, never null */
    public static List<Class<?>> providers() {
        return PROVIDERS;
    }
}
