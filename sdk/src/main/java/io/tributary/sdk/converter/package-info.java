/**
 * Converters between the SDK's data model and the bytes stored in Kafka: {@link
 * io.tributary.sdk.converter.Converter} for keys and values, {@link
 * io.tributary.sdk.converter.HeaderConverter} for header values. The runtime ships string, bytes and
 * JSON converters; plugins may add their own.
 */
@Stable
package io.tributary.sdk.converter;

import io.tributary.sdk.annotation.Stable;
