package io.tributary.runtime.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.source.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * What a sink's failed record looks like in the dead letter queue. A {@link MockProducer} stands in for
 * Kafka: only the record handed to the producer is checked here.
 */
class DeadLetterQueueReporterTest {

    private static final String DLQ = "orders-dlq";
    private static final TaskId TASK = new TaskId("orders-sink", 3);

    /** Thrown by a stand-in converter; the class name appears in the headers. */
    private static final class OrdersConverter {}

    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<byte[], byte[]> consumed() {
        Headers headers = new RecordHeaders();
        headers.add("trace-id", utf8("abc-123"));
        headers.add("source", utf8("checkout"));
        return new ConsumerRecord<>(
                "orders",
                7,
                4242L,
                1_700_000_000_000L,
                TimestampType.CREATE_TIME,
                5,
                9,
                utf8("order-17"),
                utf8("{not json"),
                headers,
                Optional.empty());
    }

    private static FailedOperation failure(ConsumerRecord<byte[], byte[]> consumed, Throwable error) {
        return new FailedOperation(TASK, Stage.VALUE_CONVERTER, OrdersConverter.class, error, consumed, null);
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        assertThat(header).as("header %s", key).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> headersOf(ProducerRecord<byte[], byte[]> record) {
        return StreamSupport.stream(record.headers().spliterator(), false)
                .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8)));
    }

    private ProducerRecord<byte[], byte[]> onlySent() {
        assertThat(producer.history()).hasSize(1);
        return producer.history().get(0);
    }

    @Test
    void sendsTheOriginalKeyValueAndHeadersToTheDeadLetterTopic() {
        DeadLetterQueueReporter reporter = new DeadLetterQueueReporter(DLQ, producer, false);

        CompletableFuture<Void> report = reporter.report(failure(consumed(), new IllegalStateException("bad")));

        assertThat(report).isCompleted();
        ProducerRecord<byte[], byte[]> sent = onlySent();
        assertThat(sent.topic()).isEqualTo(DLQ);
        assertThat(sent.partition()).isNull();
        assertThat(sent.key()).isEqualTo(utf8("order-17"));
        assertThat(sent.value()).isEqualTo(utf8("{not json"));
    }

    @Test
    void withoutContextHeadersOnlyTheOriginalHeadersAreSent() {
        DeadLetterQueueReporter reporter = new DeadLetterQueueReporter(DLQ, producer, false);

        reporter.report(failure(consumed(), new IllegalStateException("bad")));

        assertThat(headersOf(onlySent()))
                .containsOnly(Map.entry("trace-id", "abc-123"), Map.entry("source", "checkout"));
    }

    @Test
    void withContextHeadersAddsWhereTheRecordCameFromAndWhatFailed() {
        DeadLetterQueueReporter reporter = new DeadLetterQueueReporter(DLQ, producer, true);
        IllegalArgumentException error =
                new IllegalArgumentException("Unexpected character '{' at offset 0", new RuntimeException("root"));

        reporter.report(failure(consumed(), error));

        ProducerRecord<byte[], byte[]> sent = onlySent();
        assertThat(header(sent, "trace-id")).isEqualTo("abc-123");
        assertThat(header(sent, "source")).isEqualTo("checkout");
        assertThat(header(sent, "__connect.errors.topic")).isEqualTo("orders");
        assertThat(header(sent, "__connect.errors.partition")).isEqualTo("7");
        assertThat(header(sent, "__connect.errors.offset")).isEqualTo("4242");
        assertThat(header(sent, "__connect.errors.connector.name")).isEqualTo("orders-sink");
        assertThat(header(sent, "__connect.errors.task.id")).isEqualTo("3");
        assertThat(header(sent, "__connect.errors.stage")).isEqualTo("VALUE_CONVERTER");
        assertThat(header(sent, "__connect.errors.class.name")).isEqualTo(OrdersConverter.class.getName());
        assertThat(header(sent, "__connect.errors.exception.class.name"))
                .isEqualTo("java.lang.IllegalArgumentException");
        assertThat(header(sent, "__connect.errors.exception.message"))
                .isEqualTo("Unexpected character '{' at offset 0");
        assertThat(header(sent, "__connect.errors.exception.stacktrace"))
                .startsWith("java.lang.IllegalArgumentException: Unexpected character '{' at offset 0")
                .contains(DeadLetterQueueReporterTest.class.getName())
                .contains("Caused by: java.lang.RuntimeException: root");
        assertThat(headersOf(sent)).hasSize(12);
    }

    @Test
    void leavesOutTheHeadersOfWhatIsUnknown() {
        DeadLetterQueueReporter reporter = new DeadLetterQueueReporter(DLQ, producer, true);

        reporter.report(new FailedOperation(TASK, Stage.TASK_PUT, null, new NullPointerException(), consumed(), null));

        assertThat(headersOf(onlySent()))
                .doesNotContainKeys("__connect.errors.class.name", "__connect.errors.exception.message")
                .containsEntry("__connect.errors.exception.class.name", "java.lang.NullPointerException")
                .containsEntry("__connect.errors.stage", "TASK_PUT");
    }

    @Test
    void leavesTheConsumedRecordsHeadersUntouched() {
        DeadLetterQueueReporter reporter = new DeadLetterQueueReporter(DLQ, producer, true);
        ConsumerRecord<byte[], byte[]> consumed = consumed();

        reporter.report(failure(consumed, new IllegalStateException("bad")));

        assertThat(consumed.headers().toArray()).extracting(Header::key).containsExactly("trace-id", "source");
    }

    @Test
    void aSourceFailureHasNoOriginalBytesSoNothingIsSent() {
        DeadLetterQueueReporter reporter = new DeadLetterQueueReporter(DLQ, producer, true);
        SourceRecord record = SourceRecord.builder().topic("orders").build();

        CompletableFuture<Void> report = reporter.report(
                new FailedOperation(TASK, Stage.TRANSFORMATION, null, new IllegalStateException("bad"), null, record));

        assertThat(report).isCompleted();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void theReportFailsWhenTheSendFails() {
        MockProducer<byte[], byte[]> manual =
                new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        DeadLetterQueueReporter reporter = new DeadLetterQueueReporter(DLQ, manual, false);

        CompletableFuture<Void> report = reporter.report(failure(consumed(), new IllegalStateException("bad")));
        assertThat(report).isNotDone();
        manual.errorNext(new TopicAuthorizationException("no write access"));

        assertThat(report)
                .isCompletedExceptionally()
                .failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class)
                .withMessageContaining("no write access");
    }

    @Test
    void closingTheReporterClosesItsProducer() {
        DeadLetterQueueReporter reporter = new DeadLetterQueueReporter(DLQ, producer, false);

        reporter.close();

        assertThat(producer.closed()).isTrue();
    }
}
