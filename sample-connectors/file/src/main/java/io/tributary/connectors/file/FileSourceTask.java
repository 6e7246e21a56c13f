package io.tributary.connectors.file;

import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.errors.RetriableException;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The task of {@link FileSourceConnector}: reads new lines of its files each poll, waiting when there are none. */
public class FileSourceTask implements SourceTask {
    /** The source partition's field: the file's path, as Kafka Connect's FileStream source names it. */
    static final String FILENAME = "filename";
    /** The offset's field: the byte position after the line, as Kafka Connect's FileStream source names it. */
    static final String POSITION = "position";
    /** The offset's field that identifies the file the position is in, so a replaced file is read from its start. */
    static final String FILE_KEY = "file.key";

    private static final Logger LOG = LoggerFactory.getLogger(FileSourceTask.class);

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<Path, FileTail> tails = new TreeMap<>();
    private SourceTaskContext context;
    private Path file;
    private Path directory;
    private PathMatcher pattern;
    private String topic;
    private int batchSize;
    private long pollIntervalMs;
    private boolean waitedForMissing;

    @Override
    public String version() {
        return Versions.of(getClass());
    }

    @Override
    public void start(SourceTaskContext context) {
        this.context = context;
        ParsedConfig config = context.config(FileSourceConfig.DEFINITION);
        String fileSetting = config.getString(FileSourceConfig.FILE);
        String directorySetting = config.getString(FileSourceConfig.DIRECTORY);
        file = fileSetting == null ? null : Path.of(fileSetting).toAbsolutePath();
        directory = directorySetting == null ? null : Path.of(directorySetting).toAbsolutePath();
        pattern = FileSystems.getDefault().getPathMatcher("glob:" + config.getString(FileSourceConfig.FILE_PATTERN));
        topic = config.getString(FileSourceConfig.TOPIC);
        batchSize = config.getInt(FileSourceConfig.BATCH_SIZE);
        pollIntervalMs = config.getLong(FileSourceConfig.POLL_INTERVAL_MS);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        List<SourceRecord> records;
        synchronized (this) {
            if (stopped.getCount() == 0) {
                return List.of();
            }
            records = readBatch();
        }
        if (records.isEmpty()) {
            // Nothing new: wait a little for more, but return at once when stopped.
            stopped.await(pollIntervalMs, TimeUnit.MILLISECONDS);
        }
        return records;
    }

    private List<SourceRecord> readBatch() {
        List<SourceRecord> records = new ArrayList<>();
        try {
            for (Path path : files()) {
                FileTail tail = tails.computeIfAbsent(path, this::resume);
                for (FileTail.Line line : tail.read(batchSize - records.size())) {
                    records.add(record(path, line));
                }
                report(tail);
                if (records.size() >= batchSize) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new RetriableException("Cannot read " + (file != null ? file : directory) + ": " + e, e);
        }
        return records;
    }

    private List<Path> files() throws IOException {
        if (file != null) {
            return List.of(file);
        }
        List<Path> found = new ArrayList<>(tails.keySet());
        if (!Files.isDirectory(directory)) {
            if (!waitedForMissing) {
                LOG.warn("Directory {} does not exist; waiting for it to appear", directory);
                waitedForMissing = true;
            }
            return found;
        }
        waitedForMissing = false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry) && pattern.matches(entry.getFileName()) && !found.contains(entry)) {
                    found.add(entry);
                }
            }
        }
        found.sort(null);
        return found;
    }

    private FileTail resume(Path path) {
        Map<String, Object> offset = context.offsetReader().offset(Map.of(FILENAME, path.toString()));
        if (offset == null) {
            return new FileTail(path, null, 0);
        }
        Object position = offset.get(POSITION);
        Object key = offset.get(FILE_KEY);
        return new FileTail(
                path, key == null ? null : key.toString(), position instanceof Number n ? n.longValue() : 0);
    }

    private SourceRecord record(Path path, FileTail.Line line) {
        return SourceRecord.builder()
                .sourcePartition(Map.of(FILENAME, path.toString()))
                .sourceOffset(Map.of(POSITION, line.endPosition(), FILE_KEY, line.fileKey()))
                .topic(topic)
                .value(Schema.STRING_SCHEMA, line.text())
                .build();
    }

    private static void report(FileTail tail) {
        switch (tail.takeChange()) {
            case TRUNCATED -> LOG.warn("{} was truncated; reading it again from its start", tail.path());
            case REPLACED -> LOG.info("{} was replaced by another file; reading that one from its start", tail.path());
            case MISSING -> LOG.warn("{} does not exist; waiting for it to appear", tail.path());
            case OPENED, NONE -> {}
        }
    }

    @Override
    public void stop() {
        stopped.countDown();
        // Under the poll's lock: a file is never closed in the middle of a read.
        synchronized (this) {
            for (FileTail tail : tails.values()) {
                try {
                    tail.close();
                } catch (IOException e) {
                    LOG.debug("Cannot close {}", tail.path(), e);
                }
            }
        }
    }
}
