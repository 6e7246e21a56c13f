package io.tributary.runtime.connect;

import io.tributary.connect.convert.ConnectRecords;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTask;
import io.tributary.sdk.sink.SinkTaskContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.common.metrics.PluginMetrics;

/**
 * A Kafka Connect sink task, run by the worker as an SDK one: each batch is converted before {@code put}, and
 * a record the task reports as errant is reported as the worker's own record, so the dead letter queue gets
 * what was read from Kafka.
 */
final class ConnectSinkTask implements SinkTask {
    private final org.apache.kafka.connect.sink.SinkTask task;
    private final Calls calls;
    /** The records of the batch being put, by identity: a reported record is found without converting it. */
    private final Map<org.apache.kafka.connect.sink.SinkRecord, SinkRecord> batch =
            Collections.synchronizedMap(new IdentityHashMap<>());

    ConnectSinkTask(org.apache.kafka.connect.sink.SinkTask task, ClassLoader loader) {
        this.task = task;
        this.calls = new Calls(loader);
    }

    @Override
    public String version() {
        return calls.get(task::version);
    }

    @Override
    public void start(SinkTaskContext context) {
        calls.run(() -> {
            task.initialize(context(context));
            task.start(context.config());
        });
    }

    private org.apache.kafka.connect.sink.SinkTaskContext context(SinkTaskContext context) {
        return new org.apache.kafka.connect.sink.SinkTaskContext() {
            @Override
            public Map<String, String> configs() {
                return context.config();
            }

            @Override
            public void offset(Map<org.apache.kafka.common.TopicPartition, Long> offsets) {
                context.offsets(ConnectRecords.positionsToSdk(offsets));
            }

            @Override
            public void offset(org.apache.kafka.common.TopicPartition partition, long offset) {
                context.offset(ConnectRecords.toSdk(partition), offset);
            }

            @Override
            public void timeout(long timeoutMs) {
                context.timeout(Duration.ofMillis(timeoutMs));
            }

            @Override
            public Set<org.apache.kafka.common.TopicPartition> assignment() {
                return ConnectRecords.toConnect(context.assignment());
            }

            @Override
            public void pause(org.apache.kafka.common.TopicPartition... partitions) {
                context.pause(ConnectRecords.toSdk(partitions));
            }

            @Override
            public void resume(org.apache.kafka.common.TopicPartition... partitions) {
                context.resume(ConnectRecords.toSdk(partitions));
            }

            @Override
            public void requestCommit() {
                context.requestCommit();
            }

            @Override
            public org.apache.kafka.connect.sink.ErrantRecordReporter errantRecordReporter() {
                io.tributary.sdk.sink.ErrantRecordReporter reporter = context.errantRecordReporter();
                if (reporter == null) {
                    return null;
                }
                return (record, error) -> report(reporter, record, error);
            }

            @Override
            public PluginMetrics pluginMetrics() {
                throw ConnectContexts.noMetrics();
            }
        };
    }

    private Future<Void> report(
            io.tributary.sdk.sink.ErrantRecordReporter reporter,
            org.apache.kafka.connect.sink.SinkRecord record,
            Throwable error) {
        SinkRecord original = batch.get(record);
        return reporter.report(original != null ? original : ConnectRecords.toSdk(record), error);
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        List<org.apache.kafka.connect.sink.SinkRecord> converted = new ArrayList<>(records.size());
        batch.clear();
        for (SinkRecord record : records) {
            org.apache.kafka.connect.sink.SinkRecord connect = ConnectRecords.toConnect(record);
            batch.put(connect, record);
            converted.add(connect);
        }
        calls.runTask(() -> task.put(converted));
    }

    @Override
    public void flush(Map<TopicPartition, Long> currentOffsets) {
        calls.run(() -> task.flush(ConnectRecords.offsetsToConnect(currentOffsets)));
    }

    @Override
    public Map<TopicPartition, Long> preCommit(Map<TopicPartition, Long> currentOffsets) {
        return calls.get(
                () -> ConnectRecords.offsetsToSdk(task.preCommit(ConnectRecords.offsetsToConnect(currentOffsets))));
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        calls.run(() -> task.open(ConnectRecords.toConnect(partitions)));
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        calls.run(() -> task.close(ConnectRecords.toConnect(partitions)));
    }

    @Override
    public void stop() {
        calls.run(task::stop);
        batch.clear();
    }

    @Override
    public String toString() {
        return "Kafka Connect sink task " + task.getClass().getName();
    }
}
