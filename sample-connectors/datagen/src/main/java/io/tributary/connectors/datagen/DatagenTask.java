package io.tributary.connectors.datagen;

import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The task of {@link DatagenConnector}: its share of the numbered records, at the rate asked for. */
public class DatagenTask implements SourceTask {
    /** The offset's field: the number of the next record this task writes. */
    static final String NEXT = "next";

    private final CountDownLatch stopped = new CountDownLatch(1);
    private String topic;
    private Generator generator;
    private long seed;
    private long iterations;
    private double perSecond;
    private int batchSize;
    private long step;
    private Map<String, Object> partition;
    private long next;
    private long startedNanos;
    private long writtenSinceStart;

    @Override
    public String version() {
        return Versions.of(getClass());
    }

    @Override
    public void start(SourceTaskContext context) {
        ParsedConfig config = context.config(DatagenConfig.DEFINITION);
        topic = config.getString(DatagenConfig.TOPIC);
        List<String> fields = config.getList(DatagenConfig.SCHEMA_FIELDS);
        generator = fields.isEmpty()
                ? Generator.of(config.getString(DatagenConfig.QUICKSTART))
                : FieldsGenerator.parse(String.join(",", fields));
        seed = config.getLong(DatagenConfig.SEED);
        iterations = config.getLong(DatagenConfig.ITERATIONS);
        perSecond = config.getDouble(DatagenConfig.RECORDS_PER_SECOND);
        batchSize = config.getInt(DatagenConfig.BATCH_SIZE);
        int index = Integer.parseInt(context.config().getOrDefault(DatagenConnector.TASK_INDEX, "0"));
        step = Integer.parseInt(context.config().getOrDefault(DatagenConnector.TASK_COUNT, "1"));
        partition = Map.of("task", (long) index, "of", step);
        Map<String, Object> committed = context.offsetReader().offset(partition);
        next = committed == null ? index : ((Number) committed.get(NEXT)).longValue();
        startedNanos = System.nanoTime();
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (iterations >= 0 && next >= iterations) {
            // Done: nothing more to write, ever; wait a little rather than spin.
            stopped.await(100, TimeUnit.MILLISECONDS);
            return List.of();
        }
        int allowed = allowedNow();
        if (allowed == 0) {
            long waitNanos = (long) ((writtenSinceStart + 1) * 1e9 / perSecond) - (System.nanoTime() - startedNanos);
            stopped.await(Math.max(1, waitNanos), TimeUnit.NANOSECONDS);
            return List.of();
        }
        List<SourceRecord> records = new ArrayList<>(allowed);
        while (records.size() < allowed && (iterations < 0 || next < iterations)) {
            long number = next;
            Struct value = generator.value(number, Generator.random(seed, number));
            next += step;
            records.add(SourceRecord.builder()
                    .sourcePartition(partition)
                    .sourceOffset(Map.of(NEXT, next))
                    .topic(topic)
                    .key(generator.keySchema(), generator.key(number, value))
                    .value(generator.valueSchema(), value)
                    .build());
        }
        writtenSinceStart += records.size();
        return records;
    }

    /** How many records the rate allows now, at most a batch. */
    private int allowedNow() {
        if (perSecond <= 0) {
            return batchSize;
        }
        double elapsedSeconds = (System.nanoTime() - startedNanos) / 1e9;
        long due = (long) Math.floor(elapsedSeconds * perSecond) + 1 - writtenSinceStart;
        return (int) Math.max(0, Math.min(batchSize, due));
    }

    @Override
    public void stop() {
        stopped.countDown();
    }
}
