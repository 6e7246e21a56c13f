package io.tributary.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The kafka-clients producer alone, with the settings the Tributary runtime gives a source task's
 * producer: one producer per task, each on its own thread, each sending its share of the records as fast
 * as {@code send} takes them.
 */
final class RawProducerPipeline implements Pipeline {
    private final String bootstrapServers;
    private final Side side;
    private final Supplier<List<Payload>> payloads;

    /** A record's key and value, as bytes. */
    record Payload(byte[] key, byte[] value) {}

    /** @param bootstrapServers the cluster; every record is {@link BenchRecords#VALUE_BYTES} without a key */
    RawProducerPipeline(String bootstrapServers) {
        this(bootstrapServers, Side.SOURCE, () -> List.of(new Payload(null, BenchRecords.VALUE_BYTES)));
    }

    private RawProducerPipeline(String bootstrapServers, Side side, Supplier<List<Payload>> payloads) {
        this.bootstrapServers = bootstrapServers;
        this.side = side;
        this.payloads = payloads;
    }

    /**
     * @param bootstrapServers the cluster
     * @param payloads the datagen connector's records, sent in turn, again from the first once all were sent
     * @return the reference of the datagen path
     */
    static RawProducerPipeline replaying(String bootstrapServers, Supplier<List<Payload>> payloads) {
        return new RawProducerPipeline(bootstrapServers, Side.DATAGEN, payloads);
    }

    /**
     * The runtime's producer settings for source tasks, as {@code io.tributary.runtime.worker.ClientConfigs}
     * sets them; keep the two in step.
     *
     * @param bootstrapServers the cluster
     * @param clientId the client id
     * @return producer settings
     */
    static Map<String, Object> runtimeProducerSettings(String bootstrapServers, String clientId) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return settings;
    }

    @Override
    public Engine engine() {
        return Engine.RAW;
    }

    @Override
    public Side side() {
        return side;
    }

    @Override
    public Running start(Run run) {
        List<Payload> sent = payloads.get();
        List<Sender> senders = new ArrayList<>();
        for (int task = 0; task < run.workload().tasks(); task++) {
            Sender sender = new Sender(
                    run.name() + "-" + task,
                    run.topic(),
                    BenchRecords.share(run.records(), run.workload().tasks(), task),
                    sent);
            senders.add(sender);
            sender.thread.start();
        }
        return new Running() {
            @Override
            public String state() {
                return senders.stream().map(Sender::state).toList().toString();
            }

            @Override
            public void close() throws InterruptedException {
                for (Sender sender : senders) {
                    sender.thread.join();
                }
                for (Sender sender : senders) {
                    sender.rethrow();
                }
            }
        };
    }

    /** One producer sending its share on its own thread, then closing (which waits for acknowledgements). */
    private final class Sender {
        private final Thread thread;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile long sent;

        Sender(String clientId, String topic, long records, List<Payload> payloads) {
            this.thread = new Thread(() -> send(clientId, topic, records, payloads), clientId);
        }

        private void send(String clientId, String topic, long records, List<Payload> payloads) {
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                    runtimeProducerSettings(bootstrapServers, clientId),
                    new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                int next = 0;
                for (long i = 0; i < records; i++) {
                    Payload payload = payloads.get(next);
                    next = next + 1 == payloads.size() ? 0 : next + 1;
                    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, payload.key(), payload.value());
                    producer.send(record, (metadata, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        }
                    });
                    sent = i + 1;
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }

        String state() {
            Throwable error = failure.get();
            return thread.getName() + ": sent " + sent + (error == null ? "" : ", failed: " + error);
        }

        void rethrow() {
            Throwable error = failure.get();
            if (error != null) {
                throw new IllegalStateException("Raw producer " + thread.getName() + " failed: " + error, error);
            }
        }
    }
}
