/**
 * Record headers: {@link io.tributary.sdk.header.Header} is one key with a value and its schema,
 * {@link io.tributary.sdk.header.Headers} the ordered, immutable set of them that every record
 * carries. Header values are converted to and from bytes by a {@link
 * io.tributary.sdk.converter.HeaderConverter}.
 */
@Stable
package io.tributary.sdk.header;

import io.tributary.sdk.annotation.Stable;
