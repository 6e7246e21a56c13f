package io.tributary.benchmarks;

import io.tributary.benchmarks.RawProducerPipeline.Payload;
import io.tributary.runtime.embed.EmbeddedWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The datagen connector's own records, as Kafka holds them: the raw producer of the datagen path sends these
 * bytes, so both sides of that comparison write the same orders. Captured once, before any run, untimed.
 */
final class DatagenTemplate {
    /** How many distinct orders the raw producer cycles through. */
    static final int SIZE = 10_000;

    private static final Duration DEADLINE = Duration.ofMinutes(2);
    private static final long WAIT_MS = 50;

    private DatagenTemplate() {}

    /**
     * Runs the datagen connector on the worker into a topic of its own, then reads the topic back.
     *
     * @param kafka the broker
     * @param worker the Tributary worker
     * @return the first {@link #SIZE} orders, keys and values as the JSON converter wrote them
     * @throws InterruptedException if interrupted while waiting for the orders
     */
    static List<Payload> capture(BenchKafka kafka, EmbeddedWorker worker) throws InterruptedException {
        String topic = kafka.createTopic("datagen-template", 1);
        String name = "datagen-template";
        worker.deploy(TributaryPipeline.datagenConfig(name, topic, 1, SIZE));
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        try {
            while (kafka.endOffsets(topic, 1) < SIZE) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The datagen connector wrote " + kafka.endOffsets(topic, 1)
                            + " of " + SIZE + " orders within " + DEADLINE + "; its state: "
                            + worker.status(name).map(Object::toString).orElse("not deployed"));
                }
                Thread.sleep(WAIT_MS);
            }
        } finally {
            worker.remove(name);
        }
        List<Payload> payloads = read(kafka.bootstrapServers(), topic);
        kafka.deleteTopic(topic);
        return List.copyOf(payloads);
    }

    /**
     * @param payloads captured orders
     * @return their mean size, key and value, in bytes
     */
    static long averageBytes(List<Payload> payloads) {
        long total = 0;
        for (Payload payload : payloads) {
            total += (payload.key() == null ? 0 : payload.key().length) + payload.value().length;
        }
        return payloads.isEmpty() ? 0 : total / payloads.size();
    }

    private static List<Payload> read(String bootstrapServers, String topic) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Payload> payloads = new ArrayList<>();
        TopicPartition partition = new TopicPartition(topic, 0);
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            while (payloads.size() < SIZE) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Read " + payloads.size() + " of " + SIZE + " datagen orders back within " + DEADLINE);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (payloads.size() < SIZE) {
                        payloads.add(new Payload(record.key(), record.value()));
                    }
                }
            }
        }
        return payloads;
    }
}
