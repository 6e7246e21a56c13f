package io.tributary.sdk.example;

import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The task of {@link CountingSourceConnector}. */
public class CountingSourceTask implements SourceTask {
    static final Map<String, String> PARTITION = Map.of("counter", "main");
    static final String POSITION = "next";

    private String topic;
    private int batchSize;
    private long next;

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public void start(SourceTaskContext context) {
        ParsedConfig config = context.config(CountingSourceConnector.CONFIG);
        topic = config.getString(CountingSourceConnector.TOPIC);
        batchSize = config.getInt(CountingSourceConnector.BATCH_SIZE);
        Map<String, Object> committed = context.offsetReader().offset(PARTITION);
        next = committed == null ? 0 : ((Number) committed.get(POSITION)).longValue();
    }

    @Override
    public List<SourceRecord> poll() {
        List<SourceRecord> records = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++, next++) {
            records.add(SourceRecord.builder()
                    .sourcePartition(PARTITION)
                    .sourceOffset(Map.of(POSITION, next + 1))
                    .topic(topic)
                    .value(Schema.INT64_SCHEMA, next)
                    .build());
        }
        return records;
    }

    @Override
    public void stop() {}
}
