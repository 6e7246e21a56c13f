package ${package};

import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The task of {@link ${connectorName}SourceConnector}: numbered messages, from the last committed number on. */
public class ${connectorName}SourceTask implements SourceTask {
    /** Where in the source a record comes from: here one sequence; a table, a file or a shard elsewhere. */
    static final Map<String, String> PARTITION = Map.of("sequence", "messages");
    /** The offset's field: the number of the next message to write. */
    static final String NEXT = "next";

    private final CountDownLatch stopped = new CountDownLatch(1);
    private String topic;
    private String message;
    private int batchSize;
    private long pollIntervalMs;
    private long next;
    private boolean polledBefore;

    @Override
    public String version() {
        return Versions.of(getClass());
    }

    @Override
    public void start(SourceTaskContext context) {
        ParsedConfig config = context.config(${connectorName}SourceConnector.CONFIG);
        topic = config.getString(${connectorName}SourceConnector.TOPIC);
        message = config.getString(${connectorName}SourceConnector.MESSAGE);
        batchSize = config.getInt(${connectorName}SourceConnector.BATCH_SIZE);
        pollIntervalMs = config.getLong(${connectorName}SourceConnector.POLL_INTERVAL_MS);
        // Resume after the last record whose offset the runtime committed.
        Map<String, Object> committed = context.offsetReader().offset(PARTITION);
        next = committed == null ? 0 : ((Number) committed.get(NEXT)).longValue();
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        // Wait between polls, but return at once when the task is stopped.
        if (polledBefore && stopped.await(pollIntervalMs, TimeUnit.MILLISECONDS)) {
            return List.of();
        }
        polledBefore = true;
        List<SourceRecord> records = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            long number = next++;
            records.add(SourceRecord.builder()
                    .sourcePartition(PARTITION)
                    .sourceOffset(Map.of(NEXT, number + 1))
                    .topic(topic)
                    .key(Schema.INT64_SCHEMA, number)
                    .value(Schema.STRING_SCHEMA, message + " " + number)
                    .build());
        }
        return records;
    }

    @Override
    public void stop() {
        stopped.countDown();
    }
}
