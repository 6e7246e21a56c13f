package io.tributary.runtime.worker;

import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/** Makes the Kafka clients of tasks: the real ones, or in-memory ones in tests of the engine. */
interface KafkaClientFactory {
    KafkaClientFactory REAL = new KafkaClientFactory() {
        @Override
        public Producer<byte[], byte[]> producer(Map<String, Object> settings) {
            return new KafkaProducer<>(settings);
        }

        @Override
        public Consumer<byte[], byte[]> consumer(Map<String, Object> settings) {
            return new KafkaConsumer<>(settings);
        }
    };

    /**
     * @param settings the producer's settings
     * @return a producer, closed by the task runner that uses it
     */
    Producer<byte[], byte[]> producer(Map<String, Object> settings);

    /**
     * @param settings the consumer's settings
     * @return a consumer, closed by the task runner that uses it
     */
    Consumer<byte[], byte[]> consumer(Map<String, Object> settings);
}
