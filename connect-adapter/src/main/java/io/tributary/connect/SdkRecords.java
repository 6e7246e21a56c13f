package io.tributary.connect;

import io.tributary.connect.convert.ConnectData;
import io.tributary.connect.convert.ConnectRecords;
import io.tributary.sdk.connector.ConnectRecord;

/**
 * Records between Connect's transformations and predicates and the SDK's: a Connect record as the SDK's of its
 * kind, and an SDK result as a copy of the Connect record it came from ({@code newRecord}), so what Connect
 * keeps of a record beyond its data (a source record's partition and offset, a sink record's Kafka offset and
 * the consumer record it was read as) is kept.
 */
final class SdkRecords {
    private SdkRecords() {}

    static ConnectRecord<?> toSdk(org.apache.kafka.connect.connector.ConnectRecord<?> record) {
        if (record instanceof org.apache.kafka.connect.source.SourceRecord source) {
            return source instanceof ConnectRecords.SdkSourceRecord polled
                    ? polled.sdk()
                    : ConnectRecords.toSdk(source);
        }
        if (record instanceof org.apache.kafka.connect.sink.SinkRecord sink) {
            return ConnectRecords.toSdk(sink);
        }
        throw new IllegalArgumentException("A Tributary plugin takes Kafka Connect's source or sink records, not "
                + record.getClass().getName());
    }

    static <R extends org.apache.kafka.connect.connector.ConnectRecord<R>> R toConnect(
            R original, ConnectRecord<?> result) {
        return original.newRecord(
                result.topic(),
                result.kafkaPartition(),
                ConnectData.toConnect(result.keySchema()),
                ConnectData.toConnect(result.keySchema(), result.key()),
                ConnectData.toConnect(result.valueSchema()),
                ConnectData.toConnect(result.valueSchema(), result.value()),
                result.timestamp(),
                ConnectData.toConnect(result.headers()));
    }
}
