package io.tributary.runtime.connect;

import io.tributary.connect.convert.ConnectRecords;
import io.tributary.sdk.source.RecordMetadata;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.metrics.PluginMetrics;

/** A Kafka Connect source task, run by the worker as an SDK one: its records are converted as they are polled. */
final class ConnectSourceTask implements SourceTask {
    private final org.apache.kafka.connect.source.SourceTask task;
    private final Calls calls;
    /** Whether the task overrides {@code commitRecord}: only then is a sent record converted back for it. */
    private final boolean commitsRecords;

    ConnectSourceTask(org.apache.kafka.connect.source.SourceTask task, ClassLoader loader) {
        this.task = task;
        this.calls = new Calls(loader);
        this.commitsRecords = overridesCommitRecord(task.getClass());
    }

    @Override
    public String version() {
        return calls.get(task::version);
    }

    @Override
    public void start(SourceTaskContext context) {
        calls.run(() -> {
            task.initialize(new org.apache.kafka.connect.source.SourceTaskContext() {
                @Override
                public Map<String, String> configs() {
                    return context.config();
                }

                @Override
                public org.apache.kafka.connect.storage.OffsetStorageReader offsetStorageReader() {
                    return ConnectContexts.reader(context.offsetReader());
                }

                @Override
                public PluginMetrics pluginMetrics() {
                    throw ConnectContexts.noMetrics();
                }
            });
            task.start(context.config());
        });
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        List<org.apache.kafka.connect.source.SourceRecord> polled = calls.interruptibly(task::poll);
        if (polled == null || polled.isEmpty()) {
            return List.of();
        }
        List<SourceRecord> records = new ArrayList<>(polled.size());
        for (org.apache.kafka.connect.source.SourceRecord record : polled) {
            records.add(ConnectRecords.toSdk(record));
        }
        return records;
    }

    @Override
    public void commit() throws InterruptedException {
        calls.interruptibly(() -> {
            task.commit();
            return null;
        });
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) throws InterruptedException {
        if (!commitsRecords) {
            return;
        }
        calls.interruptibly(() -> {
            task.commitRecord(ConnectRecords.toConnect(record), ConnectRecords.toConnect(metadata));
            return null;
        });
    }

    @Override
    public void stop() {
        calls.run(task::stop);
    }

    @Override
    public String toString() {
        return "Kafka Connect source task " + task.getClass().getName();
    }

    private static boolean overridesCommitRecord(Class<?> taskClass) {
        for (Class<?> c = taskClass;
                c != null && c != org.apache.kafka.connect.source.SourceTask.class;
                c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod(
                        "commitRecord",
                        org.apache.kafka.connect.source.SourceRecord.class,
                        org.apache.kafka.clients.producer.RecordMetadata.class);
                return true;
            } catch (NoSuchMethodException e) {
                // Not declared here: look in the superclass.
            }
        }
        return false;
    }
}
