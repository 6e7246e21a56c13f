package io.tributary.sdk.converter;

import io.tributary.sdk.annotation.Stable;

/** Which part of a record a converter is configured for. */
@Stable
public enum ConverterType {
    /** Record keys. */
    KEY,
    /** Record values. */
    VALUE,
    /** Header values. */
    HEADER
}
