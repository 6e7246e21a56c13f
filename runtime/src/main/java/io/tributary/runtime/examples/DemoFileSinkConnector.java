package io.tributary.runtime.examples;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.Validator;
import io.tributary.sdk.connector.TopicPartition;
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

/** Appends the value of every record it reads to a file, one line each. */
public class DemoFileSinkConnector implements SinkConnector {
    static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(TOPICS_CONFIG, ConfigDef.Type.LIST)
                    .validator(Validator.nonEmptyList())
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("Topics to read."))
            .define(ConfigKey.builder("file", ConfigDef.Type.STRING)
                    .validator(Validator.nonEmptyString())
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("File to append the values to; created if missing."))
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

    /** Writes values as they arrive and flushes before offsets are committed. */
    public static class Task implements SinkTask {
        private Path file;
        private BufferedWriter writer;

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(SinkTaskContext context) {
            file = Path.of(context.config().get("file")).toAbsolutePath();
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                writer = Files.newBufferedWriter(
                        file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new TributaryException(
                        "Cannot open " + file + " for appending: " + e.getMessage()
                                + "; check the 'file' setting and the folder's permissions",
                        e);
            }
        }

        @Override
        public void put(Collection<SinkRecord> records) {
            try {
                for (SinkRecord record : records) {
                    writer.write(String.valueOf(record.value()));
                    writer.newLine();
                    System.out.println("[demo-sink] appended \"" + record.value() + "\" (" + record.topic() + "-"
                            + record.kafkaPartition() + "@" + record.kafkaOffset() + ") to " + file);
                }
            } catch (IOException e) {
                throw new TributaryException("Cannot write to " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void flush(Map<TopicPartition, Long> currentOffsets) {
            try {
                writer.flush();
            } catch (IOException e) {
                throw new TributaryException("Cannot flush " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void stop() {
            try {
                if (writer != null) {
                    writer.close();
                }
            } catch (IOException e) {
                throw new TributaryException("Cannot close " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
