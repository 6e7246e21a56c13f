package io.tributary.sdk.sink;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.header.Headers;
import java.util.Objects;

/**
 * A record read from Kafka for a sink task, with the offset it had in its partition. Immutable.
 *
 * <p>Transformations may change a record's topic and partition before the task sees it. {@link
 * #originalTopicPartition()} and {@link #originalKafkaOffset()} keep where it was read from, which is
 * what a task that tracks offsets itself must report; {@link #kafkaOffset()} is the offset the record
 * had when it was read, in the partition it was read from.
 *
 * <p>The runtime builds sink records; tests build them with {@link #builder()}.
 */
@Stable
public final class SinkRecord extends ConnectRecord<SinkRecord> {
    private final long kafkaOffset;
    private final TimestampType timestampType;
    private final TopicPartition originalTopicPartition;
    private final long originalKafkaOffset;

    private SinkRecord(Builder b, TopicPartition original, long originalOffset) {
        this(
                b.topic,
                b.partition,
                b.keySchema,
                b.key,
                b.valueSchema,
                b.value,
                b.timestamp,
                b.headers,
                b.kafkaOffset,
                b.timestampType,
                original,
                originalOffset);
    }

    private SinkRecord(
            String topic,
            Integer partition,
            Schema keySchema,
            Object key,
            Schema valueSchema,
            Object value,
            Long timestamp,
            Headers headers,
            long kafkaOffset,
            TimestampType timestampType,
            TopicPartition originalTopicPartition,
            long originalKafkaOffset) {
        super(topic, partition, keySchema, key, valueSchema, value, timestamp, headers);
        this.kafkaOffset = kafkaOffset;
        this.timestampType = timestampType;
        this.originalTopicPartition = originalTopicPartition;
        this.originalKafkaOffset = originalKafkaOffset;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the record's offset in the partition it was read from */
    public long kafkaOffset() {
        return kafkaOffset;
    }

    /** @return what the timestamp means; never null */
    public TimestampType timestampType() {
        return timestampType;
    }

    /** @return the topic and partition the record was read from, before any transformation; never null */
    public TopicPartition originalTopicPartition() {
        return originalTopicPartition;
    }

    /** @return the offset the record was read at, before any transformation */
    public long originalKafkaOffset() {
        return originalKafkaOffset;
    }

    @Override
    public SinkRecord newRecord(
            String topic,
            Integer partition,
            Schema keySchema,
            Object key,
            Schema valueSchema,
            Object value,
            Long timestamp,
            Headers headers) {
        return new SinkRecord(
                topic,
                partition,
                keySchema,
                key,
                valueSchema,
                value,
                timestamp,
                headers,
                kafkaOffset,
                timestampType,
                originalTopicPartition,
                originalKafkaOffset);
    }

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) {
            return false;
        }
        SinkRecord other = (SinkRecord) o;
        return kafkaOffset == other.kafkaOffset
                && timestampType == other.timestampType
                && originalTopicPartition.equals(other.originalTopicPartition)
                && originalKafkaOffset == other.originalKafkaOffset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), kafkaOffset, timestampType, originalTopicPartition, originalKafkaOffset);
    }

    @Override
    public String toString() {
        return "SinkRecord{kafkaOffset=" + kafkaOffset + ", timestampType=" + timestampType + ", "
                + describeCommonFields() + "}";
    }

    /**
     * Builds a {@link SinkRecord}. Topic, partition and offset are required; the original topic,
     * partition and offset default to them. Not thread-safe.
     */
    public static final class Builder {
        private String topic;
        private Integer partition;
        private Schema keySchema;
        private Object key;
        private Schema valueSchema;
        private Object value;
        private Long timestamp;
        private TimestampType timestampType = TimestampType.NO_TIMESTAMP_TYPE;
        private Headers headers = Headers.empty();
        // Offsets are kept unboxed, with a flag for whether one was set: the runtime builds a record per record
        // read, and a Long per offset would be garbage it makes for nothing.
        private long kafkaOffset;
        private boolean kafkaOffsetSet;
        private TopicPartition originalTopicPartition;
        private long originalKafkaOffset;

        private Builder() {}

        /** @param topicName the topic the record was read from; never null @return this */
        public Builder topic(String topicName) {
            this.topic = Objects.requireNonNull(topicName, "topic");
            return this;
        }

        /** @param kafkaPartition the partition the record was read from @return this */
        public Builder partition(int kafkaPartition) {
            this.partition = kafkaPartition;
            return this;
        }

        /** @param offset the record's offset in its partition @return this */
        public Builder kafkaOffset(long offset) {
            this.kafkaOffset = offset;
            this.kafkaOffsetSet = true;
            return this;
        }

        /**
         * @param schema the key's schema; null for a schemaless key
         * @param keyValue the key; may be null
         * @return this builder
         */
        public Builder key(Schema schema, Object keyValue) {
            this.keySchema = schema;
            this.key = keyValue;
            return this;
        }

        /**
         * @param schema the value's schema; null for a schemaless value
         * @param valueValue the value; null for a tombstone
         * @return this builder
         */
        public Builder value(Schema schema, Object valueValue) {
            this.valueSchema = schema;
            this.value = valueValue;
            return this;
        }

        /**
         * @param epochMillis the record's timestamp; null for none
         * @param type what the timestamp means; never null
         * @return this builder
         */
        public Builder timestamp(Long epochMillis, TimestampType type) {
            this.timestamp = epochMillis;
            this.timestampType = Objects.requireNonNull(type, "timestampType");
            return this;
        }

        /** @param recordHeaders the headers; never null @return this */
        public Builder headers(Headers recordHeaders) {
            this.headers = Objects.requireNonNull(recordHeaders, "headers");
            return this;
        }

        /**
         * Sets where the record was read from, when the record was changed since.
         *
         * @param topicPartition the topic and partition it was read from; never null
         * @param offset the offset it was read at
         * @return this builder
         */
        public Builder original(TopicPartition topicPartition, long offset) {
            this.originalTopicPartition = Objects.requireNonNull(topicPartition, "topicPartition");
            this.originalKafkaOffset = offset;
            return this;
        }

        /**
         * @return the record
         * @throws IllegalStateException if topic, partition or offset is missing
         */
        public SinkRecord build() {
            if (topic == null || partition == null || !kafkaOffsetSet) {
                throw missingFields();
            }
            if (originalTopicPartition == null) {
                return new SinkRecord(this, new TopicPartition(topic, partition), kafkaOffset);
            }
            return new SinkRecord(this, originalTopicPartition, originalKafkaOffset);
        }

        private IllegalStateException missingFields() {
            java.util.List<String> missing = new java.util.ArrayList<>();
            if (topic == null) {
                missing.add("topic");
            }
            if (partition == null) {
                missing.add("partition");
            }
            if (!kafkaOffsetSet) {
                missing.add("kafkaOffset");
            }
            return new IllegalStateException("A SinkRecord needs topic(...), partition(...) and kafkaOffset(...);"
                    + " missing: " + String.join(", ", missing));
        }
    }
}
