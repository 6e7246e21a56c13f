/**
 * Stability markers for the SDK's public types: {@link io.tributary.sdk.annotation.Stable} types keep
 * their contract across minor releases, {@link io.tributary.sdk.annotation.Evolving} types may change
 * in a minor release with notice, and {@link io.tributary.sdk.annotation.Experimental} types may
 * change in any release. A type without a marker takes the marker of its package; a member with a
 * marker of its own, such as an experimental method of a stable interface, takes that one.
 * {@code Experimental} also marks API the runtime does not act on yet; its documentation says what is
 * missing.
 */
package io.tributary.sdk.annotation;
