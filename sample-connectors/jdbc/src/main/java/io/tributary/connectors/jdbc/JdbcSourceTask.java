package io.tributary.connectors.jdbc;

import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.errors.RetriableException;
import io.tributary.sdk.errors.TributaryException;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The task of {@link JdbcSourceConnector}: polls its tables in turn, each at most every poll interval when idle. */
public class JdbcSourceTask implements SourceTask {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSourceTask.class);

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<TableQuerier> queriers = new ArrayList<>();
    private String url;
    private Properties credentials;
    private int maxRows;
    private long pollIntervalMs;
    private Connection connection;

    @Override
    public String version() {
        return Versions.of(getClass());
    }

    @Override
    public void start(SourceTaskContext context) {
        ParsedConfig config = context.config(JdbcSourceConfig.DEFINITION);
        url = config.getString(JdbcSinkConfig.CONNECTION_URL);
        credentials = JdbcSourceConnector.credentials(config);
        maxRows = config.getInt(JdbcSourceConfig.BATCH_MAX_ROWS);
        pollIntervalMs = config.getLong(JdbcSourceConfig.POLL_INTERVAL_MS);
        Dialect dialect = Dialect.of(url);
        String mode = config.getString(JdbcSourceConfig.MODE).toLowerCase(Locale.ROOT);
        String prefix = config.getString(JdbcSourceConfig.TOPIC_PREFIX);
        String query = config.getString(JdbcSourceConfig.QUERY);
        List<String> tables = query != null
                ? List.of("")
                : List.of(context.config()
                        .getOrDefault(JdbcSourceConfig.TASK_TABLES, "")
                        .split(","));
        for (String table : tables) {
            if (query == null && table.isBlank()) {
                continue;
            }
            queriers.add(new TableQuerier(
                    dialect,
                    table,
                    query,
                    mode,
                    config.getString(JdbcSourceConfig.INCREMENTING_COLUMN),
                    config.getString(JdbcSourceConfig.TIMESTAMP_COLUMN),
                    query != null ? prefix : prefix + table,
                    context.offsetReader().offset(TableQuerier.partition(table, query))));
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        List<SourceRecord> records;
        long waitMs;
        synchronized (this) {
            if (stopped.getCount() == 0) {
                return List.of();
            }
            records = readSomething();
            waitMs = records.isEmpty() ? untilNextPoll() : 0;
        }
        if (waitMs > 0) {
            stopped.await(waitMs, TimeUnit.MILLISECONDS);
        }
        return records;
    }

    private long untilNextPoll() {
        long soonest =
                queriers.stream().mapToLong(TableQuerier::nextPollMillis).min().orElse(Long.MAX_VALUE);
        long wait = soonest == Long.MAX_VALUE ? pollIntervalMs : soonest - System.currentTimeMillis();
        return Math.max(1, Math.min(wait, pollIntervalMs));
    }

    /** The new rows of the first table that has some and is due. */
    private List<SourceRecord> readSomething() {
        long now = System.currentTimeMillis();
        for (TableQuerier querier : queriers) {
            if (querier.nextPollMillis() > now) {
                continue;
            }
            List<SourceRecord> records;
            try {
                if (connection == null || !connection.isValid(5)) {
                    connection = Connections.open(url, credentials);
                }
                records = querier.poll(connection, maxRows);
            } catch (SQLException e) {
                closeConnection();
                if (Errors.transient_(e)) {
                    throw new RetriableException(
                            "Cannot read " + querier.name() + " from " + url + ": " + e.getMessage(), e);
                }
                throw new TributaryException(
                        "Cannot read " + querier.name() + " from " + url + ": " + e.getMessage()
                                + "; check the table, its columns and the connection settings",
                        e);
            }
            if (records.size() < maxRows) {
                // Caught up (or a bulk read): leave the table alone for a poll interval.
                querier.delayNextPoll(now + pollIntervalMs);
            }
            if (!records.isEmpty()) {
                return records;
            }
        }
        return List.of();
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Cannot close the connection to {}", url, e);
            }
            connection = null;
        }
    }

    @Override
    public void stop() {
        stopped.countDown();
        // Under the poll's lock: a query in progress finishes first.
        synchronized (this) {
            closeConnection();
        }
    }
}
