package io.tributary.runtime.convert;

import io.tributary.sdk.converter.HeaderConverter;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.sdk.data.Values;
import io.tributary.sdk.errors.DataException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Converts header values to and from UTF-8 text, as Kafka Connect's {@code
 * org.apache.kafka.connect.storage.SimpleHeaderConverter} does, and is the runtime's default header converter.
 *
 * <p>Values are written in the text form of {@link Values#convertToString}: strings as they are, numbers and
 * booleans as Java prints them, arrays and maps in a compact JSON-like form. Reading infers the schema with {@link
 * Values#parseString}, so {@code 42} reads as an INT8 and {@code [1,2]} as an ARRAY of INT8; text that is nothing
 * else, and the empty string, reads as a STRING. Has no settings; stateless.
 */
public final class SimpleHeaderConverter implements HeaderConverter {

    @Override
    public void configure(Map<String, ?> configs) {}

    @Override
    public byte[] fromData(String topic, String headerKey, Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Values.convertToString(schema, value).getBytes(StandardCharsets.UTF_8);
        } catch (DataException e) {
            throw new DataException(
                    "Cannot write header '" + headerKey + "' for topic '" + topic + "': " + e.getMessage(), e);
        }
    }

    @Override
    public SchemaAndValue toData(String topic, String headerKey, byte[] bytes) {
        if (bytes == null) {
            return SchemaAndValue.NULL;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            return Values.parseString(text);
        } catch (DataException e) {
            // A header that only looks like a number or a list is still a header: keep its text.
            return new SchemaAndValue(Schema.STRING_SCHEMA, text);
        }
    }
}
