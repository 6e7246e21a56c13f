package io.tributary.runtime.convert;

import io.tributary.sdk.data.Schema;
import java.nio.ByteBuffer;

/**
 * Converts FLOAT32 values to and from the 4 big-endian bytes of Kafka's {@code FloatSerializer}, as Kafka Connect's
 * {@code org.apache.kafka.connect.converters.FloatConverter} does. Writing accepts a {@code Float} with a FLOAT32
 * schema or none; reading gives an optional FLOAT32 and fails on a message that is not 4 bytes long. Also a header
 * converter. Has no settings; stateless.
 */
public final class FloatConverter extends FixedWidthConverter<Float> {

    /** Creates the converter; it has no settings. */
    public FloatConverter() {
        super(Schema.OPTIONAL_FLOAT32_SCHEMA, Float.class, 4);
    }

    @Override
    void encode(Float value, ByteBuffer buffer) {
        buffer.putFloat(value);
    }

    @Override
    Float decode(ByteBuffer buffer) {
        return buffer.getFloat();
    }
}
