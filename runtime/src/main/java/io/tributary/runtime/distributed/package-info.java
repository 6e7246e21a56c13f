/**
 * Distributed mode: workers that share a {@code group.id} form one cluster through Kafka alone. Kafka's
 * group membership elects a leader, which spreads connectors and tasks over the members; connector
 * configurations, source offsets and statuses live in compacted topics that every worker reads.
 */
package io.tributary.runtime.distributed;
