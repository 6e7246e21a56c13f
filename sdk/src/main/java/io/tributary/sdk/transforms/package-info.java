/**
 * Single message transformations: a {@link io.tributary.sdk.transforms.Transformation} changes,
 * reroutes or drops one record at a time, and a {@link io.tributary.sdk.transforms.Predicate} decides
 * which records a transformation applies to. The runtime ships the usual transformations and
 * predicates under the names Kafka Connect users know.
 */
@Stable
package io.tributary.sdk.transforms;

import io.tributary.sdk.annotation.Stable;
