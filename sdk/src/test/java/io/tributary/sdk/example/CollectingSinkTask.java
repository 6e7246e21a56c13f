package io.tributary.sdk.example;

import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTask;
import io.tributary.sdk.sink.SinkTaskContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The task of {@link CollectingSinkConnector}. Values that are not numbers are reported as errant,
 * so the example also shows a task that keeps going past a bad record.
 */
public class CollectingSinkTask implements SinkTask {
    private static final Map<String, List<Object>> COLLECTIONS = new ConcurrentHashMap<>();

    private SinkTaskContext context;
    private List<Object> collection;

    /**
     * @param name a collection's name
     * @return the values collected under it so far
     */
    public static List<Object> collected(String name) {
        return List.copyOf(COLLECTIONS.getOrDefault(name, List.of()));
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public void start(SinkTaskContext taskContext) {
        context = taskContext;
        String name = taskContext.config().get(CollectingSinkConnector.COLLECTION);
        collection = COLLECTIONS.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        for (SinkRecord record : records) {
            if (record.value() instanceof Number) {
                collection.add(record.value());
            } else {
                context.errantRecordReporter()
                        .report(record, new IllegalArgumentException("Expected a number, got " + record.value()));
            }
        }
    }

    @Override
    public Map<TopicPartition, Long> preCommit(Map<TopicPartition, Long> currentOffsets) {
        return currentOffsets; // values are collected as they arrive: everything put is durable
    }

    @Override
    public void stop() {}
}
