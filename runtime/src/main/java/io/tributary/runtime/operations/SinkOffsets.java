package io.tributary.runtime.operations;

import io.tributary.runtime.control.ControlException;
import io.tributary.runtime.control.ControlException.Reason;
import io.tributary.runtime.control.PartitionOffset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.GroupSubscribedToTopicException;
import org.apache.kafka.common.errors.UnknownMemberIdException;

/**
 * A sink connector's offsets: those its consumer group committed, shown in Kafka Connect's fixed shape, a
 * partition of {@code kafka_topic} and {@code kafka_partition} and an offset of {@code kafka_offset}.
 */
public final class SinkOffsets {
    /** The partition key naming the topic. */
    public static final String TOPIC = "kafka_topic";

    /** The partition key naming the partition number. */
    public static final String PARTITION = "kafka_partition";

    /** The offset key holding the position. */
    public static final String OFFSET = "kafka_offset";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private SinkOffsets() {}

    /**
     * @param admin an admin client of the connector's cluster
     * @param group the connector's consumer group
     * @return its committed offsets, by topic and partition
     */
    public static List<PartitionOffset> read(Admin admin, String group) {
        Map<TopicPartition, OffsetAndMetadata> committed =
                await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(), "read the offsets of");
        List<PartitionOffset> offsets = new ArrayList<>();
        committed.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .sorted(Comparator.comparing((Map.Entry<TopicPartition, OffsetAndMetadata> e) ->
                                e.getKey().topic())
                        .thenComparingInt(e -> e.getKey().partition()))
                .forEach(e -> offsets.add(new PartitionOffset(
                        partition(e.getKey()), Map.of(OFFSET, e.getValue().offset()))));
        return offsets;
    }

    /**
     * Checks that offsets are in the sink shape.
     *
     * @param offsets offsets as a client gave them
     * @return the offset of each partition, null where it is to be erased
     * @throws ControlException BAD_REQUEST naming the first entry not in the sink shape
     */
    public static Map<TopicPartition, Long> parse(List<PartitionOffset> offsets) {
        Map<TopicPartition, Long> parsed = new LinkedHashMap<>();
        for (PartitionOffset entry : offsets) {
            TopicPartition partition = topicPartition(entry.partition());
            parsed.put(partition, entry.offset() == null ? null : offset(entry.offset(), partition));
        }
        return parsed;
    }

    /**
     * Sets or erases offsets in the connector's consumer group.
     *
     * @param admin an admin client of the connector's cluster
     * @param group the connector's consumer group
     * @param offsets the offset of each partition, null to erase it, as {@link #parse(List)} gives them
     */
    public static void alter(Admin admin, String group, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> toSet = new HashMap<>();
        Set<TopicPartition> toErase = new HashSet<>();
        offsets.forEach((partition, offset) -> {
            if (offset == null) {
                toErase.add(partition);
            } else {
                toSet.put(partition, new OffsetAndMetadata(offset));
            }
        });
        if (!toSet.isEmpty()) {
            await(admin.alterConsumerGroupOffsets(group, toSet).all(), "alter the offsets of");
        }
        if (!toErase.isEmpty()) {
            try {
                await(admin.deleteConsumerGroupOffsets(group, toErase).all(), "erase offsets of");
            } catch (ControlException e) {
                // A group that never committed has nothing to erase.
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Erases every offset of the connector's consumer group, by deleting the group.
     *
     * @param admin an admin client of the connector's cluster
     * @param group the connector's consumer group
     */
    public static void reset(Admin admin, String group) {
        try {
            await(admin.deleteConsumerGroups(List.of(group)).all(), "delete");
        } catch (ControlException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
        }
    }

    private static Map<String, Object> partition(TopicPartition partition) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put(TOPIC, partition.topic());
        shown.put(PARTITION, partition.partition());
        return shown;
    }

    private static TopicPartition topicPartition(Map<String, Object> partition) {
        if (partition == null) {
            throw ControlException.badRequest("The partition for a sink connector offset cannot be null or missing");
        }
        if (!partition.containsKey(TOPIC) || !partition.containsKey(PARTITION) || partition.size() != 2) {
            throw ControlException.badRequest("The partition for a sink connector offset must contain the keys '"
                    + TOPIC + "' and '" + PARTITION + "', and no others; got " + partition.keySet());
        }
        if (!(partition.get(TOPIC) instanceof String topic) || topic.isBlank()) {
            throw ControlException.badRequest(
                    "Kafka topic names must be valid strings and may not be null; got " + partition.get(TOPIC));
        }
        long number = whole(partition.get(PARTITION), "Kafka partition", "Partition");
        if (number > Integer.MAX_VALUE) {
            throw ControlException.badRequest("Kafka partition " + number + " is out of range");
        }
        return new TopicPartition(topic, (int) number);
    }

    private static long offset(Map<String, Object> offset, TopicPartition partition) {
        if (!offset.containsKey(OFFSET) || offset.size() != 1) {
            throw ControlException.badRequest("The offset for a sink connector should either be null or contain the"
                    + " key '" + OFFSET + "' and no other; got " + offset.keySet() + " for " + partition);
        }
        return whole(offset.get(OFFSET), "Kafka offset", "Offset");
    }

    /** A partition or offset number: an integer, or a string holding one, 0 or more (Connect takes both). */
    private static long whole(Object value, String what, String kind) {
        long parsed;
        try {
            if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
                parsed = number.longValue();
            } else if (value instanceof String text) {
                parsed = Long.parseLong(text.trim());
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw ControlException.badRequest("Failed to parse the following " + what + " value in the provided"
                    + " offsets: '" + value + "'. " + kind + " values for sink connectors need to be integers.");
        }
        if (parsed < 0) {
            throw ControlException.badRequest(what + " values cannot be negative; got " + parsed);
        }
        return parsed;
    }

    private static <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlException(Reason.UNAVAILABLE, "Interrupted while trying to " + what + " a consumer group");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof GroupNotEmptyException
                    || cause instanceof UnknownMemberIdException
                    || cause instanceof GroupSubscribedToTopicException) {
                throw new ControlException(
                        Reason.CONFLICT,
                        "The connector's consumer group still has members, so its offsets cannot change; wait until"
                                + " its tasks have left the group (session.timeout.ms) and try again",
                        cause);
            }
            throw new ControlException(
                    Reason.UNAVAILABLE, "Could not " + what + " the consumer group: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new ControlException(
                    Reason.UNAVAILABLE,
                    "Kafka did not answer within " + TIMEOUT.toSeconds() + " s when asked to " + what
                            + " a consumer group; check that the brokers are reachable and try again",
                    e);
        }
    }
}
