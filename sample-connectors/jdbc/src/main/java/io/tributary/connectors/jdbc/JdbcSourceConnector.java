package io.tributary.connectors.jdbc;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.config.Password;
import io.tributary.sdk.errors.TributaryException;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceConnectorContext;
import io.tributary.sdk.source.SourceTask;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads tables of PostgreSQL, MySQL/MariaDB or H2 into topics, one topic a table ({@code topic.prefix} and
 * the table's name), or a custom query into one topic. New rows are found by an incrementing column, a
 * timestamp column, both, or by reading whole tables (bulk). Tables are split across tasks, and a table
 * that appears later is picked up by a reconfiguration. Schemas come from the JDBC metadata, with
 * decimals, dates, times and timestamps as logical types and nullable columns optional.
 */
public class JdbcSourceConnector implements SourceConnector {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSourceConnector.class);

    private final CountDownLatch stopped = new CountDownLatch(1);
    private Map<String, String> settings;
    private volatile Set<String> tables = Set.of();
    private Thread monitor;

    @Override
    public String version() {
        return Versions.of(getClass());
    }

    @Override
    public ConfigDef config() {
        return JdbcSourceConfig.DEFINITION;
    }

    @Override
    public ConfigValidation validate(Map<String, String> connectorConfig) {
        return JdbcSourceConfig.validate(connectorConfig);
    }

    @Override
    public void start(SourceConnectorContext context) {
        ParsedConfig config = context.config();
        Map<String, String> values = new LinkedHashMap<>();
        config.originals().forEach((name, value) -> {
            if (value != null) {
                values.put(name, value instanceof Password password ? password.value() : value.toString());
            }
        });
        settings = Map.copyOf(values);
        if (config.getString(JdbcSourceConfig.QUERY) != null) {
            return;
        }
        tables = listTables(config);
        long interval = config.getLong(JdbcSourceConfig.TABLE_POLL_INTERVAL_MS);
        monitor = new Thread(() -> watch(config, interval, context), "jdbc-source-tables-" + context.connectorName());
        monitor.setDaemon(true);
        monitor.start();
    }

    private void watch(ParsedConfig config, long intervalMs, SourceConnectorContext context) {
        try {
            while (!stopped.await(intervalMs, TimeUnit.MILLISECONDS)) {
                try {
                    Set<String> now = listTables(config);
                    if (!now.equals(tables)) {
                        LOG.info("The tables to read changed from {} to {}; reconfiguring the tasks", tables, now);
                        tables = now;
                        context.requestTaskReconfiguration();
                    }
                } catch (RuntimeException e) {
                    LOG.warn(
                            "Cannot list the tables of {}: {}",
                            config.getString(JdbcSinkConfig.CONNECTION_URL),
                            e.toString());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The tables of the connection's schema, filtered by the include and exclude lists. */
    static Set<String> listTables(ParsedConfig config) {
        Set<String> include = new HashSet<>(config.getList(JdbcSourceConfig.TABLE_INCLUDE_LIST));
        include.addAll(config.getList(JdbcSourceConfig.TABLE_WHITELIST));
        Set<String> exclude = new HashSet<>(config.getList(JdbcSourceConfig.TABLE_EXCLUDE_LIST));
        exclude.addAll(config.getList(JdbcSourceConfig.TABLE_BLACKLIST));
        Set<String> found = new TreeSet<>();
        try (Connection connection =
                        Connections.open(config.getString(JdbcSinkConfig.CONNECTION_URL), credentials(config));
                ResultSet rows = connection
                        .getMetaData()
                        .getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String table = rows.getString("TABLE_NAME");
                if ((include.isEmpty() || include.contains(table)) && !exclude.contains(table)) {
                    found.add(table);
                }
            }
        } catch (SQLException e) {
            throw new TributaryException(
                    "Cannot list the tables of " + config.getString(JdbcSinkConfig.CONNECTION_URL) + ": "
                            + e.getMessage() + "; check connection.url, connection.user and connection.password",
                    e);
        }
        return found;
    }

    static Properties credentials(ParsedConfig config) {
        Properties credentials = new Properties();
        if (config.getString(JdbcSinkConfig.CONNECTION_USER) != null) {
            credentials.setProperty("user", config.getString(JdbcSinkConfig.CONNECTION_USER));
        }
        Password password = config.getPassword(JdbcSinkConfig.CONNECTION_PASSWORD);
        if (password != null) {
            credentials.setProperty("password", password.value());
        }
        return credentials;
    }

    @Override
    public Class<? extends SourceTask> taskClass() {
        return JdbcSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        if (settings.get(JdbcSourceConfig.QUERY) != null) {
            return List.of(settings);
        }
        List<String> all = new ArrayList<>(tables);
        int groups = Math.min(maxTasks, all.size());
        List<Map<String, String>> configs = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            List<String> share = new ArrayList<>();
            for (int i = g; i < all.size(); i += groups) {
                share.add(all.get(i));
            }
            Map<String, String> config = new LinkedHashMap<>(settings);
            config.put(JdbcSourceConfig.TASK_TABLES, String.join(",", share));
            configs.add(config);
        }
        return configs;
    }

    @Override
    public void stop() {
        stopped.countDown();
        if (monitor != null) {
            monitor.interrupt();
        }
    }
}
