package io.tributary.connect;

import io.tributary.connect.convert.ConnectRecords;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.plugin.Versioned;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTask;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * An SDK sink task as Kafka Connect runs one. A connector's Connect bundle holds a subclass of this for each
 * SDK sink task, named by {@link ConnectNames}, whose constructor gives it a new SDK task; this class itself
 * runs any other, made from the class its connector adapter names in the task's settings.
 *
 * <p>A record the SDK task reports as errant is reported as Connect delivered it, so Connect's dead letter queue
 * gets the bytes it was read as: the task keeps each record Connect delivered until an offset past it is
 * committed or its partition is closed.
 */
public class TributarySinkTask extends org.apache.kafka.connect.sink.SinkTask {
    private SinkTask task;
    /** The records delivered and not yet committed, each SDK record to Connect's; reports may come from any thread. */
    private final Map<SinkRecord, org.apache.kafka.connect.sink.SinkRecord> delivered =
            Collections.synchronizedMap(new IdentityHashMap<>());

    /** The general adapter: the SDK task is made from the task's settings when it starts. */
    public TributarySinkTask() {}

    /** @param task the SDK task this one runs, new */
    protected TributarySinkTask(SinkTask task) {
        this.task = task;
    }

    @Override
    public String version() {
        return task == null ? Versioned.UNKNOWN_VERSION : task.version();
    }

    @Override
    public void start(Map<String, String> props) {
        if (task == null) {
            task = SdkInstances.make(getClass(), props, SinkTask.class);
        }
        Map<String, String> own = TaskSettings.own(props);
        ConnectErrors.run(() -> task.start(Contexts.sinkTask(
                TaskSettings.taskId(props), own, TaskSettings.toleratesAll(props), context, delivered::get)));
    }

    @Override
    public void put(Collection<org.apache.kafka.connect.sink.SinkRecord> records) {
        List<SinkRecord> converted = new ArrayList<>(records.size());
        for (org.apache.kafka.connect.sink.SinkRecord record : records) {
            SinkRecord sdk = ConnectRecords.toSdk(record);
            delivered.put(sdk, record);
            converted.add(sdk);
        }
        ConnectErrors.run(() -> task.put(converted));
    }

    @Override
    public void flush(Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> currentOffsets) {
        ConnectErrors.run(() -> task.flush(ConnectRecords.offsetsToSdk(currentOffsets)));
    }

    @Override
    public Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> preCommit(
            Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> currentOffsets) {
        Map<TopicPartition, Long> committable =
                ConnectErrors.call(() -> task.preCommit(ConnectRecords.offsetsToSdk(currentOffsets)));
        if (committable == null) {
            return Map.of();
        }
        Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> converted = new LinkedHashMap<>();
        committable.forEach((partition, offset) -> {
            org.apache.kafka.common.TopicPartition connectPartition = ConnectRecords.toConnect(partition);
            OffsetAndMetadata given = currentOffsets.get(connectPartition);
            // Connect's own entry where the offset is the one it gave: it keeps the leader epoch and metadata.
            converted.put(
                    connectPartition,
                    given != null && given.offset() == offset ? given : new OffsetAndMetadata(offset));
        });
        synchronized (delivered) {
            delivered.keySet().removeIf(record -> {
                Long committed = committable.get(record.originalTopicPartition());
                return committed != null && record.originalKafkaOffset() < committed;
            });
        }
        return converted;
    }

    @Override
    public void open(Collection<org.apache.kafka.common.TopicPartition> partitions) {
        ConnectErrors.run(() -> task.open(ConnectRecords.toSdk(partitions)));
    }

    @Override
    public void close(Collection<org.apache.kafka.common.TopicPartition> partitions) {
        Set<TopicPartition> closed = ConnectRecords.toSdk(partitions);
        try {
            ConnectErrors.run(() -> task.close(closed));
        } finally {
            synchronized (delivered) {
                delivered.keySet().removeIf(record -> closed.contains(record.originalTopicPartition()));
            }
        }
    }

    @Override
    public void stop() {
        if (task != null) {
            ConnectErrors.run(task::stop);
        }
    }
}
