package io.tributary.testkit.kafka;

import io.tributary.sdk.connector.TopicPartition;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.Waits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The helpers every provider's cluster shares, built on the clients alone: a provider supplies the
 * bootstrap servers, security settings and lifecycle.
 */
abstract class AbstractKafkaCluster implements KafkaCluster, AutoCloseable {
    private Admin admin;
    private KafkaProducer<byte[], byte[]> producer;

    @Override
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>(securityConfig());
        config.put("bootstrap.servers", bootstrapServers());
        return config;
    }

    /** @return client settings beyond the bootstrap servers, such as security; empty by default */
    protected Map<String, Object> securityConfig() {
        return Map.of();
    }

    @Override
    public synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(clientConfig());
        }
        return admin;
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Map<String, Object> config = clientConfig();
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public String createTopic(String prefix, int partitions) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        createTopic(TopicSpec.named(name).partitions(partitions));
        return name;
    }

    @Override
    public void createTopic(TopicSpec spec) {
        NewTopic topic = new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor()).configs(spec.configs());
        try {
            admin().createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot create topic '" + spec.name() + "' on " + description() + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic '" + spec.name() + "'", e);
        }
        Waits.until(
                "topic '" + spec.name() + "' to have " + spec.partitions() + " partitions with leaders",
                Waits.defaultTimeout(),
                () ->
                        admin()
                                        .describeTopics(Set.of(spec.name()))
                                        .allTopicNames()
                                        .get()
                                        .get(spec.name())
                                        .partitions()
                                        .stream()
                                        .filter(p -> p.leader() != null
                                                && !p.leader().isEmpty())
                                        .count()
                                == spec.partitions());
    }

    @Override
    public KafkaRecord produce(String topic, String key, String value) {
        return produce(topic, null, utf8(key), utf8(value), Map.of());
    }

    @Override
    public KafkaRecord produce(String topic, Integer partition, byte[] key, byte[] value, Map<String, String> headers) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((k, v) -> recordHeaders.add(k, utf8(v)));
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition, null, key, value, recordHeaders);
        try {
            RecordMetadata written = producer().send(record).get();
            List<KafkaRecord.Header> kept = new ArrayList<>();
            headers.forEach((k, v) -> kept.add(new KafkaRecord.Header(k, utf8(v))));
            return new KafkaRecord(topic, written.partition(), written.offset(), written.timestamp(), key, value, kept);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot produce to '" + topic + "' on " + description() + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while producing to '" + topic + "'", e);
        }
    }

    @Override
    public List<KafkaRecord> readAll(String topic) {
        try (TopicReader reader = reader(topic)) {
            return reader.readToEnd(Waits.defaultTimeout());
        }
    }

    @Override
    public List<KafkaRecord> readUntilCount(String topic, int count, Duration timeout) {
        try (TopicReader reader = reader(topic)) {
            if (!reader.readUntil(records -> records.size() >= count, timeout)) {
                List<KafkaRecord> read = reader.records();
                throw new AssertionError("Expected at least " + count + " records in topic '" + topic + "' within "
                        + timeout + " but was " + read.size() + ": " + read);
            }
            return reader.records();
        }
    }

    @Override
    public List<KafkaRecord> readUntil(String topic, Predicate<List<KafkaRecord>> condition, Duration timeout) {
        try (TopicReader reader = reader(topic)) {
            if (!reader.readUntil(condition, timeout)) {
                List<KafkaRecord> read = reader.records();
                throw new AssertionError("Expected the records of topic '" + topic + "' to match the condition within "
                        + timeout + " but they did not; read " + read.size() + ": " + read);
            }
            return reader.records();
        }
    }

    @Override
    public TopicReader reader(String topic) {
        return new TopicReader(topic, clientConfig());
    }

    @Override
    public Map<TopicPartition, Long> committedOffsets(String groupId) {
        try {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin().listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .forEach((tp, offset) -> {
                        if (offset != null) {
                            offsets.put(new TopicPartition(tp.topic(), tp.partition()), offset.offset());
                        }
                    });
            return offsets;
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot read the offsets of group '" + groupId + "': "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the offsets of group '" + groupId + "'", e);
        }
    }

    @Override
    public List<Integer> brokerIds() {
        try {
            return admin().describeCluster().nodes().get().stream()
                    .map(node -> node.id())
                    .sorted()
                    .toList();
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot describe " + description() + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing " + description(), e);
        }
    }

    @Override
    public void stopBroker(int brokerId) {
        throw new UnsupportedOperationException("The " + description() + " cannot stop single brokers; use"
                + " @WithKafka(brokers = 3, dedicated = true) with the embedded provider");
    }

    /** Closes the clients; providers close the cluster itself after calling this. */
    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }

    @Override
    public String toString() {
        return description() + " at " + bootstrapServers();
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
