package io.tributary.testkit.driver;

import io.tributary.sdk.data.Schema;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.errors.RetriableException;
import io.tributary.sdk.source.RecordMetadata;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An example source task: reads the lines of an in-memory list named in its config, one record per
 * line, with the line's index as the source offset, and resumes after the last committed line. It
 * remembers what the driver did to it, so tests can check the calls.
 */
public class LinesSourceTask implements SourceTask {
    static final String LINES = "lines";
    static final String TOPIC = "topic";
    static final String BATCH_SIZE = "batch.size";
    static final String POSITION = "line";

    private static final Map<String, Lines> REGISTERED = new ConcurrentHashMap<>();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final List<RecordMetadata> acknowledged = new ArrayList<>();
    private final List<Object> acknowledgedLines = new ArrayList<>();
    private SourceTaskContext context;
    private Lines lines;
    private String topic;
    private int batchSize;
    private long next;
    private int polls;
    private int commits;
    private boolean stopped;

    /**
     * Registers lines under a new name, for a task config to refer to.
     *
     * @param text the lines
     * @return the registered lines
     */
    static Lines register(String... text) {
        Lines lines = new Lines("lines-" + NAMES.incrementAndGet(), List.of(text));
        REGISTERED.put(lines.name(), lines);
        return lines;
    }

    static Map<String, String> partitionOf(Lines lines) {
        return Map.of(LINES, lines.name());
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public void start(SourceTaskContext taskContext) {
        context = taskContext;
        String name = taskContext.config().get(LINES);
        lines = REGISTERED.get(name);
        if (lines == null) {
            throw new ConfigException(LINES, name, "no lines are registered under this name");
        }
        topic = taskContext.config().getOrDefault(TOPIC, "lines");
        batchSize = Integer.parseInt(taskContext.config().getOrDefault(BATCH_SIZE, "2"));
        Map<String, Object> committed = taskContext.offsetReader().offset(partitionOf(lines));
        next = committed == null ? 0 : ((Number) committed.get(POSITION)).longValue() + 1;
    }

    @Override
    public List<SourceRecord> poll() {
        polls++;
        if (lines.unavailablePolls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new RetriableException("Lines '" + lines.name() + "' cannot be read right now; poll again");
        }
        List<SourceRecord> records = new ArrayList<>();
        for (; next < lines.text().size() && records.size() < batchSize; next++) {
            records.add(SourceRecord.builder()
                    .sourcePartition(partitionOf(lines))
                    .sourceOffset(Map.of(POSITION, next))
                    .topic(topic)
                    .value(Schema.STRING_SCHEMA, lines.text().get((int) next))
                    .build());
        }
        return records;
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        acknowledged.add(metadata);
        acknowledgedLines.add(record.value());
    }

    @Override
    public void commit() {
        commits++;
    }

    @Override
    public void stop() {
        stopped = true;
    }

    SourceTaskContext context() {
        return context;
    }

    List<RecordMetadata> acknowledged() {
        return acknowledged;
    }

    List<Object> acknowledgedLines() {
        return acknowledgedLines;
    }

    int polls() {
        return polls;
    }

    int commits() {
        return commits;
    }

    boolean stopped() {
        return stopped;
    }

    /**
     * Lines registered under a name.
     *
     * @param name what a task config calls them
     * @param text the lines
     * @param unavailablePolls how many of the next polls fail retriably
     */
    record Lines(String name, List<String> text, AtomicInteger unavailablePolls) {
        Lines(String name, List<String> text) {
            this(name, text, new AtomicInteger());
        }

        /** @param polls how many of the next polls find the lines unreadable */
        void failNextPolls(int polls) {
            unavailablePolls.set(polls);
        }
    }
}
