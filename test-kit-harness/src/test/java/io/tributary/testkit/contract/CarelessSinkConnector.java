package io.tributary.testkit.contract;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.sink.SinkConnector;
import io.tributary.sdk.sink.SinkConnectorContext;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTask;
import io.tributary.sdk.sink.SinkTaskContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Breaks points of the sink contract, so that the contract's messages can be checked: it never flushes
 * before a commit ({@code flush=false}), drops a multi-line value without reporting it, and closes its
 * file when any partition is closed, so writes after a rebalance fail.
 */
public class CarelessSinkConnector implements SinkConnector {
    static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder("file", ConfigDef.Type.STRING).documentation("The file to append to."))
            .define(ConfigKey.builder("flush", ConfigDef.Type.BOOLEAN)
                    .defaultValue(true)
                    .documentation("Whether preCommit flushes the file."))
            .build();

    private Map<String, String> settings;

    @Override
    public String version() {
        return "0.1";
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void start(SinkConnectorContext context) {
        settings = Map.of(
                "file", context.config().getString("file"),
                "flush", String.valueOf(context.config().getBoolean("flush")));
    }

    @Override
    public Class<? extends SinkTask> taskClass() {
        return Task.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(settings);
    }

    @Override
    public void stop() {}

    /** Appends values to a file, carelessly. */
    public static class Task implements SinkTask {
        private BufferedWriter writer;
        private boolean flush;

        @Override
        public String version() {
            return "0.1";
        }

        @Override
        public void start(SinkTaskContext context) {
            flush = Boolean.parseBoolean(context.config().get("flush"));
            try {
                writer = Files.newBufferedWriter(
                        Path.of(context.config().get("file")), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void put(Collection<SinkRecord> records) {
            for (SinkRecord record : records) {
                String line = String.valueOf(record.value());
                if (line.contains("\n")) {
                    continue; // dropped without a word: neither written nor reported
                }
                try {
                    writer.write(line);
                    writer.newLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public Map<TopicPartition, Long> preCommit(Map<TopicPartition, Long> currentOffsets) {
            if (flush) {
                try {
                    writer.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return currentOffsets;
        }

        @Override
        public void close(Collection<TopicPartition> partitions) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            try {
                writer.close(); // before start there is no writer
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
