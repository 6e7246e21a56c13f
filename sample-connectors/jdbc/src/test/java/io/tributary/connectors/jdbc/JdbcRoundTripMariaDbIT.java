package io.tributary.connectors.jdbc;

import static io.tributary.testkit.harness.HarnessAssertions.assertThat;
import static io.tributary.testkit.harness.HarnessAssertions.assertThatTable;

import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.MySqlDatabase;
import io.tributary.testkit.Provider;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.WithMySql;
import io.tributary.testkit.harness.ConnectorHarness;
import io.tributary.testkit.harness.WithConnectorHarness;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The round trip on MariaDB in a container (the image CI builds locally): a table through Kafka into
 * another table, rows, types, nulls and an update. Skipped, with the reason, where Docker or the image is
 * missing.
 */
@WithKafka
@WithMySql(provider = Provider.CONTAINER)
@WithConnectorHarness(
        workerSettings = {
            "key.converter=org.apache.kafka.connect.json.JsonConverter",
            "value.converter=org.apache.kafka.connect.json.JsonConverter"
        })
class JdbcRoundTripMariaDbIT {
    private static final String COLUMNS = "id, name, price, born, updated_at";

    @Test
    void everyRowTypeAndUpdateArrivesInTheOtherTable(ConnectorHarness harness, KafkaCluster kafka, MySqlDatabase db) {
        db.execute("CREATE TABLE items (id BIGINT PRIMARY KEY, name TEXT NULL, price DECIMAL(12, 3) NOT NULL,"
                + " born DATE NULL, updated_at DATETIME(3) NOT NULL)");
        db.execute("INSERT INTO items VALUES (1, 'pen', 1.250, '2020-02-29', '2026-12-01 09:00:00.000'),"
                + " (2, NULL, 123456789.001, NULL, '2026-12-01 10:00:00.123'),"
                + " (3, 'ink', 0.000, '1999-12-31', '2026-12-01 10:00:00.123')");
        String prefix = kafka.createTopic("maria-", 1).replace('-', '_') + "_";
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

        db.execute(
                "UPDATE items SET name = 'quill', price = 2.500, updated_at = '2026-12-02 08:00:00.000' WHERE id = 1");
        db.execute("INSERT INTO items VALUES (4, 'nib', 0.010, NULL, '2026-12-02 09:00:00.000')");

        awaitSame(db);
        assertThatTable(db, "copy").hasRowCount(4).containsRow(Map.of("id", 1, "name", "quill"));
    }

    private static Map<String, String> settings(String... pairs) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put(pairs[i], pairs[i + 1]);
        }
        return settings;
    }

    private static void awaitSame(MySqlDatabase db) {
        List<Map<String, Object>> original = db.query("SELECT " + COLUMNS + " FROM items ORDER BY id");
        assertThatTable(db, "copy")
                .within(Duration.ofSeconds(30))
                .eventuallySatisfies(rows -> assertThat(db.query("SELECT " + COLUMNS + " FROM copy ORDER BY id"))
                        .isEqualTo(original));
    }
}
