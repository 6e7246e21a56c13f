package io.tributary.runtime.connect;

import io.tributary.sdk.provider.ConfigData;
import io.tributary.sdk.provider.ConfigProvider;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** A Kafka config provider, such as those of {@code org.apache.kafka.common.config.provider}, as the SDK's. */
final class ConnectConfigProvider implements ConfigProvider {
    private final org.apache.kafka.common.config.provider.ConfigProvider provider;
    private final Calls calls;

    ConnectConfigProvider(org.apache.kafka.common.config.provider.ConfigProvider provider, ClassLoader loader) {
        this.provider = provider;
        this.calls = new Calls(loader);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        calls.run(() -> provider.configure(configs));
    }

    @Override
    public ConfigData get(String path) {
        return calls.get(() -> toSdk(provider.get(path)));
    }

    @Override
    public ConfigData get(String path, Set<String> keys) {
        return calls.get(() -> toSdk(provider.get(path, keys)));
    }

    @Override
    public void close() {
        calls.close(provider);
    }

    private static ConfigData toSdk(org.apache.kafka.common.config.ConfigData data) {
        Long ttl = data.ttl();
        return new ConfigData(data.data(), ttl == null ? null : Duration.ofMillis(ttl));
    }

    @Override
    public String toString() {
        return "Kafka config provider " + provider.getClass().getName();
    }
}
