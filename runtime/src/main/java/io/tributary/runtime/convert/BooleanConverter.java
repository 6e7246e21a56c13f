package io.tributary.runtime.convert;

import io.tributary.sdk.data.Schema;
import io.tributary.sdk.errors.DataException;
import java.nio.ByteBuffer;

/**
 * Converts BOOLEAN values to and from the single byte of Kafka's {@code BooleanSerializer}, 1 for true and 0 for false,
 * as Kafka Connect's {@code org.apache.kafka.connect.converters.BooleanConverter} does. Writing accepts a {@code
 * Boolean} with a BOOLEAN schema or none; reading gives an optional BOOLEAN and fails on any other byte, or on a
 * message that is not one byte long. Also a header converter. Has no settings; stateless.
 */
public final class BooleanConverter extends FixedWidthConverter<Boolean> {
    private static final byte TRUE = 1;
    private static final byte FALSE = 0;

    /** Creates the converter; it has no settings. */
    public BooleanConverter() {
        super(Schema.OPTIONAL_BOOLEAN_SCHEMA, Boolean.class, 1);
    }

    @Override
    void encode(Boolean value, ByteBuffer buffer) {
        buffer.put(value ? TRUE : FALSE);
    }

    @Override
    Boolean decode(ByteBuffer buffer) {
        byte b = buffer.get();
        if (b != TRUE && b != FALSE) {
            throw new DataException("BooleanConverter reads the byte 1 as true and 0 as false, got " + b
                    + "; check what writes to the topic");
        }
        return b == TRUE;
    }
}
