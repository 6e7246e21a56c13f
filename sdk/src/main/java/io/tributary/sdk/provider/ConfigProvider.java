package io.tributary.sdk.provider;

import io.tributary.sdk.annotation.Stable;
import java.io.Closeable;
import java.util.Map;
import java.util.Set;

/**
 * Supplies configuration values from outside the configuration itself, so secrets need not be stored
 * in it. A worker names providers in {@code config.providers}; a connector setting then refers to a
 * value as {@code ${provider:path:key}}, for example {@code ${file:/etc/kafka/secrets.properties:
 * db.password}}, and the runtime resolves it before the connector starts. Only the resolved
 * configuration reaches the connector; the stored configuration keeps the reference.
 *
 * <p>The runtime makes one instance per provider alias, configures it once with the settings under
 * {@code config.providers.<alias>.param.}, and may call {@link #get} from several threads.
 *
 * <p>Register the class in {@code META-INF/services/io.tributary.sdk.provider.ConfigProvider}.
 */
@Stable
public interface ConfigProvider extends Closeable {

    /**
     * Configures the provider before first use.
     *
     * @param configs the provider's settings; never null
     */
    void configure(Map<String, ?> configs);

    /**
     * Returns every value at a path.
     *
     * @param path where to look, such as a file name; never null, may be empty
     * @return the values; never null
     * @throws io.tributary.sdk.errors.ConfigException if the path cannot be read, saying why
     */
    ConfigData get(String path);

    /**
     * Returns some values at a path. The default reads them all and keeps those asked for.
     *
     * @param path where to look; never null
     * @param keys the keys wanted; never null
     * @return the values found for those keys; never null
     * @throws io.tributary.sdk.errors.ConfigException if the path cannot be read, saying why
     */
    default ConfigData get(String path, Set<String> keys) {
        ConfigData all = get(path);
        Map<String, String> wanted = new java.util.LinkedHashMap<>(all.data());
        wanted.keySet().retainAll(keys);
        return new ConfigData(wanted, all.ttl());
    }

    /** Releases resources. The default does nothing. */
    @Override
    default void close() {}
}
