package io.tributary.runtime.convert;

import io.tributary.sdk.data.Schema;
import java.nio.ByteBuffer;

/**
 * Converts INT16 values to and from the 2 big-endian bytes of Kafka's {@code ShortSerializer}, as Kafka Connect's
 * {@code org.apache.kafka.connect.converters.ShortConverter} does. Writing accepts a {@code Short} with an INT16 schema
 * or none; reading gives an optional INT16 and fails on a message that is not 2 bytes long. Also a header converter.
 * Has no settings; stateless.
 */
public final class ShortConverter extends FixedWidthConverter<Short> {

    /** Creates the converter; it has no settings. */
    public ShortConverter() {
        super(Schema.OPTIONAL_INT16_SCHEMA, Short.class, 2);
    }

    @Override
    void encode(Short value, ByteBuffer buffer) {
        buffer.putShort(value);
    }

    @Override
    Short decode(ByteBuffer buffer) {
        return buffer.getShort();
    }
}
