package io.tributary.testkit;

import java.util.Locale;

/** Where the test kit gets a Kafka cluster or a database from. */
public enum Provider {
    /** Decided by the provider setting (see {@link TestKitSettings}); embedded when unset. */
    DEFAULT,
    /** Inside the test JVM (Kafka) or as a child process from Maven artifacts (PostgreSQL); no Docker needed. */
    EMBEDDED,
    /** In a container run by Testcontainers; skipped when Docker or the image is unavailable. */
    CONTAINER,
    /** An existing server named by settings. */
    EXTERNAL;

    /**
     * Resolves {@link #DEFAULT} through a setting.
     *
     * @param setting the setting that names the provider, such as {@code kafka.provider}
     * @param fallback the provider when the setting is unset
     * @return a provider other than {@code DEFAULT}
     * @throws IllegalArgumentException if the setting names no provider
     */
    public Provider resolve(String setting, Provider fallback) {
        if (this != DEFAULT) {
            return this;
        }
        return TestKitSettings.get(setting)
                .map(value -> {
                    try {
                        Provider provider = valueOf(value.toUpperCase(Locale.ROOT));
                        if (provider != DEFAULT) {
                            return provider;
                        }
                    } catch (IllegalArgumentException e) {
                        // reported below
                    }
                    throw new IllegalArgumentException("Setting " + TestKitSettings.systemProperty(setting) + " must be"
                            + " embedded, container or external; got \"" + value + "\"");
                })
                .orElse(fallback);
    }
}
