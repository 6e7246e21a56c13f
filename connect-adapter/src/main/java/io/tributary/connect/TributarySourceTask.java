package io.tributary.connect;

import io.tributary.connect.convert.ConnectRecords;
import io.tributary.sdk.plugin.Versioned;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * An SDK source task as Kafka Connect runs one. A connector's Connect bundle holds a subclass of this for each
 * SDK source task, named by {@link ConnectNames}, whose constructor gives it a new SDK task; this class itself
 * runs any other, made from the class its connector adapter names in the task's settings.
 *
 * <p>Connect gives {@link #commitRecord} the record the task polled, before transformations; the SDK task gets
 * its own record back.
 */
public class TributarySourceTask extends org.apache.kafka.connect.source.SourceTask {
    private SourceTask task;

    /** The general adapter: the SDK task is made from the task's settings when it starts. */
    public TributarySourceTask() {}

    /** @param task the SDK task this one runs, new */
    protected TributarySourceTask(SourceTask task) {
        this.task = task;
    }

    @Override
    public String version() {
        return task == null ? Versioned.UNKNOWN_VERSION : task.version();
    }

    @Override
    public void start(Map<String, String> props) {
        if (task == null) {
            task = SdkInstances.make(getClass(), props, SourceTask.class);
        }
        Map<String, String> own = TaskSettings.own(props);
        ConnectErrors.run(() -> task.start(Contexts.sourceTask(TaskSettings.taskId(props), own, context)));
    }

    @Override
    public List<org.apache.kafka.connect.source.SourceRecord> poll() throws InterruptedException {
        List<SourceRecord> polled = ConnectErrors.interruptibly(task::poll);
        if (polled == null) {
            return null;
        }
        List<org.apache.kafka.connect.source.SourceRecord> records = new ArrayList<>(polled.size());
        for (SourceRecord record : polled) {
            records.add(ConnectRecords.toConnectPolled(record));
        }
        return records;
    }

    @Override
    public void commit() throws InterruptedException {
        ConnectErrors.interruptibly(() -> {
            task.commit();
            return null;
        });
    }

    @Override
    public void commitRecord(org.apache.kafka.connect.source.SourceRecord record, RecordMetadata metadata)
            throws InterruptedException {
        SourceRecord sdk =
                record instanceof ConnectRecords.SdkSourceRecord polled ? polled.sdk() : ConnectRecords.toSdk(record);
        ConnectErrors.interruptibly(() -> {
            task.commitRecord(sdk, ConnectRecords.toSdk(metadata));
            return null;
        });
    }

    @Override
    public void stop() {
        if (task != null) {
            ConnectErrors.run(task::stop);
        }
    }
}
