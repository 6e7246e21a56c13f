package io.tributary.connect.convert;

import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.TimestampType;
import io.tributary.sdk.source.RecordMetadata;
import io.tributary.sdk.source.SourceRecord;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Records, record metadata and topic partitions between the SDK and Kafka Connect, both ways. */
public final class ConnectRecords {
    private ConnectRecords() {}

    /** A record a Connect source task polled, as the worker sends it. */
    public static SourceRecord toSdk(org.apache.kafka.connect.source.SourceRecord record) {
        Schema keySchema = ConnectData.toSdk(record.keySchema());
        Schema valueSchema = ConnectData.toSdk(record.valueSchema());
        SourceRecord.Builder builder = SourceRecord.builder()
                .sourcePartition(record.sourcePartition())
                .sourceOffset(record.sourceOffset())
                .topic(record.topic())
                .partition(record.kafkaPartition())
                .key(keySchema, ConnectData.toSdk(record.keySchema(), record.key()))
                .value(valueSchema, ConnectData.toSdk(record.valueSchema(), record.value()))
                .timestamp(record.timestamp())
                .headers(ConnectData.toSdk(record.headers()));
        return builder.build();
    }

    /** The record again as the Connect task made it, for its {@code commitRecord}: a plain Connect record. */
    public static org.apache.kafka.connect.source.SourceRecord toConnect(SourceRecord record) {
        return new org.apache.kafka.connect.source.SourceRecord(
                record.sourcePartition(),
                record.sourceOffset(),
                record.topic(),
                record.kafkaPartition(),
                ConnectData.toConnect(record.keySchema()),
                ConnectData.toConnect(record.keySchema(), record.key()),
                ConnectData.toConnect(record.valueSchema()),
                ConnectData.toConnect(record.valueSchema(), record.value()),
                record.timestamp(),
                ConnectData.toConnect(record.headers()));
    }

    /** A record an SDK task polled, as Connect's worker takes it: a Connect record that keeps the SDK one. */
    public static SdkSourceRecord toConnectPolled(SourceRecord record) {
        return new SdkSourceRecord(record);
    }

    /**
     * Connect's source record of an SDK one, holding the SDK record it was made from: Connect gives the record
     * its task polled back to {@code commitRecord}, and the SDK task then gets its own record back, unconverted.
     * Copies that Connect's transformations make are plain Connect records. Two of these are equal when they hold
     * the same SDK record, so a record an SDK task names to its transaction context is the one Connect polled.
     */
    public static final class SdkSourceRecord extends org.apache.kafka.connect.source.SourceRecord {
        private final SourceRecord sdk;

        SdkSourceRecord(SourceRecord record) {
            super(
                    record.sourcePartition(),
                    record.sourceOffset(),
                    record.topic(),
                    record.kafkaPartition(),
                    ConnectData.toConnect(record.keySchema()),
                    ConnectData.toConnect(record.keySchema(), record.key()),
                    ConnectData.toConnect(record.valueSchema()),
                    ConnectData.toConnect(record.valueSchema(), record.value()),
                    record.timestamp(),
                    ConnectData.toConnect(record.headers()));
            this.sdk = record;
        }

        /** @return the SDK record this one was made from */
        public SourceRecord sdk() {
            return sdk;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SdkSourceRecord other && other.sdk == sdk;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(sdk);
        }
    }

    /** A record the worker read, as a Connect sink task takes it. */
    public static org.apache.kafka.connect.sink.SinkRecord toConnect(SinkRecord record) {
        return new org.apache.kafka.connect.sink.SinkRecord(
                record.topic(),
                record.kafkaPartition(),
                ConnectData.toConnect(record.keySchema()),
                ConnectData.toConnect(record.keySchema(), record.key()),
                ConnectData.toConnect(record.valueSchema()),
                ConnectData.toConnect(record.valueSchema(), record.value()),
                record.kafkaOffset(),
                record.timestamp(),
                toConnect(record.timestampType()),
                ConnectData.toConnect(record.headers()),
                record.originalTopicPartition().topic(),
                record.originalTopicPartition().partition(),
                record.originalKafkaOffset());
    }

