package io.tributary.connectors.file;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceConnectorContext;
import io.tributary.sdk.source.SourceTask;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tails a file, or the files of a folder that match a pattern, into a topic: one record a line, the line
 * as a string value. Each file is a source partition ({@code filename}) and its offset the byte position
 * after the last line written ({@code position}), as Kafka Connect's FileStream source keeps them, so a
 * restart resumes after the last committed line. A file truncated or replaced (rotated) is read again from
 * its start; a file that disappears is waited for.
 */
public class FileSourceConnector implements SourceConnector {
    private Map<String, String> taskConfig;

    @Override
    public String version() {
        return Versions.of(getClass());
    }

    @Override
    public ConfigDef config() {
        return FileSourceConfig.DEFINITION;
    }

    @Override
    public ConfigValidation validate(Map<String, String> connectorConfig) {
        return FileSourceConfig.validate(connectorConfig);
    }

    @Override
    public void start(SourceConnectorContext context) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : List.of(
                FileSourceConfig.FILE,
                FileSourceConfig.DIRECTORY,
                FileSourceConfig.FILE_PATTERN,
                FileSourceConfig.TOPIC,
                FileSourceConfig.BATCH_SIZE,
                FileSourceConfig.POLL_INTERVAL_MS)) {
            Object value = context.config().get(name);
            if (value != null) {
                settings.put(name, value.toString());
            }
        }
        taskConfig = Map.copyOf(settings);
    }

    @Override
    public Class<? extends SourceTask> taskClass() {
        return FileSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        // One task reads every file: lines of one file must stay in order, and a folder gains files over time.
        return List.of(taskConfig);
    }

    @Override
    public void stop() {}
}
