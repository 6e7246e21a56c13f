package io.tributary.sdk.connector;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.header.Headers;
import java.util.Objects;

/**
 * What source and sink records share: a topic, an optional partition, a key and a value each with an
 * optional schema, an optional timestamp and headers. Records are immutable; the {@code with...}
 * methods return changed copies of the same record type, which is how transformations change them.
 *
 * <p>A record does not check its key and value against their schemas (converters do, once per
 * record): build records from values that fit, or call {@link Schema#validateValue(Object)}.
 *
 * @param <R> the concrete record type, so copies keep their type
 */
@Stable
public abstract class ConnectRecord<R extends ConnectRecord<R>> {
    private final String topic;
    private final Integer partition;
    private final Schema keySchema;
    private final Object key;
    private final Schema valueSchema;
    private final Object value;
    private final Long timestamp;
    private final Headers headers;

    /**
     * For the record types of this SDK; connectors build records with their builders.
     *
     * @param topic the topic; never null
     * @param partition the partition; null to let the producer choose
     * @param keySchema the key's schema; null for schemaless keys
     * @param key the key; may be null
     * @param valueSchema the value's schema; null for schemaless values
     * @param value the value; null for a tombstone
     * @param timestamp milliseconds since the epoch; null for none
     * @param headers the headers; null for none
     */
    protected ConnectRecord(
            String topic,
            Integer partition,
            Schema keySchema,
            Object key,
            Schema valueSchema,
            Object value,
            Long timestamp,
            Headers headers) {
        this.topic = Objects.requireNonNull(topic, "A record needs a topic");
        if (partition != null && partition < 0) {
            throw new IllegalArgumentException(
                    "The partition of a record for topic '" + topic + "' must be 0 or more, got " + partition);
        }
        if (timestamp != null && timestamp < 0) {
            throw new IllegalArgumentException(
                    "The timestamp of a record for topic '" + topic + "' must be 0 or more, got " + timestamp);
        }
        this.partition = partition;
        this.keySchema = keySchema;
        this.key = key;
        this.valueSchema = valueSchema;
        this.value = value;
        this.timestamp = timestamp;
        this.headers = headers != null ? headers : Headers.empty();
    }

    /** @return the topic; never null */
    public String topic() {
        return topic;
    }

    /** @return the Kafka partition; null when the producer chooses */
    public Integer kafkaPartition() {
        return partition;
    }

    /** @return the key's schema; null for a schemaless key */
    public Schema keySchema() {
        return keySchema;
    }

    /** @return the key; may be null */
    public Object key() {
        return key;
    }

    /** @return the value's schema; null for a schemaless value */
    public Schema valueSchema() {
        return valueSchema;
    }

    /** @return the value; null for a tombstone */
    public Object value() {
        return value;
    }

    /** @return milliseconds since the epoch; null when the record has no timestamp */
    public Long timestamp() {
        return timestamp;
    }

    /** @return the headers; never null */
    public Headers headers() {
        return headers;
    }

    /**
     * Makes a record of this type with the given Kafka-facing fields and every other field (source
     * offsets, Kafka offsets) copied from this one. Transformations that change several fields at
     * once call this; the {@code with...} methods are shortcuts for one field.
     *
     * @param topic the topic; never null
     * @param partition the partition; may be null
     * @param keySchema the key's schema; may be null
     * @param key the key; may be null
     * @param valueSchema the value's schema; may be null
     * @param value the value; may be null
     * @param timestamp the timestamp; may be null
     * @param headers the headers; null for none
     * @return a new record
     */
    public abstract R newRecord(
            String topic,
            Integer partition,
            Schema keySchema,
            Object key,
            Schema valueSchema,
            Object value,
            Long timestamp,
            Headers headers);

    /** @param newTopic the topic of the copy @return a copy in another topic */
    public R withTopic(String newTopic) {
        return newRecord(newTopic, partition, keySchema, key, valueSchema, value, timestamp, headers);
    }

    /** @param newPartition the partition of the copy; may be null @return a copy for another partition */
    public R withKafkaPartition(Integer newPartition) {
        return newRecord(topic, newPartition, keySchema, key, valueSchema, value, timestamp, headers);
    }

    /**
     * @param newKeySchema the copy's key schema; may be null
     * @param newKey the copy's key; may be null
     * @return a copy with another key
     */
    public R withKey(Schema newKeySchema, Object newKey) {
        return newRecord(topic, partition, newKeySchema, newKey, valueSchema, value, timestamp, headers);
    }

    /**
     * @param newValueSchema the copy's value schema; may be null
     * @param newValue the copy's value; may be null
     * @return a copy with another value
     */
    public R withValue(Schema newValueSchema, Object newValue) {
        return newRecord(topic, partition, keySchema, key, newValueSchema, newValue, timestamp, headers);
    }

    /** @param newTimestamp the copy's timestamp; may be null @return a copy with another timestamp */
    public R withTimestamp(Long newTimestamp) {
        return newRecord(topic, partition, keySchema, key, valueSchema, value, newTimestamp, headers);
    }

    /** @param newHeaders the copy's headers; null for none @return a copy with other headers */
    public R withHeaders(Headers newHeaders) {
        return newRecord(topic, partition, keySchema, key, valueSchema, value, timestamp, newHeaders);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        ConnectRecord<?> other = (ConnectRecord<?>) o;
        return topic.equals(other.topic)
                && Objects.equals(partition, other.partition)
                && Objects.equals(keySchema, other.keySchema)
                && Objects.deepEquals(key, other.key)
                && Objects.equals(valueSchema, other.valueSchema)
                && Objects.deepEquals(value, other.value)
                && Objects.equals(timestamp, other.timestamp)
                && headers.equals(other.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, keySchema, valueSchema, timestamp, headers);
    }

    /** @return the fields shared by all records, for the {@code toString} of subclasses */
    protected String describeCommonFields() {
        return "topic='" + topic + "', partition=" + partition + ", key=" + key + ", keySchema=" + keySchema
                + ", value=" + value + ", valueSchema=" + valueSchema + ", timestamp=" + timestamp + ", headers="
                + headers;
    }
}
