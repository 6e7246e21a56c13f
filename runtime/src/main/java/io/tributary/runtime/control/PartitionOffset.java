package io.tributary.runtime.control;

import java.util.Map;

/**
 * A connector's position in one partition. For a source connector, both maps are the connector's own; for
 * a sink connector, the partition has {@code kafka_topic} and {@code kafka_partition} and the offset has
 * {@code kafka_offset}.
 *
 * @param partition the partition
 * @param offset the offset, or null to erase the partition's offset
 */
public record PartitionOffset(Map<String, Object> partition, Map<String, Object> offset) {}
