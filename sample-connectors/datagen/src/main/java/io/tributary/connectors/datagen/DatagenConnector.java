package io.tributary.connectors.datagen;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceConnectorContext;
import io.tributary.sdk.source.SourceTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes deterministic synthetic records: orders, users or page views, or records of fields the user
 * gives. Record n is the same for the same seed wherever and whenever it is made, so a restart continues
 * the sequence from the committed offset and two runs with one seed write the same data. With several
 * tasks, task i of k writes the records numbered i, i + k, i + 2k, ...; {@code iterations} bounds the
 * numbers, so the total count does not depend on the number of tasks.
 */
public class DatagenConnector implements SourceConnector {
    static final String TASK_INDEX = "task.index";
    static final String TASK_COUNT = "task.count";

    private Map<String, String> settings;

    @Override
    public String version() {
        return Versions.of(getClass());
    }

    @Override
    public ConfigDef config() {
        return DatagenConfig.DEFINITION;
    }

    @Override
    public ConfigValidation validate(Map<String, String> connectorConfig) {
        return DatagenConfig.validate(connectorConfig);
    }

    @Override
    public void start(SourceConnectorContext context) {
        Map<String, String> values = new LinkedHashMap<>();
        for (var key : DatagenConfig.DEFINITION.keys()) {
            Object value = context.config().get(key.name());
            if (value instanceof List<?> list) {
                values.put(
                        key.name(),
                        String.join(",", list.stream().map(String::valueOf).toList()));
            } else if (value != null) {
                values.put(key.name(), value.toString());
            }
        }
        settings = Map.copyOf(values);
    }

    @Override
    public Class<? extends SourceTask> taskClass() {
        return DatagenTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> config = new LinkedHashMap<>(settings);
            config.put(TASK_INDEX, Integer.toString(i));
            config.put(TASK_COUNT, Integer.toString(maxTasks));
            configs.add(config);
        }
        return configs;
    }

    @Override
    public void stop() {}
}
