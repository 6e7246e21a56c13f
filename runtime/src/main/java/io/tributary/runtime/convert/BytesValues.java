package io.tributary.runtime.convert;

import java.nio.ByteBuffer;

/** Reads the two Java forms of a BYTES value. */
final class BytesValues {
    private BytesValues() {}

    /**
     * @param value a {@code byte[]} or a {@link ByteBuffer}
     * @return the array itself, or a copy of the buffer's remaining bytes; the buffer's position is left as it was
     */
    static byte[] toArray(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
