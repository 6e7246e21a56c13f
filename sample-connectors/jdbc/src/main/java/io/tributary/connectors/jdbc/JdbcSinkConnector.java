package io.tributary.connectors.jdbc;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.sink.SinkConnector;
import io.tributary.sdk.sink.SinkConnectorContext;
import io.tributary.sdk.sink.SinkTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the records of its topics to tables of PostgreSQL, MySQL/MariaDB or H2: one row a record, from
 * the fields of its struct value (and key), inserted, upserted or updated by primary key; a tombstone
 * deletes its key's row. Tables are created and given new columns when allowed. Each batch from the worker
 * is one transaction; rows the database refuses go to the errant record reporter while the others are
 * committed; a lost connection is retried. The settings are those of the widely used JDBC connector for
 * Kafka Connect, so a configuration moves over by changing {@code connector.class}.
 */
public class JdbcSinkConnector implements SinkConnector {
    private Map<String, String> settings;

    @Override
    public String version() {
        return Versions.of(getClass());
    }

    @Override
    public ConfigDef config() {
        return JdbcSinkConfig.DEFINITION;
    }

    @Override
    public ConfigValidation validate(Map<String, String> connectorConfig) {
        return JdbcSinkConfig.validate(connectorConfig);
    }

    @Override
    public void start(SinkConnectorContext context) {
        settings = Map.copyOf(context.config().originals().entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> e.getValue().toString())));
    }

    @Override
    public Class<? extends SinkTask> taskClass() {
        return JdbcSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        // Tasks share the topics' partitions; each writes its rows on a connection of its own.
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            configs.add(settings);
        }
        return configs;
    }

    @Override
    public void stop() {}
}