    /** A record a Connect worker gives a sink task, or one a Connect sink task made itself, as the SDK's. */
    public static SinkRecord toSdk(org.apache.kafka.connect.sink.SinkRecord record) {
        Schema keySchema = ConnectData.toSdk(record.keySchema());
        Schema valueSchema = ConnectData.toSdk(record.valueSchema());
        return SinkRecord.builder()
                .topic(record.topic())
                .partition(record.kafkaPartition())
                .kafkaOffset(record.kafkaOffset())
                .key(keySchema, ConnectData.toSdk(record.keySchema(), record.key()))
                .value(valueSchema, ConnectData.toSdk(record.valueSchema(), record.value()))
                .timestamp(record.timestamp(), toSdk(record.timestampType()))
                .headers(ConnectData.toSdk(record.headers()))
                .original(originalPartition(record), originalOffset(record))
                .build();
    }

    // Connect 3.6 and later tell where a record was read before transformations changed its topic or
    // partition; before, the record's own coordinates are all there is.
    private static TopicPartition originalPartition(org.apache.kafka.connect.sink.SinkRecord record) {
        try {
            return new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
        } catch (NoSuchMethodError olderConnect) {
            return new TopicPartition(record.topic(), record.kafkaPartition());
        }
    }

    private static long originalOffset(org.apache.kafka.connect.sink.SinkRecord record) {
        try {
            return record.originalKafkaOffset();
        } catch (NoSuchMethodError olderConnect) {
            return record.kafkaOffset();
        }
    }

    /** Connect's record of the same kind as an SDK source or sink record. */
    @SuppressWarnings("rawtypes")
    public static org.apache.kafka.connect.connector.ConnectRecord toConnectRecord(ConnectRecord<?> record) {
        if (record instanceof SourceRecord source) {
            return toConnect(source);
        }
        if (record instanceof SinkRecord sink) {
            return toConnect(sink);
        }
        throw new IllegalArgumentException("A Kafka Connect plugin takes source or sink records, not "
                + record.getClass().getName());
    }

    /**
     * Gives a record to a Connect function as Connect's record of its kind, and returns what the function
     * returned as the SDK's; null, a dropped record, stays null.
     */
    @SuppressWarnings("rawtypes")
    public static ConnectRecord<?> apply(
            ConnectRecord<?> record,
            Function<org.apache.kafka.connect.connector.ConnectRecord, org.apache.kafka.connect.connector.ConnectRecord>
                    function) {
        Object result = function.apply(toConnectRecord(record));
        if (result == null) {
            return null;
        }
        if (result instanceof org.apache.kafka.connect.source.SourceRecord source) {
            return toSdk(source);
        }
        if (result instanceof org.apache.kafka.connect.sink.SinkRecord sink) {
            return toSdk(sink);
        }
        throw new IllegalStateException("The Kafka Connect transformation returned a "
                + result.getClass().getName() + " for a " + record.getClass().getSimpleName());
    }

    /** @return the SDK's metadata of a record Kafka acknowledged; null, for a record never sent, stays null */
    public static RecordMetadata toSdk(org.apache.kafka.clients.producer.RecordMetadata metadata) {
        if (metadata == null) {
            return null;
        }
        return new RecordMetadata(
                new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset(), metadata.timestamp());
    }

    public static org.apache.kafka.clients.producer.RecordMetadata toConnect(RecordMetadata metadata) {
        if (metadata == null) {
            return null;
        }
        return new org.apache.kafka.clients.producer.RecordMetadata(
                toConnect(metadata.topicPartition()), metadata.offset(), 0, metadata.timestamp(), -1, -1);
    }

    public static org.apache.kafka.common.TopicPartition toConnect(TopicPartition partition) {
        return new org.apache.kafka.common.TopicPartition(partition.topic(), partition.partition());
    }

