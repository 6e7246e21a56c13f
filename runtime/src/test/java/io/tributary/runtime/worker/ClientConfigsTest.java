package io.tributary.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.tributary.sdk.errors.ConfigException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The Kafka client settings a connector's tasks get, from defaults, the worker and the connector. */
class ClientConfigsTest {

    private static final String POLICY = WorkerConfig.CLIENT_OVERRIDE_POLICY;

    private static Map<String, String> settings(String... keysAndValues) {
        Map<String, String> settings = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return settings;
    }

    private static ClientConfigs worker(String... keysAndValues) {
        Map<String, String> settings = settings(keysAndValues);
        settings.putIfAbsent(WorkerConfig.BOOTSTRAP_SERVERS, "kafka-1:9092,kafka-2:9092");
        return new ClientConfigs(new WorkerConfig(settings));
    }

    private static Map<String, String> connector(String... keysAndValues) {
        Map<String, String> config = settings(keysAndValues);
        config.put("name", "orders-source");
        config.put("connector.class", "OrdersSource");
        return config;
    }

    @Test
    void producersDefaultToDurableOrderedBatchedSends() {
        Map<String, Object> producer = worker().producer("orders-source", connector(), "orders-source-0");

        assertThat(producer)
                .containsEntry("bootstrap.servers", "kafka-1:9092,kafka-2:9092")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("max.in.flight.requests.per.connection", 5)
                .containsEntry("linger.ms", 5)
                .containsEntry("batch.size", 65536)
                .containsEntry("client.id", "tributary-orders-source-0-producer")
                .containsEntry("key.serializer", ByteArraySerializer.class.getName())
                .containsEntry("value.serializer", ByteArraySerializer.class.getName());
    }

    @Test
    void theWorkersProducerSettingsOverrideTheDefaults() {
        ClientConfigs clients = worker("producer.linger.ms", "50", "producer.compression.type", "zstd");

        Map<String, Object> producer = clients.producer("orders-source", connector(), "orders-source-0");

        assertThat(producer)
                .containsEntry("linger.ms", "50")
                .containsEntry("compression.type", "zstd")
                .containsEntry("acks", "all");
    }

    @Test
    void theConnectorsOverridesWinOverTheWorkerAndTheDefaults() {
        ClientConfigs clients = worker("producer.linger.ms", "50", "producer.batch.size", "1024");

        Map<String, Object> producer = clients.producer(
                "orders-source",
                connector("producer.override.linger.ms", "500", "producer.override.acks", "1"),
                "orders-source-0");

        assertThat(producer)
                .containsEntry("linger.ms", "500")
                .containsEntry("acks", "1")
                .containsEntry("batch.size", "1024");
    }

    @Test
    void overridesForOtherClientsDoNotLeakIntoTheProducer() {
        Map<String, Object> producer = worker("consumer.fetch.min.bytes", "1")
                .producer("orders-source", connector("consumer.override.max.poll.records", "10"), "orders-source-0");

        assertThat(producer).doesNotContainKeys("fetch.min.bytes", "max.poll.records");
    }

    @Test
    void serializersCannotBeOverridden() {
        Map<String, Object> producer = worker("producer.key.serializer", "com.example.Custom")
                .producer(
                        "orders-source",
                        connector("producer.override.value.serializer", "com.example.Custom"),
                        "orders-source-0");

        assertThat(producer)
                .containsEntry("key.serializer", ByteArraySerializer.class.getName())
                .containsEntry("value.serializer", ByteArraySerializer.class.getName());
    }

    @Test
    void consumersJoinTheConnectorsGroupAndStartFromTheEarliestRecord() {
        Map<String, Object> consumer = worker().consumer("orders-sink", connector(), "orders-sink-1");

        assertThat(consumer)
                .containsEntry("bootstrap.servers", "kafka-1:9092,kafka-2:9092")
                .containsEntry("group.id", "connect-orders-sink")
                .containsEntry("enable.auto.commit", false)
                .containsEntry("auto.offset.reset", "earliest")
                .containsEntry("client.id", "tributary-orders-sink-1-consumer")
                .containsEntry("key.deserializer", ByteArrayDeserializer.class.getName())
                .containsEntry("value.deserializer", ByteArrayDeserializer.class.getName());
    }

