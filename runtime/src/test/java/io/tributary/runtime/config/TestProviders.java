package io.tributary.runtime.config;

import io.tributary.runtime.plugins.PluginFactory;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.provider.ConfigData;
import io.tributary.sdk.provider.ConfigProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A plugin factory that knows the built-in providers and {@link Recording}, and keeps what it made. */
final class TestProviders implements PluginFactory {
    final List<Object> made = new ArrayList<>();

    @Override
    public <T> T newPlugin(String classNameOrAlias, Class<T> type) {
        Class<?> found = BuiltInConfigProviders.lookup(classNameOrAlias).orElseGet(() -> load(classNameOrAlias));
        if (!type.isAssignableFrom(found)) {
            throw new ConfigException("Class " + found.getName() + " is not a " + type.getSimpleName());
        }
        try {
            T plugin = type.cast(found.getConstructor().newInstance());
            made.add(plugin);
            return plugin;
        } catch (ReflectiveOperationException e) {
            throw new ConfigException("Class " + found.getName() + " cannot be made: " + e);
        }
    }

    /** @return the only {@link Recording} provider made so far */
    Recording recording() {
        List<Recording> recordings = made.stream()
                .filter(Recording.class::isInstance)
                .map(Recording.class::cast)
                .toList();
        if (recordings.size() != 1) {
            throw new IllegalStateException("Expected one Recording provider but was " + recordings);
        }
        return recordings.get(0);
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new ConfigException("Class " + className + " was not found on plugin.path");
        }
    }

    /**
     * Answers every key at every path with {@code <path>/<key>}, except the key {@code missing}; the path
     * {@code broken} fails. Records its settings, its calls and whether it was closed. The setting {@code ttl.ms}
     * gives its answers a time to live; {@code ttl.ms.<path>} one for a path.
     */
    public static final class Recording implements ConfigProvider {
        Map<String, ?> settings;
        final List<String> calls = new ArrayList<>();
        boolean closed;

        /** For the factory. */
        public Recording() {}

        @Override
        public void configure(Map<String, ?> configs) {
            if (configs.containsKey("refuse")) {
                throw new ConfigException("refuse", configs.get("refuse"), "this provider refuses it");
            }
            settings = configs;
        }

        @Override
        public ConfigData get(String path) {
            throw new UnsupportedOperationException("the resolver asks for keys");
        }

        @Override
        public synchronized ConfigData get(String path, Set<String> keys) {
            calls.add(path + " " + keys.stream().sorted().toList());
            if (path.equals("broken")) {
                throw new ConfigException("Cannot read 'broken': it is broken; mend it");
            }
            Map<String, String> data = new HashMap<>();
            keys.stream().filter(key -> !key.equals("missing")).forEach(key -> data.put(key, path + "/" + key));
            Object ttl =
                    settings.containsKey("ttl.ms." + path) ? settings.get("ttl.ms." + path) : settings.get("ttl.ms");
            return new ConfigData(data, ttl == null ? null : Duration.ofMillis(Long.parseLong(ttl.toString())));
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