    public static TopicPartition toSdk(org.apache.kafka.common.TopicPartition partition) {
        return new TopicPartition(partition.topic(), partition.partition());
    }

    public static Set<org.apache.kafka.common.TopicPartition> toConnect(Collection<TopicPartition> partitions) {
        Set<org.apache.kafka.common.TopicPartition> converted = new LinkedHashSet<>();
        partitions.forEach(p -> converted.add(toConnect(p)));
        return converted;
    }

    public static TopicPartition[] toSdk(org.apache.kafka.common.TopicPartition... partitions) {
        TopicPartition[] converted = new TopicPartition[partitions.length];
        for (int i = 0; i < partitions.length; i++) {
            converted[i] = toSdk(partitions[i]);
        }
        return converted;
    }

    public static Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata>
            offsetsToConnect(Map<TopicPartition, Long> offsets) {
        Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> converted =
                new LinkedHashMap<>();
        offsets.forEach((partition, offset) ->
                converted.put(toConnect(partition), new org.apache.kafka.clients.consumer.OffsetAndMetadata(offset)));
        return converted;
    }

    public static Map<TopicPartition, Long> offsetsToSdk(
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> offsets) {
        Map<TopicPartition, Long> converted = new LinkedHashMap<>();
        if (offsets != null) {
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    converted.put(toSdk(partition), offset.offset());
                }
            });
        }
        return converted;
    }

    public static Map<org.apache.kafka.common.TopicPartition, Long> positionsToConnect(
            Map<TopicPartition, Long> offsets) {
        Map<org.apache.kafka.common.TopicPartition, Long> converted = new LinkedHashMap<>();
        offsets.forEach((partition, offset) -> converted.put(toConnect(partition), offset));
        return converted;
    }

    /** @return the partitions as the SDK's, in order */
    public static Set<TopicPartition> toSdk(Collection<org.apache.kafka.common.TopicPartition> partitions) {
        Set<TopicPartition> converted = new LinkedHashSet<>();
        partitions.forEach(p -> converted.add(toSdk(p)));
        return converted;
    }

    /** @return the partitions as Connect's */
    public static org.apache.kafka.common.TopicPartition[] toConnect(TopicPartition... partitions) {
        org.apache.kafka.common.TopicPartition[] converted =
                new org.apache.kafka.common.TopicPartition[partitions.length];
        for (int i = 0; i < partitions.length; i++) {
            converted[i] = toConnect(partitions[i]);
        }
        return converted;
    }

    public static Map<TopicPartition, Long> positionsToSdk(Map<org.apache.kafka.common.TopicPartition, Long> offsets) {
        Map<TopicPartition, Long> converted = new LinkedHashMap<>();
        offsets.forEach((partition, offset) -> converted.put(toSdk(partition), offset));
        return converted;
    }

    private static org.apache.kafka.common.record.TimestampType toConnect(TimestampType type) {
        if (type == null) {
            return org.apache.kafka.common.record.TimestampType.NO_TIMESTAMP_TYPE;
        }
        return switch (type) {
            case NO_TIMESTAMP_TYPE -> org.apache.kafka.common.record.TimestampType.NO_TIMESTAMP_TYPE;
            case CREATE_TIME -> org.apache.kafka.common.record.TimestampType.CREATE_TIME;
            case LOG_APPEND_TIME -> org.apache.kafka.common.record.TimestampType.LOG_APPEND_TIME;
        };
    }

    private static TimestampType toSdk(org.apache.kafka.common.record.TimestampType type) {
        if (type == null) {
            return TimestampType.NO_TIMESTAMP_TYPE;
        }
        return switch (type) {
            case NO_TIMESTAMP_TYPE -> TimestampType.NO_TIMESTAMP_TYPE;
            case CREATE_TIME -> TimestampType.CREATE_TIME;
            case LOG_APPEND_TIME -> TimestampType.LOG_APPEND_TIME;
        };
    }
}
