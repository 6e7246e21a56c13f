package io.tributary.runtime.worker;

import io.tributary.sdk.converter.Converter;
import io.tributary.sdk.converter.HeaderConverter;

/**
 * The converters one task uses.
 *
 * @param key converts record keys
 * @param value converts record values
 * @param header converts header values
 */
public record TaskConverters(Converter key, Converter value, HeaderConverter header) implements AutoCloseable {
    @Override
    public void close() {
        key.close();
        value.close();
        header.close();
    }
}
