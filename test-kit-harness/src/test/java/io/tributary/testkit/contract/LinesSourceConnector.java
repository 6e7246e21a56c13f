package io.tributary.testkit.contract;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.config.Validator;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.errors.TributaryException;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceConnectorContext;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A well-behaved sample: the lines of a file, one record each, resuming after the last committed line. */
public class LinesSourceConnector implements SourceConnector {
    static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder("file", ConfigDef.Type.STRING)
                    .validator(Validator.nonEmptyString())
                    .documentation("The file to read."))
            .define(ConfigKey.builder("topic", ConfigDef.Type.STRING)
                    .validator(Validator.nonEmptyString())
                    .documentation("The topic to write to."))
            .define(ConfigKey.builder("batch.size", ConfigDef.Type.INT)
                    .defaultValue(100)
                    .validator(Validator.between(1, 10_000))
                    .documentation("The most lines a poll returns."))
            .define(ConfigKey.builder("wait.ms", ConfigDef.Type.LONG)
                    .defaultValue(20L)
                    .validator(Validator.atLeast(1))
                    .documentation("How long a poll waits for new lines."))
            .build();

    private Map<String, String> taskConfig;

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void start(SourceConnectorContext context) {
        taskConfig = Map.of(
                "file", context.config().getString("file"),
                "topic", context.config().getString("topic"),
                "batch.size", String.valueOf(context.config().getInt("batch.size")),
                "wait.ms", String.valueOf(context.config().getLong("wait.ms")));
    }

    @Override
    public Class<? extends SourceTask> taskClass() {
        return Task.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(taskConfig);
    }

    @Override
    public void stop() {}

    /** Reads the lines after the last one it returned. */
    public static class Task implements SourceTask {
        private final CountDownLatch stopped = new CountDownLatch(1);
        private Path file;
        private String topic;
        private int batchSize;
        private long waitMs;
        private Map<String, String> partition;
        private long next;

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(SourceTaskContext context) {
            ParsedConfig config = context.config(CONFIG);
            file = Path.of(config.getString("file"));
            topic = config.getString("topic");
            batchSize = config.getInt("batch.size");
            waitMs = config.getLong("wait.ms");
            partition = Map.of("file", file.toString());
            Map<String, Object> committed = context.offsetReader().offset(partition);
            next = committed == null ? 0 : ((Number) committed.get("line")).longValue();
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            List<String> lines;
            try {
                lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            } catch (IOException e) {
                throw new TributaryException("Cannot read " + file + ": " + e.getMessage(), e);
            }
            List<SourceRecord> records = new ArrayList<>();
            while (next < lines.size() && records.size() < batchSize) {
                records.add(SourceRecord.builder()
                        .sourcePartition(partition)
                        .sourceOffset(Map.of("line", next + 1))
                        .topic(topic)
                        .value(Schema.STRING_SCHEMA, lines.get((int) next))
                        .build());
                next++;
            }
            if (records.isEmpty()) {
                stopped.await(waitMs, TimeUnit.MILLISECONDS);
            }
            return records;
        }

        @Override
        public void stop() {
            stopped.countDown();
        }
    }
}
