package io.tributary.connectors.file;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.sink.SinkConnector;
import io.tributary.sdk.sink.SinkConnectorContext;
import io.tributary.sdk.sink.SinkTask;
import java.util.List;
import java.util.Map;

/**
 * Appends the records of its topics to a file, one line each: as text (Kafka Connect's FileStream sink),
 * JSON lines, or CSV for struct values. Lines are written as each batch arrives and made durable (flushed
 * and synced) before the worker commits their offsets. A record that cannot be a line goes to the errant
 * record reporter; a write that fails is undone and retried, so the file never holds half a batch.
 */
public class FileSinkConnector implements SinkConnector {
    private Map<String, String> taskConfig;

    @Override
    public String version() {
        return Versions.of(getClass());
    }

    @Override
    public ConfigDef config() {
        return FileSinkConfig.DEFINITION;
    }

    @Override
    public void start(SinkConnectorContext context) {
        taskConfig = Map.of(
                FileSinkConfig.FILE, context.config().getString(FileSinkConfig.FILE),
                FileSinkConfig.FORMAT, context.config().getString(FileSinkConfig.FORMAT),
                FileSinkConfig.CSV_HEADER, String.valueOf(context.config().getBoolean(FileSinkConfig.CSV_HEADER)));
    }

    @Override
    public Class<? extends SinkTask> taskClass() {
        return FileSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        // One file, one writer: two tasks would interleave their lines.
        return List.of(taskConfig);
    }

    @Override
    public void stop() {}
}
