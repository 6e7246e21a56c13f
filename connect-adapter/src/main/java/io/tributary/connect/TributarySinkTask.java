package io.tributary.connect;

import io.tributary.connect.convert.ConnectRecords;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.plugin.Versioned;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTask;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * An SDK sink task as Kafka Connect runs one. A connector's Connect bundle holds a subclass of this for each
 * SDK sink task, named by {@link ConnectNames}, whose constructor gives it a new SDK task; this class itself
 * runs any other, made from the class its connector adapter names in the task's settings.
 *
 * <p>Records of the last batch are reported as errant as Connect delivered them, so its dead letter queue gets
 * the bytes they were read as.
 */
public class TributarySinkTask extends org.apache.kafka.connect.sink.SinkTask {
    private SinkTask task;
    private volatile Map<SinkRecord, org.apache.kafka.connect.sink.SinkRecord> batch = new IdentityHashMap<>();

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
            task = SdkTasks.make(getClass(), props, SinkTask.class);
        }
        Map<String, String> own = TaskSettings.own(props);
        ConnectErrors.run(() ->
                task.start(Contexts.sinkTask(TaskSettings.taskId(props), own, context, record -> batch.get(record))));
    }

    @Override
    public void put(Collection<org.apache.kafka.connect.sink.SinkRecord> records) {
        Map<SinkRecord, org.apache.kafka.connect.sink.SinkRecord> delivered = new IdentityHashMap<>();
        List<SinkRecord> converted = new ArrayList<>(records.size());
        for (org.apache.kafka.connect.sink.SinkRecord record : records) {
            SinkRecord sdk = ConnectRecords.toSdk(record);
            delivered.put(sdk, record);
            converted.add(sdk);
        }
        batch = delivered;
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
        return committable == null ? Map.of() : ConnectRecords.offsetsToConnect(committable);
    }

    @Override
    public void open(Collection<org.apache.kafka.common.TopicPartition> partitions) {
        ConnectErrors.run(() -> task.open(toSdk(partitions)));
    }

    @Override
    public void close(Collection<org.apache.kafka.common.TopicPartition> partitions) {
        ConnectErrors.run(() -> task.close(toSdk(partitions)));
    }

    @Override
    public void stop() {
        if (task != null) {
            ConnectErrors.run(task::stop);
        }
    }

    private static List<TopicPartition> toSdk(Collection<org.apache.kafka.common.TopicPartition> partitions) {
        List<TopicPartition> converted = new ArrayList<>(partitions.size());
        partitions.forEach(partition -> converted.add(ConnectRecords.toSdk(partition)));
        return converted;
    }
}
