package io.tributary.connectors.jdbc;

import static io.tributary.testkit.harness.HarnessAssertions.assertThat;
import static io.tributary.testkit.harness.HarnessAssertions.assertThatTable;

import io.tributary.testkit.Database;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.harness.ConnectorHarness;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table {@code items} (id, name, price, born, updated_at) through Kafka into a table {@code copy} of the
 * same database: the JDBC source in timestamp+incrementing mode, the JDBC sink upserting by id. The caller
 * gives the database's own SQL for the rows.
 */
final class RoundTrip {
    private static final String COLUMNS = "id, name, price, born, updated_at";

    /** The SQL that makes the table and changes it, in the database's dialect. */
    record Statements(String create, String insertThree, String updateOne, String insertFourth) {}

    private RoundTrip() {}

    static void run(ConnectorHarness harness, KafkaCluster kafka, Database db, Statements sql) {
        db.execute(sql.create());
        db.execute(sql.insertThree());
        String prefix = kafka.createTopic("copy-", 1).replace('-', '_') + "_";
        kafka.createTopic(prefix + "items", 1);

        harness.deploy(settings(
                        db,
                        "name",
                        "items-source",
                        "connector.class",
                        JdbcSourceConnector.class.getName(),
                        "mode",
                        "timestamp+incrementing",
                        "incrementing.column.name",
                        "id",
                        "timestamp.column.name",
                        "updated_at",
                        "table.include.list",
                        "items",
                        "topic.prefix",
                        prefix,
                        "poll.interval.ms",
                        "200"))
                .awaitRunning();
        harness.deploy(settings(
                        db,
                        "name",
                        "items-sink",
                        "connector.class",
                        JdbcSinkConnector.class.getName(),
                        "topics",
                        prefix + "items",
                        "table.name.format",
                        "copy",
                        "insert.mode",
                        "upsert",
                        "pk.mode",
                        "record_value",
                        "pk.fields",
                        "id",
                        "auto.create",
                        "true"))
                .awaitRunning();
        awaitSame(db);

        db.execute(sql.updateOne());
        db.execute(sql.insertFourth());

        awaitSame(db);
        assertThatTable(db, "copy").hasRowCount(4).containsRow(Map.of("id", 1, "name", "quill"));
    }

    private static Map<String, String> settings(Database db, String... pairs) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("connection.url", db.jdbcUrl());
        settings.put("connection.user", db.username());
        settings.put("connection.password", db.password());
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put(pairs[i], pairs[i + 1]);
        }
        return settings;
    }

    /** Waits until the copy holds exactly the rows of the original, column by column. */
    private static void awaitSame(Database db) {
        List<Map<String, Object>> original = db.query("SELECT " + COLUMNS + " FROM items ORDER BY id");
        assertThatTable(db, "copy")
                .within(Duration.ofSeconds(30))
                .eventuallySatisfies(rows -> assertThat(db.query("SELECT " + COLUMNS + " FROM copy ORDER BY id"))
                        .isEqualTo(original));
    }
}
