package io.tributary.connectors.jdbc;

import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.config.Password;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.errors.RetriableException;
import io.tributary.sdk.errors.TributaryException;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTask;
import io.tributary.sdk.sink.SinkTaskContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The task of {@link JdbcSinkConnector}: one connection, one transaction a batch. */
public class JdbcSinkTask implements SinkTask {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSinkTask.class);

    private SinkTaskContext context;
    private String url;
    private Properties credentials;
    private Dialect dialect;
    private Row.Rules rules;
    private TableWriter.Options options;
    private Connection connection;
    private TableWriter writer;
    private int maxRetries;
    private Duration retryBackoff;
    private int retriesLeft;

    @Override
    public String version() {
        return Versions.of(getClass());
    }

    @Override
    public void start(SinkTaskContext context) {
        this.context = context;
        ParsedConfig config = context.config(JdbcSinkConfig.DEFINITION);
        url = config.getString(JdbcSinkConfig.CONNECTION_URL);
        dialect = Dialect.of(url);
        credentials = new Properties();
        if (config.getString(JdbcSinkConfig.CONNECTION_USER) != null) {
            credentials.setProperty("user", config.getString(JdbcSinkConfig.CONNECTION_USER));
        }
        Password password = config.getPassword(JdbcSinkConfig.CONNECTION_PASSWORD);
        if (password != null) {
            credentials.setProperty("password", password.value());
        }
        String pkMode = config.getString(JdbcSinkConfig.PK_MODE).toLowerCase(Locale.ROOT);
        rules = new Row.Rules(
                config.getString(JdbcSinkConfig.TABLE_NAME_FORMAT),
                pkMode,
                config.getList(JdbcSinkConfig.PK_FIELDS),
                config.getBoolean(JdbcSinkConfig.DELETE_ENABLED));
        options = new TableWriter.Options(
                config.getString(JdbcSinkConfig.INSERT_MODE).toLowerCase(Locale.ROOT),
                config.getBoolean(JdbcSinkConfig.AUTO_CREATE),
                config.getBoolean(JdbcSinkConfig.AUTO_EVOLVE),
                config.getInt(JdbcSinkConfig.BATCH_SIZE));
        maxRetries = config.getInt(JdbcSinkConfig.MAX_RETRIES);
        retryBackoff = Duration.ofMillis(config.getInt(JdbcSinkConfig.RETRY_BACKOFF_MS));
        retriesLeft = maxRetries;
        try {
            connect();
        } catch (SQLException e) {
            if (Errors.transient_(e)) {
                // Unreachable for now: the first put tries again, and the worker retries it.
                LOG.warn("Cannot reach {} yet ({}); the first batch tries again", url, e.getMessage());
                return;
            }
            throw refused(e);
        }
    }

    /** The database answered and refused the connection: the settings are wrong, and retrying will not help. */
    private TributaryException refused(SQLException e) {
        return new TributaryException(
                "Cannot connect to " + url + ": " + e.getMessage()
                        + "; check connection.url, connection.user and connection.password",
                e);
    }

    private void connect() throws SQLException {
        close();
        connection = Connections.open(url, credentials);
        connection.setAutoCommit(false);
        writer = new TableWriter(connection, dialect, options);
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        List<Row> rows = new ArrayList<>();
        for (SinkRecord record : records) {
            try {
                rows.add(Row.of(record, rules));
            } catch (DataException e) {
                context.errantRecordReporter().report(record, e);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        try {
            if (connection == null || !connection.isValid(5)) {
                reconnect();
            }
            writer.write(rows, (row, error) -> context.errantRecordReporter().report(row.record(), error));
            retriesLeft = maxRetries;
        } catch (SQLException e) {
            if (Errors.transient_(e) || connectionLost()) {
                throw retryLater(e);
            }
            throw new TributaryException(
                    "The " + dialect.name() + " database failed a batch as a whole: " + e.getMessage(), e);
        }
    }

    /**
     * Connects again before a batch. A database that cannot be reached is retried like a lost connection; one
     * that refuses the connection (wrong credentials, a login no longer allowed) fails the task at once.
     */
    private void reconnect() {
        try {
            connect();
        } catch (SQLException e) {
            throw Errors.transient_(e) ? retryLater(e) : refused(e);
        }
    }

    /**
     * @param e why the batch could not be written
     * @return a retriable exception that has the worker put the batch again after the back-off, or, once
     *     max.retries is spent, one that fails the task
     */
    private RuntimeException retryLater(SQLException e) {
        close();
        if (retriesLeft == 0) {
            return new TributaryException(
                    "Cannot write to " + url + " after " + (maxRetries + 1) + " attempts: " + e.getMessage()
                            + "; check that the database is running and reachable at connection.url, or raise"
                            + " max.retries; the batch was not written and its offsets were not committed",
                    e);
        }
        retriesLeft--;
        context.timeout(retryBackoff);
        return new RetriableException(
                "Cannot write to " + url + " (" + e.getMessage() + "); the batch is rolled back and written again, "
                        + retriesLeft + " more times at most",
                e);
    }

    private boolean connectionLost() {
        try {
            return connection == null || !connection.isValid(2);
        } catch (SQLException e) {
            return true;
        }
    }

    private void close() {
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
        close();
    }
}
