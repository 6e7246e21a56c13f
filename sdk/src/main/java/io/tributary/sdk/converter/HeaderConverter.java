package io.tributary.sdk.converter;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import java.io.Closeable;
import java.util.Map;

/**
 * Turns header values into the bytes stored in Kafka and back. Chosen by the {@code
 * header.converter} setting. Lifecycle and threads as for {@link Converter}.
 *
 * <p>Register the class in {@code META-INF/services/io.tributary.sdk.converter.HeaderConverter}.
 */
@Stable
public interface HeaderConverter extends Closeable {

    /**
     * Describes the converter's settings. The default declares none.
     *
     * @return the definition; never null
     */
    default ConfigDef config() {
        return ConfigDef.empty();
    }

    /**
     * Configures the converter before first use.
     *
     * @param configs the converter's settings, with the {@code header.converter.} prefix removed; never
     *     null
     */
    void configure(Map<String, ?> configs);

    /**
     * Serializes a header value for Kafka.
     *
     * @param topic the topic the record goes to; never null
     * @param headerKey the header's key; never null
     * @param schema the value's schema; null for schemaless data
     * @param value the value; may be null
     * @return the bytes to store; null for a null value
     * @throws io.tributary.sdk.errors.DataException if the value cannot be serialized
     */
    byte[] fromData(String topic, String headerKey, Schema schema, Object value);

    /**
     * Deserializes a header value read from Kafka.
     *
     * @param topic the topic the record came from; never null
     * @param headerKey the header's key; never null
     * @param bytes the stored bytes; null for a null value
     * @return the schema and value; never null
     * @throws io.tributary.sdk.errors.DataException if the bytes cannot be read
     */
    SchemaAndValue toData(String topic, String headerKey, byte[] bytes);

    /** Releases resources. The default does nothing. */
    @Override
    default void close() {}
}
