package io.tributary.runtime.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * How far a sink connector's consumer group is behind its topic: the records written to the topic since the
 * demo began, and those of them the sink has not committed yet.
 */
final class SinkLag implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 10;

    private final Admin admin;
    private final String topic;
    private final String group;
    private Map<TopicPartition, Long> start = Map.of();

    /** Records produced since {@link #markStart()}, and those of them not committed by the group. */
    record Progress(long produced, long lag) {}

    SinkLag(String bootstrapServers, String topic, String group) {
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "tributary-demo");
        this.admin = Admin.create(settings);
        this.topic = topic;
        this.group = group;
    }

    /** Takes the topic's end offsets now as the point progress counts from. */
    void markStart() throws InterruptedException, ExecutionException, TimeoutException {
        start = endOffsets();
    }

    Progress progress() throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, Long> ends = endOffsets();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long produced = 0;
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            long from = start.getOrDefault(end.getKey(), 0L);
            OffsetAndMetadata position = committed.get(end.getKey());
            produced += end.getValue() - from;
            lag += end.getValue() - Math.max(from, position == null ? 0 : position.offset());
        }
        return new Progress(produced, lag);
    }

    private Map<TopicPartition, Long> endOffsets() throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        try {
            admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Map.of();
            }
            throw e;
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest)
                .all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    @Override
    public void close() {
        admin.close();
    }
}
