package io.tributary.runtime.convert;

import io.tributary.sdk.data.Schema;
import java.nio.ByteBuffer;

/**
 * Converts INT64 values to and from the 8 big-endian bytes of Kafka's {@code LongSerializer}, as Kafka Connect's {@code
 * org.apache.kafka.connect.converters.LongConverter} does. Writing accepts a {@code Long} with an INT64 schema or none;
 * reading gives an optional INT64 and fails on a message that is not 8 bytes long. Also a header converter. Has no
 * settings; stateless.
 */
public final class LongConverter extends FixedWidthConverter<Long> {

    /** Creates the converter; it has no settings. */
    public LongConverter() {
        super(Schema.OPTIONAL_INT64_SCHEMA, Long.class, 8);
    }

    @Override
    void encode(Long value, ByteBuffer buffer) {
        buffer.putLong(value);
    }

    @Override
    Long decode(ByteBuffer buffer) {
        return buffer.getLong();
    }
}
