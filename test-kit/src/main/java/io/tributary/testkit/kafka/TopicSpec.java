package io.tributary.testkit.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a topic to create looks like: name, partitions, replication factor and topic configs.
 *
 * <pre>{@code
 * kafka.createTopic(TopicSpec.named("orders").partitions(3).replicationFactor(3)
 *         .config("min.insync.replicas", "2"));
 * }</pre>
 */
public final class TopicSpec {
    private final String name;
    private int partitions = 1;
    private short replicationFactor = 1;
    private final Map<String, String> configs = new LinkedHashMap<>();

    private TopicSpec(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * @param name the topic's name
     * @return a spec with one partition, replication factor 1 and no configs
     */
    public static TopicSpec named(String name) {
        return new TopicSpec(name);
    }

    /** @param count the number of partitions, at least 1 @return this spec */
    public TopicSpec partitions(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("A topic needs at least one partition, got " + count);
        }
        this.partitions = count;
        return this;
    }

    /** @param factor copies of each partition, at most the number of brokers @return this spec */
    public TopicSpec replicationFactor(int factor) {
        if (factor < 1 || factor > Short.MAX_VALUE) {
            throw new IllegalArgumentException("Replication factor must be at least 1, got " + factor);
        }
        this.replicationFactor = (short) factor;
        return this;
    }

    /**
     * @param key a topic config, such as {@code cleanup.policy}
     * @param value its value
     * @return this spec
     */
    public TopicSpec config(String key, String value) {
        configs.put(key, value);
        return this;
    }

    /** @return the topic's name */
    public String name() {
        return name;
    }

    /** @return the number of partitions */
    public int partitions() {
        return partitions;
    }

    /** @return the replication factor */
    public short replicationFactor() {
        return replicationFactor;
    }

    /** @return the topic configs; unmodifiable */
    public Map<String, String> configs() {
        return Map.copyOf(configs);
    }
}
