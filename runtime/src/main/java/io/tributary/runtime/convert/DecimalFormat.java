package io.tributary.runtime.convert;

/** How {@link JsonConverter} writes {@link io.tributary.sdk.data.Decimal} values; it reads either form. */
enum DecimalFormat {
    /** A JSON string holding the Base64 of the unscaled value's big-endian two's-complement bytes. */
    BASE64,
    /** A JSON number with the decimal's digits and scale, such as {@code 100.00}. */
    NUMERIC
}
