package io.tributary.sdk.converter;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import java.io.Closeable;
import java.util.Map;

/**
 * Turns record keys or values into the bytes stored in Kafka and back. A source connector's records
 * pass through {@link #fromData} before they are produced; a sink connector's records pass through
 * {@link #toData} after they are consumed. The worker's {@code key.converter} and {@code
 * value.converter} settings, or a connector's overrides of them, choose the converter.
 *
 * <p>The runtime makes one instance per use (key or value) per task, with the public no-argument
 * constructor, calls {@link #configure} once, then the conversion methods from the task's thread,
 * and finally {@link #close()}.
 *
 * <p>Register the class in {@code META-INF/services/io.tributary.sdk.converter.Converter}.
 */
@Stable
public interface Converter extends Closeable {

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
     * @param configs the converter's settings, with the {@code key.converter.} or {@code
     *     value.converter.} prefix removed; never null
     * @param type whether keys or values are converted; never null
     */
    void configure(Map<String, ?> configs, ConverterType type);

    /**
     * Serializes a value for Kafka.
     *
     * @param topic the topic the record goes to; never null
     * @param schema the value's schema; null for schemaless data
     * @param value the value; may be null
     * @return the bytes to store; null for a null message
     * @throws io.tributary.sdk.errors.DataException if the value cannot be serialized
     */
    byte[] fromData(String topic, Schema schema, Object value);

    /**
     * Deserializes bytes read from Kafka.
     *
     * @param topic the topic the record came from; never null
     * @param bytes the stored bytes; null for a null message
     * @return the schema and value; {@link SchemaAndValue#NULL} for a null message, never null
     * @throws io.tributary.sdk.errors.DataException if the bytes cannot be read
     */
    SchemaAndValue toData(String topic, byte[] bytes);

    /** Releases resources. The default does nothing. */
    @Override
    default void close() {}
}
