package io.tributary.connect;

import io.tributary.sdk.converter.Converter;
import io.tributary.sdk.converter.HeaderConverter;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;

/**
 * An SDK class that is both a converter and a header converter, as Kafka Connect runs one: both of Connect's
 * types, over one SDK instance. Connect makes an instance for each use (key, value or headers), and configures
 * it for that use only. A connector's Connect bundle holds a subclass of this for each such SDK class.
 */
public abstract class TributaryConverterAndHeaderConverter extends TributaryConverter
        implements org.apache.kafka.connect.storage.HeaderConverter {
    private final TributaryHeaderConverter headers;

    /** @param converter the SDK converter this one runs, new; it must be a {@link HeaderConverter} too */
    protected TributaryConverterAndHeaderConverter(Converter converter) {
        super(converter);
        this.headers = new TributaryHeaderConverter((HeaderConverter) converter) {};
    }

    @Override
    public void configure(Map<String, ?> configs) {
        headers.configure(configs);
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        return headers.fromConnectHeader(topic, headerKey, schema, value);
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        return headers.toConnectHeader(topic, headerKey, value);
    }
}
