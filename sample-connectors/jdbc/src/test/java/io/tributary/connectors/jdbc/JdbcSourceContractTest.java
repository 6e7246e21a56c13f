package io.tributary.connectors.jdbc;

import io.tributary.testkit.contract.SourceConnectorContract;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/** The source contract on H2 in memory, in incrementing mode. */
class JdbcSourceContractTest implements SourceConnectorContract<JdbcSourceConnector> {
    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final Connection database;
    private long nextId;

    JdbcSourceContractTest() throws SQLException {
        database = DriverManager.getConnection(url);
        try (Statement statement = database.createStatement()) {
            statement.execute("CREATE TABLE \"events\" (\"id\" BIGINT PRIMARY KEY, \"what\" VARCHAR(40))");
        }
    }

    @Override
    public JdbcSourceConnector newConnector() {
        return new JdbcSourceConnector();
    }

    @Override
    public Map<String, String> validConfig() {
        return Map.of(
                "connection.url", url,
                "mode", "incrementing",
                "incrementing.column.name", "id",
                "topic.prefix", "db-",
                "batch.max.rows", "4",
                "poll.interval.ms", "20");
    }

    @Override
    public Map<String, String> invalidValues() {
        return Map.of("mode", "changes", "connection.url", "jdbc:oracle:thin:@db", "topic.prefix", "");
    }

    @Override
    public void createSourceData(int count) throws SQLException {
        try (Statement statement = database.createStatement()) {
            for (int i = 0; i < count; i++) {
                long id = nextId++;
                statement.execute("INSERT INTO \"events\" VALUES (" + id + ", 'event " + id + "')");
            }
        }
    }
}
