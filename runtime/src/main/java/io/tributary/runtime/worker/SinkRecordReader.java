package io.tributary.runtime.worker;

import io.tributary.runtime.errors.RetryWithTolerance;
import io.tributary.runtime.errors.Stage;
import io.tributary.runtime.errors.ToleratedFailureException;
import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.sdk.header.Headers;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.TimestampType;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Turns what a sink task's consumer read into the records the task is given: key, value and header
 * converters, then the transformation chain, each stage under the connector's error policy; and, for an
 * errant record whose delivered bytes are no longer held, back into bytes. Used on the task thread.
 */
final class SinkRecordReader {
    private final RetryWithTolerance errors;
    private final TaskConverters converters;
    private final UnaryOperator<SinkRecord> transforms;

    SinkRecordReader(RetryWithTolerance errors, TaskConverters converters, UnaryOperator<SinkRecord> transforms) {
        this.errors = errors;
        this.converters = converters;
        this.transforms = transforms;
    }

    /**
     * @param consumed a record as the consumer returned it
     * @param readFrom the partition it was read from, shared by the records of that partition
     * @param builder builds the record; shared by the records of a poll, as every field is set for each
     * @return the record for the task; null when a transformation dropped it
     * @throws ToleratedFailureException when a stage failed and the error policy skips the record
     */
    SinkRecord read(
            ConsumerRecord<byte[], byte[]> consumed,
            io.tributary.sdk.connector.TopicPartition readFrom,
            SinkRecord.Builder builder)
            throws InterruptedException, ToleratedFailureException {
        // The operations capture nothing, so that running them allocates nothing per record.
        SchemaAndValue key = errors.execute(
                Stage.KEY_CONVERTER,
                converters.key().getClass(),
                consumed,
                null,
                (converter, read) -> converter.toData(read.topic(), read.key()),
                converters.key(),
                consumed);
        SchemaAndValue value = errors.execute(
                Stage.VALUE_CONVERTER,
                converters.value().getClass(),
                consumed,
                null,
                (converter, read) -> converter.toData(read.topic(), read.value()),
                converters.value(),
                consumed);
        org.apache.kafka.common.header.Header[] kafkaHeaders =
                consumed.headers().toArray();
        // The header converter has nothing to do for a record without headers.
        Headers headers = kafkaHeaders.length == 0
                ? Headers.empty()
                : errors.execute(
                        Stage.HEADER_CONVERTER,
                        converters.header().getClass(),
                        consumed,
                        null,
                        () -> toSdkHeaders(consumed.topic(), kafkaHeaders));
        SinkRecord record = builder.topic(consumed.topic())
                .partition(consumed.partition())
                .kafkaOffset(consumed.offset())
                .original(readFrom, consumed.offset())
                .key(key.schema(), key.value())
                .value(value.schema(), value.value())
                .timestamp(consumed.timestamp() < 0 ? null : consumed.timestamp(), timestampType(consumed))
                .headers(headers)
                .build();
        return errors.execute(
                Stage.TRANSFORMATION,
                null,
                consumed,
                record,
                (transforms, toTransform) -> transforms.apply(toTransform),
                transforms,
                record);
    }

    private Headers toSdkHeaders(String topic, org.apache.kafka.common.header.Header[] kafkaHeaders) {
        Headers headers = Headers.empty();
        for (org.apache.kafka.common.header.Header header : kafkaHeaders) {
            SchemaAndValue converted = converters.header().toData(topic, header.key(), header.value());
            headers = headers.with(header.key(), converted.schema(), converted.value());
        }
        return headers;
    }

    private static TimestampType timestampType(ConsumerRecord<byte[], byte[]> consumed) {
        return switch (consumed.timestampType()) {
            case CREATE_TIME -> TimestampType.CREATE_TIME;
            case LOG_APPEND_TIME -> TimestampType.LOG_APPEND_TIME;
            default -> TimestampType.NO_TIMESTAMP_TYPE;
        };
    }

    /**
     * Makes the bytes of a record whose delivered form is no longer held (it was let go to bound memory)
     * from the record itself, with the task's converters.
     */
    ConsumerRecord<byte[], byte[]> rebuild(SinkRecord record) {
        String topic = record.originalTopicPartition().topic();
        RecordHeaders headers = new RecordHeaders();
        for (io.tributary.sdk.header.Header header : record.headers()) {
            headers.add(
                    header.key(), converters.header().fromData(topic, header.key(), header.schema(), header.value()));
        }
        return new ConsumerRecord<>(
                topic,
                record.originalTopicPartition().partition(),
                record.originalKafkaOffset(),
                record.timestamp() == null ? ConsumerRecord.NO_TIMESTAMP : record.timestamp(),
                org.apache.kafka.common.record.TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE,
                ConsumerRecord.NULL_SIZE,
                converters.key().fromData(topic, record.keySchema(), record.key()),
                converters.value().fromData(topic, record.valueSchema(), record.value()),
                headers,
                Optional.empty());
    }
}
