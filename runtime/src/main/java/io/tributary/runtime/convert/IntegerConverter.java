package io.tributary.runtime.convert;

import io.tributary.sdk.data.Schema;
import java.nio.ByteBuffer;

/**
 * Converts INT32 values to and from the 4 big-endian bytes of Kafka's {@code IntegerSerializer}, as Kafka Connect's
 * {@code org.apache.kafka.connect.converters.IntegerConverter} does. Writing accepts an {@code Integer} with an INT32
 * schema or none; reading gives an optional INT32 and fails on a message that is not 4 bytes long. Also a header
 * converter. Has no settings; stateless.
 */
public final class IntegerConverter extends FixedWidthConverter<Integer> {

    /** Creates the converter; it has no settings. */
    public IntegerConverter() {
        super(Schema.OPTIONAL_INT32_SCHEMA, Integer.class, 4);
    }

    @Override
    void encode(Integer value, ByteBuffer buffer) {
        buffer.putInt(value);
    }

    @Override
    Integer decode(ByteBuffer buffer) {
        return buffer.getInt();
    }
}
