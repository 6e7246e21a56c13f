package io.tributary.benchmarks;

import io.tributary.testkit.kafka.EmbeddedKafkaCluster;
import io.tributary.testkit.kafka.TopicSpec;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The one broker every measurement runs against: the test kit's embedded KRaft cluster, with one broker
 * setting changed. Topics are made here, filled here, and their end offsets read here.
 */
final class BenchKafka implements AutoCloseable {
    /**
     * The test kit flushes the log to disk after every append, which suits tests and would make the
     * broker's fsyncs the bottleneck of every path; the broker's own default leaves flushing to the OS.
     */
    private static final Map<String, String> BROKER_SETTINGS =
            Map.of("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));

    private final EmbeddedKafkaCluster cluster;

    private BenchKafka(EmbeddedKafkaCluster cluster) {
        this.cluster = cluster;
    }

    /** @return a started single-broker cluster */
    static BenchKafka start() {
        // Formatting the broker's storage prints to standard output, which is kept for the figures.
        PrintStream out = System.out;
        System.setOut(System.err);
        try {
            return new BenchKafka(EmbeddedKafkaCluster.start(1, BROKER_SETTINGS));
        } finally {
            System.setOut(out);
        }
    }

    /** @return the bootstrap servers */
    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /**
     * Creates a topic and waits until the broker serves every partition. A leader in the metadata is not
     * enough: an idempotent producer with several requests in flight that writes before the broker made a
     * partition's log gets its first batch refused while later ones land, and then retries that batch
     * forever (out of order sequence).
     *
     * @param name the topic's name
     * @param partitions its partitions
     * @return the name
     */
    String createTopic(String name, int partitions) {
        cluster.createTopic(TopicSpec.named(name).partitions(partitions));
        long records = endOffsets(name, partitions);
        if (records != 0) {
            throw new IllegalStateException("New topic '" + name + "' already holds " + records + " records");
        }
        return name;
    }

    /** @param topic a topic to delete, with its data */
    void deleteTopic(String topic) {
        try {
            cluster.admin().deleteTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot delete topic '" + topic + "': " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while deleting topic '" + topic + "'", e);
        }
    }

    /**
     * Writes records spread evenly over a topic's partitions, with the runtime's producer settings, and
     * waits until all are acknowledged.
     *
     * @param topic the topic
     * @param partitions its partitions
     * @param records how many records to write
     */
    void fill(String topic, int partitions, long records) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                RawProducerPipeline.runtimeProducerSettings(bootstrapServers(), "benchmark-fill"),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (long i = 0; i < records; i++) {
                int partition = (int) (i % partitions);
                producer.send(new ProducerRecord<>(topic, partition, null, BenchRecords.VALUE_BYTES), (m, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Cannot fill topic '" + topic + "': " + failure.get(), failure.get());
        }
        long written = endOffsets(topic, partitions);
        if (written != records) {
            throw new IllegalStateException(
                    "Topic '" + topic + "' holds " + written + " records after filling it with " + records);
        }
    }

    /**
     * Asks each partition's leader for its end offset; the admin client retries while a partition is not
     * served yet.
     *
     * @param topic a topic
     * @param partitions its partitions
     * @return the sum of its partitions' end offsets: the records written to it, as it was created empty
     */
    long endOffsets(String topic, int partitions) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        try {
            return cluster.admin().listOffsets(latest).all().get().values().stream()
                    .mapToLong(ListOffsetsResultInfo::offset)
                    .sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot read the end offsets of topic '" + topic + "': " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the end offsets of '" + topic + "'", e);
        }
    }

    @Override
    public void close() {
        cluster.close();
    }
}
