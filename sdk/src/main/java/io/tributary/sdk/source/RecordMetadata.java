package io.tributary.sdk.source;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.connector.TopicPartition;
import java.util.Objects;

/**
 * Where Kafka stored a record a source task produced.
 *
 * @param topicPartition the topic and partition the record went to; never null
 * @param offset the record's offset in the partition; -1 if the producer did not learn it
 * @param timestamp the record's timestamp in milliseconds since the epoch; -1 if unknown
 */
@Stable
public record RecordMetadata(TopicPartition topicPartition, long offset, long timestamp) {
    /** Checks that the topic partition is given. */
    public RecordMetadata {
        Objects.requireNonNull(topicPartition, "topicPartition");
    }

    /** @return the topic the record went to */
    public String topic() {
        return topicPartition.topic();
    }

    /** @return the partition the record went to */
    public int partition() {
        return topicPartition.partition();
    }
}
