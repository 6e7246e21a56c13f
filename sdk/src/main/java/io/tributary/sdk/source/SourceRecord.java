package io.tributary.sdk.source;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.header.Headers;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A record a source task produces for Kafka, with the source partition and offset that say where in
 * the external system it came from. Immutable; build one with {@link #builder()}:
 *
 * <pre>{@code
 * SourceRecord record = SourceRecord.builder()
 *         .sourcePartition(Map.of("file", "/var/log/app.log"))
 *         .sourceOffset(Map.of("position", 4096L))
 *         .topic("app-logs")
 *         .value(Schema.STRING_SCHEMA, line)
 *         .build();
 * }</pre>
 *
 * <p>Source partitions and offsets are maps of strings, numbers, booleans, or lists and maps of those.
 * A record with empty maps carries no offset, and nothing is committed for it.
 */
@Stable
public final class SourceRecord extends ConnectRecord<SourceRecord> {
    private final Map<String, ?> sourcePartition;
    private final Map<String, ?> sourceOffset;

    private SourceRecord(
            Map<String, ?> sourcePartition,
            Map<String, ?> sourceOffset,
            String topic,
            Integer partition,
            Schema keySchema,
            Object key,
            Schema valueSchema,
            Object value,
            Long timestamp,
            Headers headers) {
        super(topic, partition, keySchema, key, valueSchema, value, timestamp, headers);
        this.sourcePartition = sourcePartition;
        this.sourceOffset = sourceOffset;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return where in the external system the record came from; unmodifiable, never null */
    public Map<String, ?> sourcePartition() {
        return sourcePartition;
    }

    /** @return the position within the source partition; unmodifiable, never null */
    public Map<String, ?> sourceOffset() {
        return sourceOffset;
    }

    @Override
    public SourceRecord newRecord(
            String topic,
            Integer partition,
            Schema keySchema,
            Object key,
            Schema valueSchema,
            Object value,
            Long timestamp,
            Headers headers) {
        return new SourceRecord(
                sourcePartition,
                sourceOffset,
                topic,
                partition,
                keySchema,
                key,
                valueSchema,
                value,
                timestamp,
                headers);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o)
                && sourcePartition.equals(((SourceRecord) o).sourcePartition)
                && sourceOffset.equals(((SourceRecord) o).sourceOffset);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), sourcePartition, sourceOffset);
    }

    @Override
    public String toString() {
        return "SourceRecord{sourcePartition=" + sourcePartition + ", sourceOffset=" + sourceOffset + ", "
                + describeCommonFields() + "}";
    }

    /** Builds a {@link SourceRecord}; the topic is required, everything else optional. Not thread-safe. */
    public static final class Builder {
        // The JDK's immutable map types: nothing can change a map of these types, so a record keeps such a map
        // instead of a copy. Map.of, Map.ofEntries and Map.copyOf make maps of the first two;
        // Collections.unmodifiableMap is not among them: it is a view of a map that can still change.
        private static final Class<?> MAP_OF_ONE = Map.of("", "").getClass();
        private static final Class<?> MAP_OF_NONE_OR_MANY = Map.of().getClass();
        private static final Class<?> EMPTY_MAP = Collections.emptyMap().getClass();
        private static final Class<?> SINGLETON_MAP =
                Collections.singletonMap("", "").getClass();

        private Map<String, ?> sourcePartition = Map.of();
        private Map<String, ?> sourceOffset = Map.of();
        private String topic;
        private Integer partition;
        private Schema keySchema;
        private Object key;
        private Schema valueSchema;
        private Object value;
        private Long timestamp;
        private Headers headers = Headers.empty();

        private Builder() {}

        /** @param partition where in the external system the record came from; never null @return this */
        public Builder sourcePartition(Map<String, ?> partition) {
            this.sourcePartition = frozen(partition, "sourcePartition");
            return this;
        }

        /** @param offset the position within the source partition; never null @return this */
        public Builder sourceOffset(Map<String, ?> offset) {
            this.sourceOffset = frozen(offset, "sourceOffset");
            return this;
        }

        /** @param topicName the Kafka topic to write to; never null @return this */
        public Builder topic(String topicName) {
            this.topic = Objects.requireNonNull(topicName, "topic");
            return this;
        }

        /** @param kafkaPartition the Kafka partition; null lets the producer choose @return this */
        public Builder partition(Integer kafkaPartition) {
            this.partition = kafkaPartition;
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

        /** @param epochMillis the record's timestamp; null for the producer's clock @return this */
        public Builder timestamp(Long epochMillis) {
            this.timestamp = epochMillis;
            return this;
        }

        /** @param recordHeaders the headers; never null @return this */
        public Builder headers(Headers recordHeaders) {
            this.headers = Objects.requireNonNull(recordHeaders, "headers");
            return this;
        }

        /**
         * @return the record
         * @throws IllegalStateException if no topic was set
         */
        public SourceRecord build() {
            if (topic == null) {
                throw new IllegalStateException("A SourceRecord needs a topic: call topic(...) before build()");
            }
            return new SourceRecord(
                    sourcePartition,
                    sourceOffset,
                    topic,
                    partition,
                    keySchema,
                    key,
                    valueSchema,
                    value,
                    timestamp,
                    headers);
        }

        /**
         * Returns a map the record can keep: the given map itself when no one can change it, otherwise an
         * unmodifiable copy in the same order, with null values kept. Tasks mostly give maps made with {@code
         * Map.of}, which are kept as they are: most records copy nothing.
         */
        private static Map<String, ?> frozen(Map<String, ?> map, String what) {
            Objects.requireNonNull(map, what);
            Class<?> type = map.getClass();
            if (type == MAP_OF_ONE || type == MAP_OF_NONE_OR_MANY || type == EMPTY_MAP || type == SINGLETON_MAP) {
                return map;
            }
            if (map.isEmpty()) {
                return Map.of();
            }
            if (map.size() == 1) {
                Map.Entry<String, ?> only = map.entrySet().iterator().next();
                return Collections.singletonMap(only.getKey(), only.getValue());
            }
            return Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }
    }
}
