package io.tributary.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The kafka-clients consumer alone: one consumer per partition, each on its own thread, assigned its
 * partition (no group), {@code max.poll.records=500}, values decoded to {@code String} as a string
 * converter does, and nothing else done with them.
 */
final class RawConsumerPipeline implements Pipeline {
    private static final int MAX_POLL_RECORDS = 500;

    private final String bootstrapServers;

    RawConsumerPipeline(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public Engine engine() {
        return Engine.RAW;
    }

    @Override
    public Side side() {
        return Side.SINK;
    }

    @Override
    public Running start(Run run) {
        List<Reader> readers = new ArrayList<>();
        for (int partition = 0; partition < run.workload().partitions(); partition++) {
            Reader reader = new Reader(run.name() + "-" + partition, new TopicPartition(run.topic(), partition));
            readers.add(reader);
            reader.thread.start();
        }
        return new Running() {
            @Override
            public String state() {
                return readers.stream().map(Reader::state).toList().toString();
            }

            @Override
            public void close() throws InterruptedException {
                readers.forEach(Reader::stop);
                for (Reader reader : readers) {
                    reader.thread.join();
                }
                for (Reader reader : readers) {
                    reader.rethrow();
                }
            }
        };
    }

    /** One consumer reading its partition from the start until stopped. */
    private final class Reader {
        private final Thread thread;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile boolean running = true;
        private volatile KafkaConsumer<String, String> consumer;
        private volatile long read;
        /** Sum of the decoded values' lengths, checked after the run, so decoding cannot be optimised away. */
        private volatile long characters;

        Reader(String clientId, TopicPartition partition) {
            this.thread = new Thread(() -> read(clientId, partition), clientId);
        }

        private void read(String clientId, TopicPartition partition) {
            Map<String, Object> settings = new HashMap<>();
            settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            settings.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
            settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
            settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            try (KafkaConsumer<String, String> reading =
                    new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
                consumer = reading;
                reading.assign(List.of(partition));
                reading.seekToBeginning(List.of(partition));
                long count = 0;
                long length = 0;
                while (running) {
                    ConsumerRecords<String, String> records = reading.poll(Duration.ofMillis(100));
                    for (ConsumerRecord<String, String> record : records) {
                        length += record.value().length();
                    }
                    count += records.count();
                    characters = length;
                    read = count;
                    SinkCounter.add(records.count());
                }
            } catch (WakeupException e) {
                // stop() woke the consumer up: the run is over.
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }

        void stop() {
            running = false;
            KafkaConsumer<String, String> reading = consumer;
            if (reading != null) {
                reading.wakeup();
            }
        }

        String state() {
            Throwable error = failure.get();
            return thread.getName() + ": read " + read + (error == null ? "" : ", failed: " + error);
        }

        void rethrow() {
            Throwable error = failure.get();
            if (error != null) {
                throw new IllegalStateException("Raw consumer " + thread.getName() + " failed: " + error, error);
            }
            if (characters != read * BenchRecords.VALUE_SIZE) {
                throw new IllegalStateException("Raw consumer " + thread.getName() + " decoded " + characters
                        + " characters in " + read + " values; expected " + BenchRecords.VALUE_SIZE + " per value");
            }
        }
    }
}
