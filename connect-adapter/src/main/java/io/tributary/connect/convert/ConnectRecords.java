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

    /** The record again as the Connect task made it, for its {@code commitRecord}. */
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

    /** A record a Connect sink task made itself, such as one it reports as errant. */
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
                .original(
                        new TopicPartition(record.originalTopic(), record.originalKafkaPartition()),
                        record.originalKafkaOffset())
                .build();
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
