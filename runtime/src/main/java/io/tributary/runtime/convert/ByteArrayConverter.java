package io.tributary.runtime.convert;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.converter.Converter;
import io.tributary.sdk.converter.ConverterType;
import io.tributary.sdk.converter.HeaderConverter;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.sdk.errors.DataException;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Passes bytes through unchanged, as Kafka Connect's {@code org.apache.kafka.connect.converters.ByteArrayConverter}
 * does. Writing accepts a {@code byte[]}, or a {@link ByteBuffer} whose remaining bytes are written, with a BYTES
 * schema or none; reading gives an optional BYTES. Also a header converter. Has no settings; stateless.
 */
public final class ByteArrayConverter implements Converter, HeaderConverter {

    @Override
    public ConfigDef config() {
        return ConfigDef.empty();
    }

    @Override
    public void configure(Map<String, ?> configs, ConverterType type) {}

    @Override
    public void configure(Map<String, ?> configs) {}

    @Override
    public byte[] fromData(String topic, Schema schema, Object value) {
        if (schema != null && schema.type() != Schema.Type.BYTES) {
            throw new DataException("ByteArrayConverter writes BYTES values only, but the schema for topic '" + topic
                    + "' is " + schema + "; use a converter for that type, or send bytes");
        }
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] || value instanceof ByteBuffer) {
            return BytesValues.toArray(value);
        }
        throw new DataException("ByteArrayConverter writes byte[] or ByteBuffer values only, got a "
                + value.getClass().getName() + " for topic '" + topic + "'");
    }

    @Override
    public byte[] fromData(String topic, String headerKey, Schema schema, Object value) {
        return fromData(topic, schema, value);
    }

    @Override
    public SchemaAndValue toData(String topic, byte[] bytes) {
        return bytes == null ? SchemaAndValue.NULL : new SchemaAndValue(Schema.OPTIONAL_BYTES_SCHEMA, bytes);
    }

    @Override
    public SchemaAndValue toData(String topic, String headerKey, byte[] bytes) {
        return toData(topic, bytes);
    }

    @Override
    public void close() {}
}
