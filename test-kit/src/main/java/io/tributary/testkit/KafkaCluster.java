package io.tributary.testkit;

import io.tributary.sdk.connector.TopicPartition;
import io.tributary.testkit.kafka.KafkaRecord;
import io.tributary.testkit.kafka.TopicReader;
import io.tributary.testkit.kafka.TopicSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;

/**
 * A running Kafka cluster for a test, with helpers for topics, producing and reading. Declare a
 * parameter of this type in a test class annotated with {@link WithKafka}:
 *
 * <pre>{@code
 * @WithKafka
 * class OrdersIT {
 *     @Test
 *     void roundTrip(KafkaCluster kafka) {
 *         String topic = kafka.createTopic("orders", 3);
 *         kafka.produce(topic, "k1", "v1");
 *         assertThat(kafka.readAll(topic)).extracting(KafkaRecord::valueAsString).containsExactly("v1");
 *     }
 * }
 * }</pre>
 *
 * <p>A cluster is shared by the tests of one JVM unless a test asks for its own, so give topics unique
 * names: {@link #createTopic(String, int)} adds a unique suffix. Thread-safe.
 */
public interface KafkaCluster {

    /** @return the bootstrap servers, such as {@code localhost:39211}; never null */
    String bootstrapServers();

    /**
     * @return client settings that reach this cluster: {@code bootstrap.servers} plus any security
     *     settings; a new modifiable map each time
     */
    Map<String, Object> clientConfig();

    /** @return which provider runs the cluster and how, such as {@code embedded KRaft, 1 broker} */
    String description();

    /** @return the cluster's admin client, owned by the cluster: do not close it */
    Admin admin();

    /**
     * Creates a topic whose name starts with a prefix and ends with a unique suffix.
     *
     * @param prefix the start of the name, such as {@code orders}
     * @param partitions the number of partitions
     * @return the topic's full name
     */
    String createTopic(String prefix, int partitions);

    /**
     * Creates a topic exactly as specified, and waits until every broker knows it.
     *
     * @param spec the topic's name, partitions, replication factor and configs
     */
    void createTopic(TopicSpec spec);

    /**
     * Produces one record and waits until it is acknowledged.
     *
     * @param topic the topic
     * @param key the key as UTF-8 text; may be null
     * @param value the value as UTF-8 text; null for a tombstone
     * @return the record as written, with partition and offset
     */
    KafkaRecord produce(String topic, String key, String value);

    /**
     * Produces one record with everything set and waits until it is acknowledged.
     *
     * @param topic the topic
     * @param partition the partition; null lets the producer choose
     * @param key the key's bytes; may be null
     * @param value the value's bytes; may be null
     * @param headers headers as UTF-8 text, in order; never null
     * @return the record as written, with partition and offset
     */
    KafkaRecord produce(String topic, Integer partition, byte[] key, byte[] value, Map<String, String> headers);

    /**
     * Reads everything written to a topic up to now, from every partition.
     *
     * @param topic the topic
     * @return the records, per partition in offset order
     * @throws AssertionError if the topic does not exist or cannot be read within the default deadline
     */
    List<KafkaRecord> readAll(String topic);

    /**
     * Reads a topic until at least {@code count} records arrived.
     *
     * @param topic the topic
     * @param count how many records to wait for
     * @param timeout the deadline
     * @return the records read, at least {@code count}
     * @throws AssertionError listing the records read, if fewer arrived in time
     */
    List<KafkaRecord> readUntilCount(String topic, int count, Duration timeout);

    /**
     * Reads a topic until a condition holds on everything read.
     *
     * @param topic the topic
     * @param condition checked after each poll
     * @param timeout the deadline
     * @return the records read
     * @throws AssertionError listing the records read, if the condition did not hold in time
     */
    List<KafkaRecord> readUntil(String topic, Predicate<List<KafkaRecord>> condition, Duration timeout);

    /**
     * Opens a reader that keeps reading a topic, for tests that wait several times.
     *
     * @param topic the topic
     * @return a reader; close it when done
     */
    TopicReader reader(String topic);

    /**
     * @param groupId a consumer group
     * @return its committed offset per partition: the next offset it will consume; empty when none
     */
    Map<TopicPartition, Long> committedOffsets(String groupId);

    /** @return the ids of the running brokers */
    List<Integer> brokerIds();

    /**
     * Shuts one broker down, for tests of replication and fail-over.
     *
     * @param brokerId a running broker's id
     * @throws UnsupportedOperationException if this provider cannot stop single brokers
     */
    void stopBroker(int brokerId);
}
