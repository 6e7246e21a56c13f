package io.tributary.runtime.worker;

import io.tributary.sdk.errors.ConfigException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Builds the Kafka client settings of a connector's tasks: the runtime's defaults, then the worker's
 * {@code producer.*}, {@code consumer.*} or {@code admin.*} settings, then the connector's {@code
 * producer.override.*}, {@code consumer.override.*} or {@code admin.override.*} settings as far as the
 * worker's {@code connector.client.config.override.policy} allows.
 */
final class ClientConfigs {
    private static final Set<String> PRINCIPAL_SETTINGS =
            Set.of("sasl.jaas.config", "sasl.mechanism", "security.protocol");

    private final WorkerConfig worker;

    ClientConfigs(WorkerConfig worker) {
        this.worker = worker;
    }

    /**
     * @param connectorName the connector
     * @param connectorConfig its configuration
     * @param taskId the task, for the client id
     * @return producer settings for a source task
     */
    Map<String, Object> producer(String connectorName, Map<String, String> connectorConfig, String taskId) {
        Map<String, Object> settings = base();
        // Per-partition order with throughput: idempotence keeps order across several requests in flight.
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "tributary-" + taskId + "-producer");
        settings.putAll(worker.clientSettings("producer."));
        settings.putAll(overrides("producer.override.", connectorConfig));
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return settings;
    }

    /**
     * @param connectorName the connector, whose consumer group is {@code connect-<name>}
     * @param connectorConfig its configuration
     * @param taskId the task, for the client id
     * @return consumer settings for a sink task
     */
    Map<String, Object> consumer(String connectorName, Map<String, String> connectorConfig, String taskId) {
        Map<String, Object> settings = base();
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "connect-" + connectorName);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-" + taskId + "-consumer");
        settings.putAll(worker.clientSettings("consumer."));
        settings.putAll(overrides("consumer.override.", connectorConfig));
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return settings;
    }

    /**
     * @param connectorConfig the connector's configuration
     * @return admin settings for work done on the connector's behalf
     */
    Map<String, Object> admin(Map<String, String> connectorConfig) {
        Map<String, Object> settings = base();
        settings.putAll(worker.clientSettings("admin."));
        settings.putAll(overrides("admin.override.", connectorConfig));
        return settings;
    }

    /**
     * Checks a connector's client overrides against the worker's policy.
     *
     * @param connectorConfig the connector's configuration
     * @return one message per override the policy refuses
     */
    List<String> policyViolations(Map<String, String> connectorConfig) {
        String policy =
                worker.parsed().getString(WorkerConfig.CLIENT_OVERRIDE_POLICY).toLowerCase(Locale.ROOT);
        return connectorConfig.keySet().stream()
                .filter(key -> key.startsWith("producer.override.")
                        || key.startsWith("consumer.override.")
                        || key.startsWith("admin.override."))
                .filter(key -> switch (policy) {
                    case "none" -> true;
                    case "principal" -> !PRINCIPAL_SETTINGS.contains(key.substring(key.indexOf(".override.") + 10));
                    default -> false;
                })
                .map(key -> "'" + key + "' is not allowed by the worker's " + WorkerConfig.CLIENT_OVERRIDE_POLICY + "="
                        + policy + "; remove it or change the worker's policy")
                .sorted()
                .toList();
    }

    private Map<String, Object> base() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", worker.bootstrapServers());
        return settings;
    }

    private static Map<String, Object> overrides(String prefix, Map<String, String> connectorConfig) {
        Map<String, Object> overrides = ConnectorConfig.withPrefix(connectorConfig, prefix);
        if (overrides.containsKey("bootstrap.servers")) {
            throw new ConfigException(
                    prefix + "bootstrap.servers",
                    overrides.get("bootstrap.servers"),
                    "a connector cannot point its clients at another cluster; remove it");
        }
        return overrides;
    }
}
