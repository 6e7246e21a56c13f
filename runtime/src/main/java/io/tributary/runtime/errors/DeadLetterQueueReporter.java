package io.tributary.runtime.errors;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Sends the original bytes of records a sink could not process to the dead letter queue topic, with
 * the original key, value and headers, plus (with {@code errors.deadletterqueue.context.headers.enable})
 * headers that say where the record came from and what failed. The header names are Kafka Connect's,
 * so tools that read Connect's dead letter queues read these too.
 */
public final class DeadLetterQueueReporter implements ErrorReporter {
    public static final String HEADER_PREFIX = "__connect.errors.";
    public static final String ORIGINAL_TOPIC = HEADER_PREFIX + "topic";
    public static final String ORIGINAL_PARTITION = HEADER_PREFIX + "partition";
    public static final String ORIGINAL_OFFSET = HEADER_PREFIX + "offset";
    public static final String CONNECTOR_NAME = HEADER_PREFIX + "connector.name";
    public static final String TASK_ID = HEADER_PREFIX + "task.id";
    public static final String STAGE = HEADER_PREFIX + "stage";
    public static final String EXECUTING_CLASS = HEADER_PREFIX + "class.name";
    public static final String EXCEPTION_CLASS = HEADER_PREFIX + "exception.class.name";
    public static final String EXCEPTION_MESSAGE = HEADER_PREFIX + "exception.message";
    public static final String EXCEPTION_STACKTRACE = HEADER_PREFIX + "exception.stacktrace";

    private final String topic;
    private final Producer<byte[], byte[]> producer;
    private final boolean contextHeaders;

    /**
     * @param topic the dead letter queue topic
     * @param producer the producer to send with; closed with this reporter
     * @param contextHeaders whether to add the context headers
     */
    public DeadLetterQueueReporter(String topic, Producer<byte[], byte[]> producer, boolean contextHeaders) {
        this.topic = topic;
        this.producer = producer;
        this.contextHeaders = contextHeaders;
    }

    @Override
    public CompletableFuture<Void> report(FailedOperation failure) {
        ConsumerRecord<byte[], byte[]> original = failure.consumed();
        if (original == null) {
            // Source records have no original bytes: the dead letter queue is for sink connectors.
            return CompletableFuture.completedFuture(null);
        }
        Headers headers = new RecordHeaders(original.headers().toArray());
        if (contextHeaders) {
            add(headers, ORIGINAL_TOPIC, original.topic());
            add(headers, ORIGINAL_PARTITION, Integer.toString(original.partition()));
            add(headers, ORIGINAL_OFFSET, Long.toString(original.offset()));
            add(headers, CONNECTOR_NAME, failure.task().connector());
            add(headers, TASK_ID, Integer.toString(failure.task().task()));
            add(headers, STAGE, failure.stage().name());
            if (failure.executingClass() != null) {
                add(headers, EXECUTING_CLASS, failure.executingClass().getName());
            }
            Throwable error = failure.error();
            add(headers, EXCEPTION_CLASS, error.getClass().getName());
            if (error.getMessage() != null) {
                add(headers, EXCEPTION_MESSAGE, error.getMessage());
            }
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            add(headers, EXCEPTION_STACKTRACE, trace.toString());
        }
        CompletableFuture<Void> sent = new CompletableFuture<>();
        producer.send(
                new ProducerRecord<>(topic, null, original.key(), original.value(), headers), (metadata, error) -> {
                    if (error != null) {
                        sent.completeExceptionally(error);
                    } else {
                        sent.complete(null);
                    }
                });
        return sent;
    }

    private static void add(Headers headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
