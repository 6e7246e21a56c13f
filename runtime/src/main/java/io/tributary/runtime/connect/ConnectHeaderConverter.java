package io.tributary.runtime.connect;

import io.tributary.connect.convert.ConnectConfigs;
import io.tributary.connect.convert.ConnectData;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.converter.HeaderConverter;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import java.util.Map;

/** A Kafka Connect header converter: header values go to it, and come from it, as Connect's. */
final class ConnectHeaderConverter implements HeaderConverter {
    private final org.apache.kafka.connect.storage.HeaderConverter converter;
    private final Calls calls;

    ConnectHeaderConverter(org.apache.kafka.connect.storage.HeaderConverter converter, ClassLoader loader) {
        this.converter = converter;
        this.calls = new Calls(loader);
    }

    @Override
    public ConfigDef config() {
        return calls.get(() -> ConnectConfigs.toSdk(converter.config()));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Map<String, String> settings = ConnectConfigs.strings(configs);
        // Connect's worker says which role a converter plays; its string and JSON converters need it.
        settings.putIfAbsent("converter.type", "header");
        calls.run(() -> converter.configure(settings));
    }

    @Override
    public byte[] fromData(String topic, String headerKey, Schema schema, Object value) {
        return calls.get(() -> converter.fromConnectHeader(
                topic, headerKey, ConnectData.toConnect(schema), ConnectData.toConnect(schema, value)));
    }

    @Override
    public SchemaAndValue toData(String topic, String headerKey, byte[] bytes) {
        return calls.get(() -> ConnectData.toSdk(converter.toConnectHeader(topic, headerKey, bytes)));
    }

    @Override
    public void close() {
        calls.close(converter);
    }

    @Override
    public String toString() {
        return "Kafka Connect header converter " + converter.getClass().getName();
    }
}
