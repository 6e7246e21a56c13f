/**
 * The contracts every connector and task shares: {@link io.tributary.sdk.connector.Connector} and
 * {@link io.tributary.sdk.connector.Task}, the contexts through which they reach the runtime, {@link
 * io.tributary.sdk.connector.ConnectRecord}, the base of source and sink records, and the identifiers
 * {@link io.tributary.sdk.connector.TopicPartition} and {@link io.tributary.sdk.connector.TaskId}. The
 * kinds of connector live in {@code io.tributary.sdk.source} and {@code io.tributary.sdk.sink}.
 */
@Stable
package io.tributary.sdk.connector;

import io.tributary.sdk.annotation.Stable;
