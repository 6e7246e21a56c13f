package io.tributary.runtime.convert;

import io.tributary.sdk.data.Schema;
import java.nio.ByteBuffer;

/**
 * Converts FLOAT64 values to and from the 8 big-endian bytes of Kafka's {@code DoubleSerializer}, as Kafka Connect's
 * {@code org.apache.kafka.connect.converters.DoubleConverter} does. Writing accepts a {@code Double} with a FLOAT64
 * schema or none; reading gives an optional FLOAT64 and fails on a message that is not 8 bytes long. Also a header
 * converter. Has no settings; stateless.
 */
public final class DoubleConverter extends FixedWidthConverter<Double> {

    /** Creates the converter; it has no settings. */
    public DoubleConverter() {
        super(Schema.OPTIONAL_FLOAT64_SCHEMA, Double.class, 8);
    }

    @Override
    void encode(Double value, ByteBuffer buffer) {
        buffer.putDouble(value);
    }

    @Override
    Double decode(ByteBuffer buffer) {
        return buffer.getDouble();
    }
}
