package io.tributary.runtime.transforms;

import io.tributary.runtime.plugins.PluginFactory;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.transforms.Transformation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A plugin factory that knows the built-ins by their Kafka Connect names, and records what it made. */
final class FakePluginFactory implements PluginFactory {
    final List<Object> made = new ArrayList<>();

    @Override
    public <T> T newPlugin(String classNameOrAlias, Class<T> type) {
        Class<?> found = BuiltInTransforms.lookup(classNameOrAlias).orElseGet(() -> load(classNameOrAlias));
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

    private static Class<?> load(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new ConfigException("Class " + className + " was not found on plugin.path");
        }
    }

    /** A transformation that counts how often it was closed, to check the chain closes everything. */
    public static final class Closing<R extends ConnectRecord<R>> implements Transformation<R> {
        int closed;

        /** For the factory. */
        public Closing() {}

        @Override
        public ConfigDef config() {
            return ConfigDef.empty();
        }

        @Override
        public void configure(Map<String, ?> configs) {}

        @Override
        public R apply(R record) {
            return record;
        }

        @Override
        public void close() {
            closed++;
        }
    }
}
