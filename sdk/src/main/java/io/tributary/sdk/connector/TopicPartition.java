package io.tributary.sdk.connector;

import io.tributary.sdk.annotation.Stable;
import java.util.Objects;

/**
 * A partition of a Kafka topic.
 *
 * @param topic the topic's name; never null
 * @param partition the partition's number, from 0
 */
@Stable
public record TopicPartition(String topic, int partition) {
    /** Checks that the topic is named and the partition is not negative. */
    public TopicPartition {
        Objects.requireNonNull(topic, "topic");
        if (partition < 0) {
            throw new IllegalArgumentException(
                    "Partition of topic '" + topic + "' must be 0 or more, got " + partition);
        }
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
