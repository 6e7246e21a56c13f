package io.tributary.connectors.file;

import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.errors.RetriableException;
import io.tributary.sdk.errors.TributaryException;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTask;
import io.tributary.sdk.sink.SinkTaskContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task of {@link FileSinkConnector}. Each batch is written with one write at the end of the file; a
 * failed write is cut off again, so the batch is retried whole. {@link #preCommit} syncs the file before
 * the worker commits, and when the file was deleted or replaced since the last commit, the records written
 * into the old one are read again from Kafka and written into the new one.
 */
public class FileSinkTask implements SinkTask {
    private static final Logger LOG = LoggerFactory.getLogger(FileSinkTask.class);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private SinkTaskContext context;
    private Path file;
    private LineFormat format;
    private boolean csvHeader;
    private FileChannel channel;
    private String fileKey;
    /** Per partition, the offset after the last record made durable by a commit. */
    private final Map<TopicPartition, Long> durable = new HashMap<>();
    /** Per partition, the first offset written since the file was opened: where to read again from. */
    private final Map<TopicPartition, Long> firstWritten = new HashMap<>();

    @Override
    public String version() {
        return Versions.of(getClass());
    }

    @Override
    public void start(SinkTaskContext context) {
        this.context = context;
        ParsedConfig config = context.config(FileSinkConfig.DEFINITION);
        file = Path.of(config.getString(FileSinkConfig.FILE)).toAbsolutePath();
        format = LineFormat.of(config.getString(FileSinkConfig.FORMAT));
        csvHeader = config.getBoolean(FileSinkConfig.CSV_HEADER);
        try {
            open();
        } catch (IOException e) {
            throw new TributaryException(
                    "Cannot open " + file + " for appending: " + e
                            + "; check that its folder exists and the worker may write there",
                    e);
        }
    }

    private void open() throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        fileKey = keyOf(file);
        firstWritten.clear();
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        StringBuilder text = new StringBuilder();
        long size = sizeOrZero();
        boolean empty = size == 0;
        for (SinkRecord record : records) {
            String line;
            String header = null;
            try {
                line = format.line(record);
                if (csvHeader && empty) {
                    header = format.header(record);
                }
            } catch (DataException e) {
                context.errantRecordReporter().report(record, e);
                continue;
            }
            if (header != null) {
                text.append(header).append('\n');
            }
            empty = false;
            text.append(line).append('\n');
            firstWritten.putIfAbsent(record.originalTopicPartition(), record.originalKafkaOffset());
        }
        if (text.length() > 0) {
            append(text, size);
        }
    }

    /** Writes the text at the end of the file, {@code before} bytes long, or cuts it back to that size. */
    private void append(CharSequence text, long before) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(text.toString());
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes, before + bytes.position());
            }
        } catch (IOException e) {
            // No half batch stays behind: the retry writes the whole batch again.
            try {
                channel.truncate(before);
            } catch (IOException cutFailed) {
                e.addSuppressed(cutFailed);
            }
            context.timeout(RETRY_BACKOFF);
            throw new RetriableException("Cannot write to " + file + ": " + e + "; retrying the batch", e);
        }
    }

    @Override
    public Map<TopicPartition, Long> preCommit(Map<TopicPartition, Long> currentOffsets) {
        try {
            String now = keyOrNull(file);
            if (!fileKey.equals(now)) {
                return reopenAndRewind(now == null ? "deleted" : "replaced");
            }
            channel.force(false);
        } catch (IOException e) {
            throw new RetriableException("Cannot sync " + file + ": " + e, e);
        }
        durable.putAll(currentOffsets);
        firstWritten.clear();
        return currentOffsets;
    }

    /** The file is gone or another one is in its place: what went into the old one since the commit is written again. */
    private Map<TopicPartition, Long> reopenAndRewind(String what) throws IOException {
        Map<TopicPartition, Long> rewind = new HashMap<>();
        firstWritten.forEach((partition, first) -> rewind.put(partition, durable.getOrDefault(partition, first)));
        LOG.warn(
                "{} was {} since the last commit; writing the records since then into the new file again, from {}",
                file,
                what,
                rewind);
        channel.close();
        open();
        if (!rewind.isEmpty()) {
            context.offsets(rewind);
        }
        return Map.copyOf(durable);
    }

    private long sizeOrZero() {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new RetriableException("Cannot read the size of " + file + ": " + e, e);
        }
    }

    private static String keyOf(Path path) throws IOException {
        String key = keyOrNull(path);
        if (key == null) {
            throw new NoSuchFileException(path.toString());
        }
        return key;
    }

    private static String keyOrNull(Path path) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            Object key = attributes.fileKey();
            return key != null
                    ? key.toString()
                    : "created=" + attributes.creationTime().toMillis();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public void stop() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Cannot close {}", file, e);
        }
    }
}
