package io.tributary.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.data.Decimal;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.data.Timestamp;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.testkit.driver.ConnectorDriver;
import io.tributary.testkit.driver.SourceTaskDriver;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The source through the test kit's drivers on a real H2 database in memory. */
class JdbcSourceTaskTest {
    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final Connection database;

    JdbcSourceTaskTest() throws SQLException {
        database = DriverManager.getConnection(url);
        execute("CREATE TABLE \"orders\" (\"id\" BIGINT PRIMARY KEY, \"note\" VARCHAR(20),"
                + " \"amount\" NUMERIC(10, 2) NOT NULL, \"placed\" TIMESTAMP WITH TIME ZONE NOT NULL)");
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        database.close();
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = database.createStatement()) {
            statement.execute(sql);
        }
    }

    private void order(long id, String note, String placed) throws SQLException {
        execute("INSERT INTO \"orders\" VALUES (" + id + ", " + (note == null ? "NULL" : "'" + note + "'") + ", " + id
                + ".25, TIMESTAMP WITH TIME ZONE '" + placed + "')");
    }

    private Map<String, String> settings(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(
                Map.of("connection.url", url, "topic.prefix", "db-", "poll.interval.ms", "10", "tables", "orders"));
        settings.putAll(more);
        return settings;
    }

    private static List<Object> ids(List<SourceRecord> records) {
        return records.stream().map(r -> ((Struct) r.value()).get("id")).toList();
    }

    @Test
    void incrementingReadsNewRowsWithTheirTypesAndResumesAfterTheCommittedOne() throws SQLException {
        order(1, "a", "2026-12-01 10:15:30.123+00");
        order(2, null, "2026-12-01 11:00:00+02");
        try (var driver = SourceTaskDriver.forTask(JdbcSourceTask::new)
                .config(settings(Map.of("mode", "incrementing", "incrementing.column.name", "id")))
                .start()) {
            List<SourceRecord> first = driver.poll();
            assertThat(ids(first)).containsExactly(1L, 2L);
            Struct one = (Struct) first.get(0).value();
            assertThat(first.get(0).topic()).isEqualTo("db-orders");
            assertThat(first.get(0).sourcePartition()).isEqualTo(Map.of("table", "orders"));
            assertThat(one.getDecimal("amount")).isEqualTo(new BigDecimal("1.25"));
            assertThat(one.get("placed")).isEqualTo(Instant.parse("2026-12-01T10:15:30.123Z"));
            assertThat(((Struct) first.get(1).value()).get("note")).isNull();
            assertThat(((Struct) first.get(1).value()).get("placed")).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
            assertThat(one.schema().field("amount").orElseThrow().schema().name())
                    .isEqualTo(Decimal.LOGICAL_NAME);
            assertThat(one.schema().field("placed").orElseThrow().schema().name())
                    .isEqualTo(Timestamp.LOGICAL_NAME);
            assertThat(one.schema().field("note").orElseThrow().schema().isOptional())
                    .isTrue();

            driver.commit();
            order(3, "c", "2026-12-01 12:00:00+00");
            driver.restart();
            assertThat(ids(driver.pollUntil(1, 50))).containsExactly(3L);
        }
    }

    @Test
    void timestampAndIncrementingReadsRowsThatShareATimestamp() throws SQLException {
        order(1, "a", "2026-12-01 10:00:00+00");
        order(2, "b", "2026-12-01 10:00:00+00");
        try (var driver = SourceTaskDriver.forTask(JdbcSourceTask::new)
                .config(settings(Map.of(
                        "mode", "timestamp+incrementing",
                        "incrementing.column.name", "id",
                        "timestamp.column.name", "placed",
                        "batch.max.rows", "1")))
                .start()) {
            assertThat(ids(driver.poll())).containsExactly(1L);
            driver.commit();
            order(3, "c", "2026-12-01 10:00:00+00");
            driver.restart();

            assertThat(ids(driver.pollUntil(2, 50))).containsExactly(2L, 3L);
            assertThat(driver.committedOffsets().values())
                    .singleElement()
                    .satisfies(offset -> assertThat(offset.get("incrementing")).isEqualTo(1L));
        }
    }

    @Test
    void bulkReadsTheWholeTableEachPollInterval() throws SQLException {
        order(1, "a", "2026-12-01 10:00:00+00");
        try (var driver = SourceTaskDriver.forTask(JdbcSourceTask::new)
                .config(settings(Map.of("mode", "bulk")))
                .start()) {
            assertThat(ids(driver.poll())).containsExactly(1L);
            order(2, "b", "2026-12-01 10:00:00+00");

            assertThat(ids(driver.pollUntil(2, 50))).containsExactly(1L, 2L);
        }
    }

    @Test
    void theConnectorSplitsTablesAcrossTasksAndNoticesANewOne() throws SQLException {
        execute("CREATE TABLE \"users\" (\"id\" BIGINT PRIMARY KEY)");
        execute("CREATE TABLE \"audit\" (\"id\" BIGINT PRIMARY KEY)");
        ConnectorDriver<JdbcSourceConnector> connector = ConnectorDriver.forConnector(JdbcSourceConnector::new)
                .config(Map.of(
                        "connection.url", url,
                        "mode", "incrementing",
                        "incrementing.column.name", "id",
                        "topic.prefix", "db-",
                        "table.exclude.list", "audit",
                        "table.poll.interval.ms", "20"))
                .start();
        try {
            assertThat(connector.taskConfigs(4))
                    .extracting(config -> config.get("tables"))
                    .containsExactly("orders", "users");
            assertThat(connector.taskConfigs(1))
                    .extracting(config -> config.get("tables"))
                    .containsExactly("orders,users");

            execute("CREATE TABLE \"payments\" (\"id\" BIGINT PRIMARY KEY)");
            connector.awaitReconfigurationRequests(1, java.time.Duration.ofSeconds(10));
            assertThat(connector.taskConfigs(4))
                    .extracting(config -> config.get("tables"))
                    .containsExactly("orders", "payments", "users");
        } finally {
            connector.stop();
        }
    }
}
