package io.tributary.runtime.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compacted topic read as a log of state: every record, from the beginning and then as it comes, is
 * handed to a callback on this log's own thread; writes go through a producer that waits for every
 * replica. {@link #readToEnd()} tells when everything written before the call has been handed over, so a
 * reader can act on state at least as new as its own last write. Keys and values are text (JSON).
 */
public final class TopicLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicLog.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    /**
     * Asks for the end offsets, apart from {@link #consumer}: a broker answers one connection's requests in
     * order, so a request behind that consumer's waiting fetch would wait for it, up to {@code
     * fetch.max.wait.ms} (half a second), whenever nothing new was written.
     */
    private final KafkaConsumer<String, String> ends;

    private final Producer<String, String> producer;
    private final Consumer<ConsumerRecord<String, String>> onRecord;
    private final Queue<CompletableFuture<Void>> readRequests = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean stopping;

    /**
     * @param topic the topic
     * @param clientSettings settings every client gets: {@code bootstrap.servers} and security
     * @param onRecord gets every record in order, on this log's thread; a null value is a tombstone
     */
    public TopicLog(
            String topic, Map<String, Object> clientSettings, Consumer<ConsumerRecord<String, String>> onRecord) {
        this.topic = topic;
        this.onRecord = onRecord;
        Map<String, Object> consumerSettings = new java.util.HashMap<>(clientSettings);
        consumerSettings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerSettings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerSettings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerSettings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerSettings.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-log-" + topic);
        Map<String, Object> producerSettings = new java.util.HashMap<>(clientSettings);
        producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
        producerSettings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerSettings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        producerSettings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producerSettings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerSettings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerSettings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "tributary-log-writer-" + topic);
        this.consumer = new KafkaConsumer<>(consumerSettings);
        consumerSettings.put(
                ConsumerConfig.CLIENT_ID_CONFIG, consumerSettings.get(ConsumerConfig.CLIENT_ID_CONFIG) + "-ends");
        this.ends = new KafkaConsumer<>(consumerSettings);
        this.producer = new KafkaProducer<>(producerSettings);
        this.thread = new Thread(this::run, "tributary-log-" + topic);
        this.thread.setDaemon(true);
    }

    /**
     * Reads the topic from the beginning to its current end, then keeps reading in the background.
     *
     * @param timeout how long the first reading may take
     * @throws IllegalStateException if the topic does not exist or cannot be read in time
     */
    public void start(Duration timeout) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
        if (partitions == null || partitions.isEmpty()) {
            throw new IllegalStateException("Topic " + topic + " does not exist or has no partitions");
        }
        List<TopicPartition> assigned = new ArrayList<>();
        partitions.forEach(p -> assigned.add(new TopicPartition(topic, p.partition())));
        consumer.assign(assigned);
        ends.assign(assigned); // never polled: it only asks for end offsets, which it reads for its own partitions
        consumer.seekToBeginning(assigned);
        CompletableFuture<Void> first = readToEnd();
        thread.start();
        await(first, timeout, "read topic " + topic + " to its end");
    }

    /**
     * @return completes once every record written before this call has been handed to the callback
     */
    public CompletableFuture<Void> readToEnd() {
        CompletableFuture<Void> request = new CompletableFuture<>();
        readRequests.add(request);
        consumer.wakeup();
        return request;
    }

    /**
     * Writes a record and waits for all in-sync replicas to have it.
     *
     * @param key the key
     * @param value the value, or null for a tombstone
     * @return completes when the record is written
     */
    public CompletableFuture<RecordMetadata> send(String key, String value) {
        CompletableFuture<RecordMetadata> written = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
            if (error != null) {
                written.completeExceptionally(error);
            } else {
                written.complete(metadata);
            }
        });
        return written;
    }

    private void run() {
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        Map<TopicPartition, Long> target = null;
        while (!stopping) {
            try {
                // Requests that came while a read was under way wait for the next: their end may be further.
                if (target == null) {
                    CompletableFuture<Void> request;
                    while ((request = readRequests.poll()) != null) {
                        waiting.add(request);
                    }
                    if (!waiting.isEmpty()) {
                        target = ends.endOffsets(consumer.assignment());
                    }
                }
                // Already there: answer now rather than after a poll that waits for records that may not come.
                if (target != null && reached(target)) {
                    waiting.forEach(w -> w.complete(null));
                    waiting.clear();
                    target = null;
                    continue;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    try {
                        onRecord.accept(record);
                    } catch (RuntimeException e) {
                        LOG.error(
                                "Skipping record {} of topic {} at offset {}: it could not be applied",
                                record.key(),
                                topic,
                                record.offset(),
                                e);
                    }
                }
                if (target != null && reached(target)) {
                    waiting.forEach(w -> w.complete(null));
                    waiting.clear();
                    target = null;
                }
            } catch (WakeupException e) {
                // a read request, or stopping: looked at on the next turn
            } catch (RuntimeException e) {
                if (stopping) {
                    break;
                }
                LOG.warn("Reading topic {} failed ({}); retrying", topic, e.toString());
                waiting.forEach(w -> w.completeExceptionally(e));
                waiting.clear();
                target = null;
            }
        }
        waiting.forEach(w -> w.completeExceptionally(new IllegalStateException("The log of " + topic + " closed")));
    }

    private boolean reached(Map<TopicPartition, Long> target) {
        for (Map.Entry<TopicPartition, Long> end : target.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static void await(CompletableFuture<?> future, Duration timeout, String what) {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trying to " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Could not " + what + " within " + timeout.toSeconds() + " s; check that"
                            + " the brokers are reachable",
                    e);
        }
    }

    /** Stops reading and closes the clients; writes in flight are finished first. */
    @Override
    public void close() {
        stopping = true;
        consumer.wakeup();
        ends.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(30));
        if (!thread.isAlive()) {
            consumer.close(Duration.ofSeconds(5));
            ends.close(Duration.ofSeconds(5));
        }
    }
}
