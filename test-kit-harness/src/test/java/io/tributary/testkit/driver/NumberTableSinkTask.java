package io.tributary.testkit.driver;

import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.errors.RetriableException;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTask;
import io.tributary.sdk.sink.SinkTaskContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An example sink task: buffers numbers and writes them to a {@link NumberTable} named in its config on
 * {@code preCommit}, in whole groups of {@value #FLUSH_SIZE}, storing the next offset to consume beside
 * them. It reports values that are not numbers as errant, resumes from the table's offsets on {@code
 * open}, pauses its partitions and asks for a commit while its buffer is full, and finds the table busy
 * the first time it writes {@link #TIMES_OUT_ONCE}. It logs each call it receives, for tests to check.
 */
public class NumberTableSinkTask implements SinkTask {
    static final String TABLE = "table";
    static final String FLUSH_SIZE = "flush.size";
    static final String MAX_BUFFERED = "max.buffered";
    /** The first batch holding this value times out, as a busy database would. */
    static final Long TIMES_OUT_ONCE = -1L;

    static final Duration BACKOFF = Duration.ofMillis(250);

    private final List<String> calls = new ArrayList<>();
    private final List<SinkRecord> buffer = new ArrayList<>();
    private final Set<TopicPartition> pausedForFullBuffer = new LinkedHashSet<>();
    private SinkTaskContext context;
    private NumberTable table;
    private int flushSize;
    private int maxBuffered;
    private boolean timedOut;

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public void start(SinkTaskContext taskContext) {
        calls.add("start");
        context = taskContext;
        table = NumberTable.named(taskContext.config().get(TABLE));
        flushSize = Integer.parseInt(taskContext.config().getOrDefault(FLUSH_SIZE, "1"));
        maxBuffered = Integer.parseInt(taskContext.config().getOrDefault(MAX_BUFFERED, "1000"));
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        calls.add("open " + partitions);
        for (TopicPartition partition : partitions) {
            table.storedOffset(partition).ifPresent(offset -> context.offset(partition, offset));
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (records.isEmpty()) {
            // The runtime puts on every round of its loop, with no records when none came, as Kafka Connect
            // does; the calls worth seeing in these tests are the ones with records.
            return;
        }
        calls.add("put " + records.size());
        // Fail before buffering anything, so the redelivered batch is not buffered twice.
        if (!timedOut && records.stream().anyMatch(record -> Objects.equals(record.value(), TIMES_OUT_ONCE))) {
            timedOut = true;
            context.timeout(BACKOFF);
            throw new RetriableException("Table '" + table.name() + "' timed out; the batch will be retried");
        }
        for (SinkRecord record : records) {
            if (record.value() instanceof Number) {
                buffer.add(record);
            } else {
                context.errantRecordReporter()
                        .report(record, new DataException("Expected a number but was " + record.value()));
            }
        }
        if (buffer.size() >= maxBuffered) {
            buffer.forEach(record -> pausedForFullBuffer.add(record.originalTopicPartition()));
            context.pause(pausedForFullBuffer.toArray(TopicPartition[]::new));
            context.requestCommit();
        }
    }

    @Override
    public Map<TopicPartition, Long> preCommit(Map<TopicPartition, Long> currentOffsets) {
        calls.add("preCommit " + currentOffsets);
        int writable = buffer.size() - buffer.size() % flushSize;
        List<SinkRecord> written = buffer.subList(0, writable);
        written.forEach(record -> table.write(record.value()));
        written.clear();
        Map<TopicPartition, Long> durable = new LinkedHashMap<>();
        currentOffsets.forEach((partition, current) -> {
            long next = buffer.stream()
                    .filter(record -> record.originalTopicPartition().equals(partition))
                    .mapToLong(SinkRecord::originalKafkaOffset)
                    .findFirst()
                    .orElse(current);
            table.storeOffset(partition, next);
            durable.put(partition, next);
        });
        if (buffer.size() < maxBuffered && !pausedForFullBuffer.isEmpty()) {
            context.resume(pausedForFullBuffer.toArray(TopicPartition[]::new));
            pausedForFullBuffer.clear();
        }
        return durable;
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        calls.add("close " + partitions);
        // Unwritten records of these partitions will be consumed again from the committed offsets.
        buffer.removeIf(record -> partitions.contains(record.originalTopicPartition()));
        pausedForFullBuffer.removeAll(partitions);
    }

    @Override
    public void stop() {
        calls.add("stop");
    }

    List<String> calls() {
        return calls;
    }

    List<Object> buffered() {
        return buffer.stream().map(SinkRecord::value).toList();
    }
}
