/**
 * The data model of keys, values and headers: {@link io.tributary.sdk.data.Schema} and {@link
 * io.tributary.sdk.data.SchemaBuilder} describe shapes, {@link io.tributary.sdk.data.Struct} holds a
 * structured value checked against its schema, the logical types {@link io.tributary.sdk.data.Decimal},
 * {@link io.tributary.sdk.data.Date}, {@link io.tributary.sdk.data.Time} and {@link
 * io.tributary.sdk.data.Timestamp} give meaning to primitive encodings, and {@link
 * io.tributary.sdk.data.Values} converts values between types and infers schemas. Everything here is
 * immutable once built and safe to share between threads.
 */
@Stable
package io.tributary.sdk.data;

import io.tributary.sdk.annotation.Stable;
