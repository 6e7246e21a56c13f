package io.tributary.runtime.errors;

import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.connector.TaskId;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the error reporters learn about one failure.
 *
 * @param task the task it happened in
 * @param stage where in the pipeline
 * @param executingClass the class that failed, such as a converter or transformation; may be null
 * @param error the final error
 * @param consumed the record as read from Kafka, for sink failures; null for source failures
 * @param record the record being processed when it failed; may be null
 */
public record FailedOperation(
        TaskId task,
        Stage stage,
        Class<?> executingClass,
        Throwable error,
        ConsumerRecord<byte[], byte[]> consumed,
        ConnectRecord<?> record) {}
