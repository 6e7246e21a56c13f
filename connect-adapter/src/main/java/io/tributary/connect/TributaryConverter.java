package io.tributary.connect;

import io.tributary.connect.convert.ConnectConfigs;
import io.tributary.connect.convert.ConnectData;
import io.tributary.sdk.converter.Converter;
import io.tributary.sdk.converter.ConverterType;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;

/**
 * An SDK converter as Kafka Connect runs one. A connector's Connect bundle holds a subclass of this for each SDK
 * converter, named by {@link ConnectNames}, whose constructor gives it a new SDK converter.
 */
public abstract class TributaryConverter implements org.apache.kafka.connect.storage.Converter, Versioned {
    private final Converter converter;

    /** @param converter the SDK converter this one runs, new */
    protected TributaryConverter(Converter converter) {
        this.converter = converter;
    }

    @Override
    public String version() {
        return PluginVersions.of(converter);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        ConnectErrors.run(() -> converter.configure(configs, isKey ? ConverterType.KEY : ConverterType.VALUE));
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        io.tributary.sdk.data.Schema sdkSchema = ConnectData.toSdk(schema);
        Object sdkValue = ConnectData.toSdk(schema, value);
        return ConnectErrors.call(() -> converter.fromData(topic, sdkSchema, sdkValue));
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        return ConnectData.toConnect(ConnectErrors.call(() -> converter.toData(topic, value)));
    }

    @Override
    public ConfigDef config() {
        return ConnectConfigs.toConnect(converter.config());
    }

    @Override
    public void close() {
        ConnectErrors.run(converter::close);
    }
}
