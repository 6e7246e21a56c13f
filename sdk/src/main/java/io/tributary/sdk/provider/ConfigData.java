package io.tributary.sdk.provider;

import io.tributary.sdk.annotation.Experimental;
import io.tributary.sdk.annotation.Stable;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Values a {@link ConfigProvider} found at a path, and how long they stay valid.
 *
 * <p><b>Time to live not honoured yet:</b> the runtime resolves references once, when a connector or
 * task starts, and does not ask again or restart the connector when the values expire; a connector sees
 * fresh values only when it is restarted.
 *
 * @param data the values by key; unmodifiable, never null
 * @param ttl how long the values may be used before asking again; null when they do not expire
 */
@Stable
public record ConfigData(
        Map<String, String> data, @Experimental Duration ttl) {
    /** Copies the data. */
    public ConfigData {
        data = Map.copyOf(Objects.requireNonNull(data, "data"));
    }

    /**
     * @param data the values by key
     * @return data that does not expire
     */
    public static ConfigData of(Map<String, String> data) {
        return new ConfigData(data, null);
    }

    /** @return how long the values may be used, or empty when they do not expire */
    @Experimental
    public Optional<Duration> expiresAfter() {
        return Optional.ofNullable(ttl);
    }
}
