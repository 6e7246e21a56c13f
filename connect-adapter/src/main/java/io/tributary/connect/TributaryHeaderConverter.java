package io.tributary.connect;

import io.tributary.connect.convert.ConnectConfigs;
import io.tributary.connect.convert.ConnectData;
import io.tributary.sdk.converter.HeaderConverter;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;

/**
 * An SDK header converter as Kafka Connect runs one. A connector's Connect bundle holds a subclass of this for
 * each SDK header converter, named by {@link ConnectNames}, whose constructor gives it a new SDK header
 * converter.
 */
public abstract class TributaryHeaderConverter implements org.apache.kafka.connect.storage.HeaderConverter, Versioned {
    private final HeaderConverter converter;

    /** @param converter the SDK header converter this one runs, new */
    protected TributaryHeaderConverter(HeaderConverter converter) {
        this.converter = converter;
    }

    @Override
    public String version() {
        return PluginVersions.of(converter);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        ConnectErrors.run(() -> converter.configure(configs));
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        io.tributary.sdk.data.Schema sdkSchema = ConnectData.toSdk(schema);
        Object sdkValue = ConnectData.toSdk(schema, value);
        return ConnectErrors.call(() -> converter.fromData(topic, headerKey, sdkSchema, sdkValue));
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        return ConnectData.toConnect(ConnectErrors.call(() -> converter.toData(topic, headerKey, value)));
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
