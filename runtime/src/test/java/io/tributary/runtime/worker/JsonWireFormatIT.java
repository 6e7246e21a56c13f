package io.tributary.runtime.worker;

import static io.tributary.testkit.TestKitAssertions.assertThat;

import io.tributary.runtime.standalone.StandaloneRuntime;
import io.tributary.runtime.transforms.FixtureSourceConnector;
import io.tributary.sdk.data.Struct;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.Waits;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.kafka.KafkaRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Data in Kafka Connect's JSON envelope format crosses a real broker both ways: what the runtime's
 * source path writes is byte for byte what Kafka Connect's JsonConverter writes for the same struct,
 * and a sink reads such bytes back into the struct.
 */
@WithKafka
class JsonWireFormatIT {
    /** Kafka Connect's JsonConverter output for the fixture's first order (schemas enabled). */
    private static final String CONNECT_ENVELOPE = "{\"schema\":{\"type\":\"struct\",\"fields\":["
            + "{\"type\":\"int64\",\"optional\":false,\"field\":\"id\"},"
            + "{\"type\":\"string\",\"optional\":false,\"field\":\"name\"},"
            + "{\"type\":\"double\",\"optional\":false,\"field\":\"price\"},"
            + "{\"type\":\"int64\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Timestamp\","
            + "\"version\":1,\"field\":\"created\"},"
            + "{\"type\":\"struct\",\"fields\":[{\"type\":\"string\",\"optional\":false,\"field\":\"city\"}],"
            + "\"optional\":false,\"name\":\"com.example.Address\",\"field\":\"address\"}],"
            + "\"optional\":false,\"name\":\"com.example.Order\"},"
            + "\"payload\":{\"id\":1,\"name\":\"pen\",\"price\":9.5,\"created\":1704164645000,"
            + "\"address\":{\"city\":\"Oslo\"}}}";

    private static Map<String, String> worker(KafkaCluster kafka) {
        return Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "offset.flush.interval.ms", "500");
    }

    @Test
    void theSourcePathWritesKafkaConnectsEnvelopeByteForByte(KafkaCluster kafka) {
        String topic = kafka.createTopic("json-out", 1);
        try (StandaloneRuntime runtime = StandaloneRuntime.start(worker(kafka))) {
            runtime.deploy(Map.of(
                    "name",
                    "json-source",
                    "connector.class",
                    FixtureSourceConnector.class.getName(),
                    "topic",
                    topic,
                    "kind",
                    "struct"));
            List<KafkaRecord> written = kafka.readUntilCount(topic, 2, Duration.ofSeconds(30));

            assertThat(new String(written.get(0).value(), StandardCharsets.UTF_8))
                    .isEqualTo(CONNECT_ENVELOPE);
        }
    }

    @Test
    void theSinkPathReadsKafkaConnectsEnvelopeBackIntoAStruct(KafkaCluster kafka) {
        String topic = kafka.createTopic("json-in", 1);
        kafka.produce(
                topic,
                null,
                "1".getBytes(StandardCharsets.UTF_8),
                CONNECT_ENVELOPE.getBytes(StandardCharsets.UTF_8),
                Map.of());
        String capture = UUID.randomUUID().toString();
        try (StandaloneRuntime runtime = StandaloneRuntime.start(worker(kafka))) {
            runtime.deploy(Map.of(
                    "name",
                    "json-sink",
                    "connector.class",
                    CapturingSinkConnector.class.getName(),
                    "topics",
                    topic,
                    "capture",
                    capture));
            Waits.until(
                    "the struct in the sink",
                    () -> !CapturingSinkConnector.captured(capture).isEmpty());
        }
        Struct order = (Struct) CapturingSinkConnector.captured(capture).get(0);
        assertThat(order.schema().name()).isEqualTo("com.example.Order");
        assertThat(order.getInt64("id")).isEqualTo(1L);
        assertThat(order.getString("name")).isEqualTo("pen");
        assertThat(order.getFloat64("price")).isEqualTo(9.5);
        assertThat(order.getTimestamp("created")).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(order.getStruct("address").getString("city")).isEqualTo("Oslo");
    }
}
