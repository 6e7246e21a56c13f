/**
 * The SDK's exceptions. {@link io.tributary.sdk.errors.TributaryException} is the unchecked root;
 * {@link io.tributary.sdk.errors.RetriableException} tells the runtime that trying again may succeed,
 * while every other subtype is fatal to the operation that threw it. {@link
 * io.tributary.sdk.errors.DataException} marks a problem with one record's data, {@link
 * io.tributary.sdk.errors.ConfigException} a problem with configuration. Messages say what is wrong
 * and what to do about it.
 */
@Stable
package io.tributary.sdk.errors;

import io.tributary.sdk.annotation.Stable;
