package io.tributary.runtime.distributed;

import io.tributary.sdk.errors.ConfigException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The config, offsets and status topics: created compacted when missing, and checked when present, so a
 * worker never keeps its state in a topic that deletes it.
 */
final class InternalTopics {
    private static final Logger LOG = LoggerFactory.getLogger(InternalTopics.class);
    private static final long VISIBILITY_POLL_MS = 50;

    /**
     * One internal topic as the worker wants it.
     *
     * @param name its name
     * @param setting the setting that names it, for messages
     * @param partitions its partitions when created, -1 for the brokers' default
     * @param replicationFactor its replication factor when created, -1 for the brokers' default
     * @param exactlyOnePartition whether it must have exactly one partition, as the config topic must
     */
    record Spec(String name, String setting, int partitions, short replicationFactor, boolean exactlyOnePartition) {}

    private InternalTopics() {}

    /**
     * Creates the topics that are missing and checks the others.
     *
     * @throws ConfigException listing every topic that cannot hold a worker's state, and why
     */
    static void ensure(Admin admin, Collection<Spec> specs, Duration timeout) {
        List<String> problems = new ArrayList<>();
        for (Spec spec : specs) {
            Optional<TopicDescription> existing = describe(admin, spec.name(), timeout);
            if (existing.isEmpty()) {
                if (create(admin, spec, timeout)) {
                    continue;
                }
                // It exists after all (another worker or a person made it, and not every broker knew yet): it
                // is checked like any topic found.
                existing = Optional.of(awaitVisible(admin, spec, timeout));
            }
            problems.addAll(check(admin, spec, existing.get(), timeout));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("The worker's internal topics cannot hold its state", problems);
        }
    }

    private static Optional<TopicDescription> describe(Admin admin, String topic, Duration timeout) {
        try {
            return Optional.of(await(admin.describeTopics(Set.of(topic)).allTopicNames(), timeout)
                    .get(topic));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw new IllegalStateException("Cannot describe topic " + topic + ": " + e.getCause(), e.getCause());
        }
    }

    /** @return true if it created the topic, false if the topic existed already */
    private static boolean create(Admin admin, Spec spec, Duration timeout) {
        int partitions = spec.exactlyOnePartition() ? 1 : spec.partitions();
        NewTopic topic = new NewTopic(
                        spec.name(),
                        partitions < 0 ? Optional.empty() : Optional.of(partitions),
                        spec.replicationFactor() < 0 ? Optional.empty() : Optional.of(spec.replicationFactor()))
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            await(admin.createTopics(List.of(topic)).all(), timeout);
            LOG.info("Created topic {} ({}), compacted, with {} partition(s)", spec.name(), spec.setting(), partitions);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new ConfigException("Cannot create topic " + spec.name() + " (" + spec.setting() + "): "
                    + e.getCause().getMessage() + "; create it yourself, compacted, or fix the worker's rights or "
                    + spec.setting().replace("topic", "replication.factor"));
        }
        awaitVisible(admin, spec, timeout);
        return true;
    }

    /**
     * Waits until the brokers describe a topic just created: the controller answers before every broker
     * knows it, and a reader that starts earlier would be told the topic does not exist.
     *
     * @return the topic's description
     */
    private static TopicDescription awaitVisible(Admin admin, Spec spec, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<TopicDescription> described;
        while ((described = describe(admin, spec.name(), timeout)).isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Topic " + spec.name() + " (" + spec.setting() + ") was created but"
                        + " the brokers did not know it within " + timeout.toSeconds()
                        + " s; check the cluster's health");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(VISIBILITY_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for topic " + spec.name(), e);
            }
        }
        return described.get();
    }

    private static List<String> check(Admin admin, Spec spec, TopicDescription description, Duration timeout) {
        List<String> problems = new ArrayList<>();
        String named = "Topic " + spec.name() + " (" + spec.setting() + ")";
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
        Config config;
        try {
            config = await(admin.describeConfigs(Set.of(resource)).all(), timeout)
                    .get(resource);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the settings of " + named + ": " + e.getCause(), e.getCause());
        }
        String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG) == null
                ? TopicConfig.CLEANUP_POLICY_DELETE
                : config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        Set<String> policies =
                Arrays.stream(policy.split(",")).map(String::trim).collect(Collectors.toSet());
        if (!policies.equals(Set.of(TopicConfig.CLEANUP_POLICY_COMPACT))) {
            problems.add(named + " has cleanup.policy=" + policy + ", which deletes the worker's state in time; set"
                    + " it to compact (kafka-configs --alter --entity-type topics --entity-name " + spec.name()
                    + " --add-config cleanup.policy=compact)");
        }
        if (spec.exactlyOnePartition() && description.partitions().size() != 1) {
            problems.add(named + " has " + description.partitions().size() + " partitions; it needs exactly one, so"
                    + " every worker reads changes in the order they were made. Use a new topic with one partition");
        }
        int replicas = description.partitions().get(0).replicas().size();
        if (spec.replicationFactor() > 0 && replicas < spec.replicationFactor()) {
            problems.add(named + " has replication factor " + replicas + ", below the "
                    + spec.replicationFactor() + " the worker asks for ("
                    + spec.setting().replace("topic", "replication.factor") + "); add replicas, or lower the setting");
        }
        return problems;
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future, Duration timeout)
            throws ExecutionException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting up the worker's topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka did not answer within " + timeout.toSeconds() + " s while the"
                            + " worker set up its topics; check bootstrap.servers",
                    e);
        }
    }
}