    @Test
    void consumerSettingsLayerLikeProducerSettings() {
        ClientConfigs clients = worker("consumer.max.poll.records", "100", "consumer.fetch.max.wait.ms", "200");

        Map<String, Object> consumer =
                clients.consumer("orders-sink", connector("consumer.override.max.poll.records", "5"), "orders-sink-0");

        assertThat(consumer).containsEntry("max.poll.records", "5").containsEntry("fetch.max.wait.ms", "200");
    }

    @Test
    void adminSettingsLayerLikeProducerSettings() {
        ClientConfigs clients = worker("admin.request.timeout.ms", "1000", "admin.retries", "3");

        Map<String, Object> admin = clients.admin(connector("admin.override.retries", "7"));

        assertThat(admin)
                .containsEntry("bootstrap.servers", "kafka-1:9092,kafka-2:9092")
                .containsEntry("request.timeout.ms", "1000")
                .containsEntry("retries", "7");
    }

    @Test
    void aConnectorCannotPointItsClientsAtAnotherCluster() {
        ClientConfigs clients = worker();
        Map<String, String> config = connector("producer.override.bootstrap.servers", "elsewhere:9092");

        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> clients.producer("orders-source", config, "orders-source-0"))
                .withMessageContaining("producer.override.bootstrap.servers")
                .withMessageContaining("another cluster");
    }

    @Test
    void aConnectorCannotPointItsConsumerAtAnotherClusterEither() {
        ClientConfigs clients = worker();
        Map<String, String> config = connector("consumer.override.bootstrap.servers", "elsewhere:9092");

        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> clients.consumer("orders-sink", config, "orders-sink-0"))
                .withMessageContaining("consumer.override.bootstrap.servers");
    }

    @Test
    void policyAllAcceptsEveryOverride() {
        ClientConfigs clients = worker(POLICY, "All");

        assertThat(clients.policyViolations(connector(
                        "producer.override.linger.ms", "1",
                        "consumer.override.max.poll.records", "1",
                        "admin.override.retries", "1")))
                .isEmpty();
    }

    @Test
    void policyNoneRefusesEveryOverrideNamingTheKeyAndThePolicy() {
        ClientConfigs clients = worker(POLICY, "None");

        List<String> violations = clients.policyViolations(connector(
                "producer.override.linger.ms", "1",
                "consumer.override.sasl.mechanism", "PLAIN",
                "admin.override.retries", "1",
                "topic", "orders"));

        assertThat(violations).hasSize(3);
        assertThat(violations.get(0))
                .startsWith("'admin.override.retries' is not allowed")
                .containsIgnoringCase("connector.client.config.override.policy=none");
        assertThat(violations.get(1)).startsWith("'consumer.override.sasl.mechanism'");
        assertThat(violations.get(2)).startsWith("'producer.override.linger.ms'");
    }

    @Test
    void policyPrincipalAllowsOnlyTheSettingsThatNameWhoTheClientIs() {
        ClientConfigs clients = worker(POLICY, "Principal");

        List<String> violations = clients.policyViolations(connector(
                "producer.override.sasl.jaas.config", "secret",
                "consumer.override.sasl.mechanism", "SCRAM-SHA-512",
                "admin.override.security.protocol", "SASL_SSL",
                "producer.override.linger.ms", "1",
                "consumer.override.sasl.kerberos.service.name", "kafka"));

        assertThat(violations).hasSize(2);
        assertThat(violations.get(0))
                .startsWith("'consumer.override.sasl.kerberos.service.name' is not allowed")
                .containsIgnoringCase("override.policy=principal");
        assertThat(violations.get(1)).startsWith("'producer.override.linger.ms' is not allowed");
    }

    @Test
    void theWorkerRefusesAnUnknownPolicy() {
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> worker(POLICY, "Some"))
                .withMessageContaining(POLICY);
    }
}
