package io.tributary.connectors.jdbc;

import static io.tributary.testkit.harness.HarnessAssertions.assertThat;
import static io.tributary.testkit.harness.HarnessAssertions.assertThatTable;

import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.PostgresDatabase;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.WithPostgres;
import io.tributary.testkit.harness.ConnectorHarness;
import io.tributary.testkit.harness.WithConnectorHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL table through Kafka into another PostgreSQL table, both connectors on a worker with the
 * JSON converter and schemas: every row, every type (decimals, timestamps with zones, dates, nulls) and
 * every update arrives as it was written. Timestamps travel as Kafka Connect's Timestamp type, in
 * milliseconds, so the test writes them to the millisecond.
 */
@WithKafka
@WithPostgres
@WithConnectorHarness(
        workerSettings = {
            "key.converter=org.apache.kafka.connect.json.JsonConverter",
            "value.converter=org.apache.kafka.connect.json.JsonConverter"
        })
class JdbcRoundTripPostgresIT {
    private static final String COLUMNS = "id, name, price, born, updated_at";

    @Test
    void everyRowTypeAndUpdateArrivesInTheOtherTable(
            ConnectorHarness harness, KafkaCluster kafka, PostgresDatabase db) {
        db.execute("CREATE TABLE items (id BIGINT PRIMARY KEY, name TEXT, price NUMERIC(12, 3) NOT NULL,"
                + " born DATE, updated_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        db.execute(
                "INSERT INTO items VALUES (1, 'pen', 1.250, DATE '2020-02-29', TIMESTAMPTZ '2026-12-01 10:00:00+01'),"
                        + " (2, NULL, 123456789.001, NULL, TIMESTAMPTZ '2026-12-01 10:00:00.123+00'),"
                        + " (3, 'ink', 0.000, DATE '1999-12-31', TIMESTAMPTZ '2026-12-01 10:00:00.123+00')");
        String prefix = kafka.createTopic("pg-", 1).replace('-', '_') + "_";
        kafka.createTopic(prefix + "items", 1);

        harness.deploy(settings(
                        "name", "items-source",
                        "connector.class", JdbcSourceConnector.class.getName(),
                        "connection.url", db.jdbcUrl(),
                        "connection.user", db.username(),
                        "connection.password", db.password(),
                        "mode", "timestamp+incrementing",
                        "incrementing.column.name", "id",
                        "timestamp.column.name", "updated_at",
                        "table.include.list", "items",
                        "topic.prefix", prefix,
                        "poll.interval.ms", "200"))
                .awaitRunning();
        harness.deploy(settings(
                        "name", "items-sink",
                        "connector.class", JdbcSinkConnector.class.getName(),
                        "connection.url", db.jdbcUrl(),
                        "connection.user", db.username(),
                        "connection.password", db.password(),
                        "topics", prefix + "items",
                        "table.name.format", "copy",
                        "insert.mode", "upsert",
                        "pk.mode", "record_value",
                        "pk.fields", "id",
                        "auto.create", "true"))
                .awaitRunning();
        awaitSame(db);

        db.execute("UPDATE items SET name = 'quill', price = 2.500, updated_at = TIMESTAMPTZ '2026-12-02 08:00:00+00'"
                + " WHERE id = 1");
        db.execute("INSERT INTO items VALUES (4, 'nib', 0.010, NULL, TIMESTAMPTZ '2026-12-02 09:00:00-05')");

        awaitSame(db);
        assertThatTable(db, "copy").hasRowCount(4).containsRow(Map.of("id", 1, "name", "quill"));
    }

    private static Map<String, String> settings(String... pairs) {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put(pairs[i], pairs[i + 1]);
        }
        return settings;
    }

    /** Waits until the copy holds exactly the rows of the original, column by column. */
    private static void awaitSame(PostgresDatabase db) {
        List<Map<String, Object>> original = db.query("SELECT " + COLUMNS + " FROM items ORDER BY id");
        assertThatTable(db, "copy")
                .within(Duration.ofSeconds(30))
                .eventuallySatisfies(rows -> assertThat(db.query("SELECT " + COLUMNS + " FROM copy ORDER BY id"))
                        .isEqualTo(original));
    }
}
