package io.tributary.runtime.connect;

import io.tributary.connect.convert.ConnectConfigs;
import io.tributary.connect.convert.ConnectData;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.converter.Converter;
import io.tributary.sdk.converter.ConverterType;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import java.util.Map;

/** A Kafka Connect converter for keys or values: the worker's data goes to it, and comes from it, as Connect's. */
final class ConnectConverter implements Converter {
    private final org.apache.kafka.connect.storage.Converter converter;
    private final Calls calls;

    ConnectConverter(org.apache.kafka.connect.storage.Converter converter, ClassLoader loader) {
        this.converter = converter;
        this.calls = new Calls(loader);
    }

    @Override
    public ConfigDef config() {
        return calls.get(() -> ConnectConfigs.toSdk(converter.config()));
    }

    @Override
    public void configure(Map<String, ?> configs, ConverterType type) {
        calls.run(() -> converter.configure(ConnectConfigs.strings(configs), type == ConverterType.KEY));
    }

    @Override
    public byte[] fromData(String topic, Schema schema, Object value) {
        return calls.get(() ->
                converter.fromConnectData(topic, ConnectData.toConnect(schema), ConnectData.toConnect(schema, value)));
    }

    @Override
    public SchemaAndValue toData(String topic, byte[] bytes) {
        return calls.get(() -> ConnectData.toSdk(converter.toConnectData(topic, bytes)));
    }

    @Override
    public void close() {
        calls.close(converter);
    }

    @Override
    public String toString() {
        return "Kafka Connect converter " + converter.getClass().getName();
    }
}
