package io.tributary.testkit.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from the beginning, all of its partitions, and keeps what it read, so a test can wait
 * for records that are still being written. Partitions that appear later (a topic created or grown
 * while waiting) are read too. Not thread-safe; close it when done.
 */
public final class TopicReader implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);

    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<KafkaRecord> records = new ArrayList<>();
    private final Set<TopicPartition> assigned = new java.util.HashSet<>();

    TopicReader(String topic, Map<String, Object> clientConfig) {
        this.topic = topic;
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "tributary-testkit-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** @return the topic read */
    public String topic() {
        return topic;
    }

    /** @return every record read so far, in the order read (per partition, offset order); a copy */
    public List<KafkaRecord> records() {
        return List.copyOf(records);
    }

    /**
     * Reads until the condition holds on everything read so far, or the deadline passes.
     *
     * @param condition checked after each poll
     * @param timeout the deadline
     * @return whether the condition held
     */
    public boolean readUntil(Predicate<List<KafkaRecord>> condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            pollOnce();
            if (condition.test(records)) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
        }
    }

    /**
     * Reads everything written to the topic up to now: until the reader reached the end offsets the
     * partitions had when this method was called.
     *
     * @param timeout the deadline
     * @return every record read so far
     * @throws AssertionError if the topic does not exist or the end is not reached in time
     */
    public List<KafkaRecord> readToEnd(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!discoverPartitions()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "Expected topic '" + topic + "' to exist within " + timeout + " but it did" + " not");
            }
            pollOnce();
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned, timeout);
        boolean done = readUntil(
                r -> end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue()),
                Duration.between(Instant.now(), deadline).isNegative()
                        ? Duration.ZERO
                        : Duration.between(Instant.now(), deadline));
        if (!done) {
            throw new AssertionError("Expected to read topic '" + topic + "' up to offsets " + end + " within "
                    + timeout + " but read " + records.size() + " records: " + records);
        }
        return records();
    }

    private void pollOnce() {
        discoverPartitions();
        if (assigned.isEmpty()) {
            // The topic does not exist yet: wait for it on the metadata request, not by sleeping.
            consumer.partitionsFor(topic, POLL);
            return;
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
            records.add(KafkaRecord.of(record));
        }
    }

    private boolean discoverPartitions() {
        List<PartitionInfo> partitions;
        try {
            partitions = consumer.partitionsFor(topic, POLL);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return !assigned.isEmpty();
        }
        if (partitions == null || partitions.isEmpty()) {
            return !assigned.isEmpty();
        }
        Set<TopicPartition> found = partitions.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .collect(Collectors.toSet());
        if (!assigned.containsAll(found)) {
            Collection<TopicPartition> added = new ArrayList<>(found);
            added.removeAll(assigned);
            assigned.addAll(found);
            consumer.assign(assigned);
            consumer.seekToBeginning(added);
        }
        return true;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
