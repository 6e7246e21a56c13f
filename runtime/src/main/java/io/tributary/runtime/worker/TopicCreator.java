package io.tributary.runtime.worker;

import io.tributary.runtime.worker.TopicCreationConfig.Group;
import io.tributary.sdk.errors.TributaryException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics a source connector writes to, the first time a task sends a record to each, with
 * the settings of the topic's {@link TopicCreationConfig.Group}. A topic that exists is left as it is.
 *
 * <p>Each topic costs at most one look-up and one creation: once a topic is known to exist, {@link
 * #ensureTopic(String)} returns at once without asking the cluster again. Thread-safe; creations are
 * done one at a time, which only the first record to each new topic waits for.
 *
 * <p>The admin client belongs to the caller, who closes it.
 */
final class TopicCreator {
    private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);

    /** How long a new topic may take to be served before creating it counts as failed. */
    static final Duration SERVING_TIMEOUT = Duration.ofSeconds(30);

    private final TopicCreationConfig config;
    private final boolean enabled;
    private final Admin admin;
    private final Set<String> existing = ConcurrentHashMap.newKeySet();
    private final Object creating = new Object();

    /**
     * @param config the connector's topic creation settings
     * @param workerAllows the worker's {@code topic.creation.enable}; false turns creation off for every
     *     connector
     * @param admin the client that looks topics up and creates them; not closed here
     */
    TopicCreator(TopicCreationConfig config, boolean workerAllows, Admin admin) {
        this.config = Objects.requireNonNull(config, "config");
        this.enabled = workerAllows && config.enabled();
        this.admin = Objects.requireNonNull(admin, "admin");
    }

    /** @return whether this creator creates topics: the worker allows it and the connector asks for it */
    boolean enabled() {
        return enabled;
    }

    /**
     * Makes sure a topic exists before a record is sent to it: creates it with its group's settings if it
     * does not, and does nothing if it does, if creation is off, or if an earlier call settled it.
     *
     * @param topic the topic a record is about to be sent to
     * @throws TributaryException if the topic cannot be looked up or created; a later call tries again
     * @throws InterruptedException if the thread is interrupted while waiting for the cluster
     */
    void ensureTopic(String topic) throws InterruptedException {
        if (!enabled || existing.contains(topic)) {
            return;
        }
        synchronized (creating) {
            if (existing.contains(topic)) {
                return;
            }
            if (exists(topic)) {
                LOG.info("Topic '{}' already exists; it is used as it is, without topic creation settings", topic);
            } else {
                create(topic);
            }
            existing.add(topic);
        }
    }

    private boolean exists(String topic) throws InterruptedException {
        try {
            admin.describeTopics(List.of(topic)).allTopicNames().get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw new TributaryException(
                    "Could not find out whether topic '" + topic + "' exists before creating it: " + e.getCause()
                            + ". Check that the cluster is reachable and that the connector's principal may"
                            + " describe topics (admin.* worker settings, admin.override.* connector settings)",
                    e.getCause());
        }
    }

    private void create(String topic) throws InterruptedException {
        Group group = config.groupFor(topic).orElseThrow();
        LOG.info("Topic '{}' does not exist; creating it with topic creation {}", topic, group);
        NewTopic newTopic = new NewTopic(
                        topic,
                        orBrokerDefault(group.partitions()),
                        orBrokerDefault(group.replicationFactor()).map(Integer::shortValue))
                .configs(group.topicConfigs());
        try {
            CreateTopicsResult result = admin.createTopics(List.of(newTopic));
            result.all().get();
            awaitServing(admin, topic, result.numPartitions(topic).get());
            LOG.info(
                    "Created topic '{}' with {} partitions, replication factor {} and topic configs {} (group '{}')",
                    topic,
                    created(result.numPartitions(topic), group.partitions()),
                    created(result.replicationFactor(topic), group.replicationFactor()),
                    group.topicConfigs(),
                    group.name());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                LOG.info("Topic '{}' was created by someone else meanwhile; it is used as it is", topic);
                return;
            }
            throw new TributaryException(
                    "Could not create topic '" + topic + "' with topic creation " + group + ": " + e.getCause()
                            + ". Fix the group's settings (" + TopicCreationConfig.setting(group.name(), "*")
                            + "), let the connector's principal create topics, or create the topic yourself",
                    e.getCause());
        }
    }

    /**
     * Waits until the leader of every partition of a topic just created answers for it. Until then, an
     * idempotent producer with several requests in flight can have the first batch to a partition refused
     * while later ones land, and then retry that batch forever (out-of-order sequence): the task would hang
     * without an error. Right after the creation the admin client may not know the topic yet either, so a
     * retriable answer is asked again, for at most {@link #SERVING_TIMEOUT}.
     */
    static void awaitServing(Admin admin, String topic, int partitions)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> all = new HashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            all.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        long deadline = System.nanoTime() + SERVING_TIMEOUT.toNanos();
        while (true) {
            try {
                admin.listOffsets(all).all().get();
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
    }

    private static Optional<Integer> orBrokerDefault(int number) {
        return number == TopicCreationConfig.BROKER_DEFAULT ? Optional.empty() : Optional.of(number);
    }

    /** What the cluster reports it created; what was asked for when it does not say. */
    private static String created(KafkaFuture<Integer> reported, int requested) throws InterruptedException {
        try {
            Integer value = reported.getNow(null);
            if (value != null) {
                return value.toString();
            }
        } catch (ExecutionException e) {
            // older brokers do not report it
        }
        return requested == TopicCreationConfig.BROKER_DEFAULT ? "(broker default)" : Integer.toString(requested);
    }
}
