package io.tributary.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.data.Decimal;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.data.Timestamp;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.testkit.driver.SinkTaskDriver;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sink task through the runtime's task runner, without Kafka, on a real H2 database in memory. */
class JdbcSinkTaskTest {
    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final Schema ORDER = SchemaBuilder.struct()
            .name("Order")
            .field("id", Schema.INT64_SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .field("amount", Decimal.schema(2))
            .field("placed", Timestamp.SCHEMA)
            .build();

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final Connection database;

    JdbcSinkTaskTest() throws SQLException {
        database = DriverManager.getConnection(url);
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        database.close();
    }

    private SinkTaskDriver<JdbcSinkTask> driver(Map<String, String> settings) {
        Map<String, String> config = new HashMap<>(Map.of("connection.url", url, "auto.create", "true"));
        config.putAll(settings);
        return SinkTaskDriver.forTask(JdbcSinkTask::new)
                .config(config)
                .connectorSetting("errors.tolerance", "all")
                .start(P0);
    }

    private static Struct order(long id, String note, String amount) {
        return Struct.builder(ORDER)
                .put("id", id)
                .put("note", note)
                .put("amount", new BigDecimal(amount))
                .put("placed", Instant.parse("2026-12-01T10:15:30.123Z"))
                .build();
    }

    private List<Map<String, Object>> rows(String table) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement statement = database.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY \"id\"")) {
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.put(result.getMetaData().getColumnName(i), result.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static SinkRecord keyed(long offset, Object key, Struct value) {
        return SinkRecord.builder()
                .topic(P0.topic())
                .partition(P0.partition())
                .kafkaOffset(offset)
                .key(Schema.INT64_SCHEMA, key)
                .value(value == null ? null : ORDER, value)
                .build();
    }

    @Test
    void createsTheTableAndKeepsEveryTypeAndNull() throws SQLException {
        try (var driver = driver(Map.of())) {
            driver.putValues(P0, ORDER, order(1, "first", "9.50"), order(2, null, "1234567.01"));
            driver.commit();
        }

        List<Map<String, Object>> rows = rows("orders");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("id", 1L).containsEntry("note", "first");
        assertThat(rows.get(0).get("amount")).isEqualTo(new BigDecimal("9.50"));
        assertThat(((OffsetDateTime) rows.get(0).get("placed")).toInstant())
                .isEqualTo(Instant.parse("2026-12-01T10:15:30.123Z"));
        assertThat(rows.get(1)).containsEntry("note", null);
        assertThat(rows.get(1).get("amount")).isEqualTo(new BigDecimal("1234567.01"));
    }

    @Test
    void upsertsByTheRecordKeyAndDeletesOnATombstone() throws SQLException {
        try (var driver = driver(Map.of("insert.mode", "upsert", "pk.mode", "record_key", "delete.enabled", "true"))) {
            driver.put(keyed(0, 1L, order(1, "v1", "1.00")), keyed(1, 2L, order(2, "v1", "2.00")));
            driver.put(keyed(2, 1L, order(1, "v2", "1.50")), keyed(3, 1L, order(1, "v3", "1.75")));
            driver.put(keyed(4, 2L, null));
            driver.commit();
        }

        assertThat(rows("orders")).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("id", 1L).containsEntry("note", "v3");
            assertThat(row.get("amount")).isEqualTo(new BigDecimal("1.75"));
        });
    }

    @Test
    void aRecordThatDoesNotFitIsReportedAndItsNeighboursAreCommitted() throws SQLException {
        Schema wider = SchemaBuilder.struct()
                .name("Order")
                .field("id", Schema.INT64_SCHEMA)
                .field("coupon", Schema.STRING_SCHEMA)
                .build();
        try (var driver = driver(Map.of("pk.mode", "record_value", "pk.fields", "id"))) {
            driver.putValues(P0, ORDER, order(1, "a", "1.00"));
            driver.putValues(
                    P0,
                    wider,
                    Struct.builder(wider).put("id", 2L).put("coupon", "X").build());
            driver.putValues(P0, ORDER, order(1, "duplicate key", "1.00"), order(3, "c", "3.00"));
            driver.commit();

            assertThat(driver.errantRecords()).hasSize(2);
            assertThat(driver.errantRecords().get(0).error())
                    .hasMessageContaining("Table orders has no column for the fields [coupon]")
                    .hasMessageContaining("set auto.evolve=true");
            assertThat(driver.errantRecords().get(1).error())
                    .hasMessageContaining("The database refused the row of record orders-0@2 in table orders");
        }

        assertThat(rows("orders")).extracting(row -> row.get("id")).containsExactly(1L, 3L);
    }

    @Test
    void autoEvolveAddsTheColumnsOfNewFields() throws SQLException {
        Schema wider = SchemaBuilder.struct()
                .name("Order")
                .field("id", Schema.INT64_SCHEMA)
                .field("amount", Decimal.schema(2))
                .field("placed", Timestamp.SCHEMA)
                .field("coupon", Schema.OPTIONAL_STRING_SCHEMA)
                .build();
        try (var driver = driver(Map.of("auto.evolve", "true"))) {
            driver.putValues(P0, ORDER, order(1, "a", "1.00"));
            driver.putValues(
                    P0,
                    wider,
                    Struct.builder(wider)
                            .put("id", 2L)
                            .put("amount", new BigDecimal("2.00"))
                            .put("placed", Instant.EPOCH)
                            .put("coupon", "X")
                            .build());
            driver.commit();
            assertThat(driver.errantRecords()).isEmpty();
        }

        assertThat(rows("orders")).extracting(row -> row.get("coupon")).containsExactly(null, "X");
    }

    @Test
    void aMissingTableWithoutAutoCreateFailsTheTaskSayingWhatToDo() {
        try (var driver = driver(Map.of("auto.create", "false"))) {
            assertThatThrownBy(() -> driver.putValues(P0, ORDER, order(1, "a", "1.00")))
                    .hasStackTraceContaining(
                            "Table orders does not exist in the H2 database; create it, or set" + " auto.create=true");
        }
    }

    @Test
    void wrongCredentialsFailTheStartSayingWhichSettingsToCheck() {
        assertThatThrownBy(() -> driver(Map.of("connection.user", "nobody", "connection.password", "wrong"))
                        .close())
                .satisfies(e -> assertThat(e)
                        .hasStackTraceContaining("check connection.url, connection.user and" + " connection.password"));
    }

    @Test
    void anUnreachableDatabaseIsRetriedMaxRetriesTimesThenFailsTheTaskSayingWhatToCheck() {
        // Nothing listens on port 1: every attempt is refused, which is a transient failure (SQLState 08001).
        String unreachable = "jdbc:postgresql://localhost:1/shop";
        try (var driver =
                driver(Map.of("connection.url", unreachable, "max.retries", "2", "retry.backoff.ms", "250"))) {
            assertThatThrownBy(() -> driver.putValues(P0, ORDER, order(1, "a", "1.00")))
                    .hasStackTraceContaining("Cannot write to " + unreachable + " after 3 attempts")
                    .hasStackTraceContaining("check that the database is running and reachable at connection.url");
            assertThat(driver.retriableFailures()).isEqualTo(2);
            assertThat(driver.lastBackoff()).contains(Duration.ofMillis(250));
            assertThat(driver.committedOffsets()).isEmpty();
        }
    }
}
