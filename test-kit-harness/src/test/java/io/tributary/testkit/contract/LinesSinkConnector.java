package io.tributary.testkit.contract;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.Validator;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.errors.RetriableException;
import io.tributary.sdk.errors.TributaryException;
import io.tributary.sdk.sink.SinkConnector;
import io.tributary.sdk.sink.SinkConnectorContext;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTask;
import io.tributary.sdk.sink.SinkTaskContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A well-behaved sample: appends values to a file, flushed in preCommit; a multi-line value is errant. */
public class LinesSinkConnector implements SinkConnector {
    static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder("file", ConfigDef.Type.STRING)
                    .validator(Validator.nonEmptyString())
                    .documentation("The file to append to."))
            .define(ConfigKey.builder("file.password", ConfigDef.Type.PASSWORD)
                    .defaultValue(null)
                    .documentation("Not used; a secret, to show it is masked."))
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
    public void start(SinkConnectorContext context) {
        taskConfig = Map.of("file", context.config().getString("file"));
    }

    @Override
    public Class<? extends SinkTask> taskClass() {
        return Task.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(taskConfig);
    }

    @Override
    public void stop() {}

    /** Buffers lines and flushes them when the runtime is about to commit. */
    public static class Task implements SinkTask {
        private SinkTaskContext context;
        private BufferedWriter writer;

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(SinkTaskContext context) {
            this.context = context;
            Path file = Path.of(context.config(CONFIG).getString("file"));
            try {
                writer = Files.newBufferedWriter(
                        file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new TributaryException("Cannot open " + file, e);
            }
        }

        @Override
        public void put(Collection<SinkRecord> records) {
            for (SinkRecord record : records) {
                String line = String.valueOf(record.value());
                if (line.contains("\n")) {
                    context.errantRecordReporter().report(record, new DataException("a line break in the value"));
                    continue;
                }
                try {
                    writer.write(line);
                    writer.newLine();
                } catch (IOException e) {
                    throw new RetriableException("Cannot write", e);
                }
            }
        }

        @Override
        public Map<TopicPartition, Long> preCommit(Map<TopicPartition, Long> currentOffsets) {
            try {
                writer.flush();
            } catch (IOException e) {
                throw new RetriableException("Cannot flush", e);
            }
            return currentOffsets;
        }

        @Override
        public void stop() {
            try {
                if (writer != null) {
                    writer.close();
                }
            } catch (IOException e) {
                throw new TributaryException("Cannot close", e);
            }
        }
    }
}
