package io.tributary.connectors.jdbc;

import static io.tributary.testkit.harness.HarnessAssertions.assertThat;
import static io.tributary.testkit.harness.HarnessAssertions.assertThatTable;

import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.PostgresDatabase;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.WithPostgres;
import io.tributary.testkit.harness.ConnectorHarness;
import io.tributary.testkit.harness.DeployedConnector;
import io.tributary.testkit.harness.WithConnectorHarness;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sink on a worker against the embedded Kafka broker and the embedded PostgreSQL, with Kafka
 * Connect's JSON converter and schemas: the table is created with the right column types, rows are
 * upserted by key, a tombstone deletes, decimals, zoned timestamps and nulls arrive as they were.
 */
@WithKafka
@WithPostgres
@WithConnectorHarness(
        workerSettings = {
            "key.converter=org.apache.kafka.connect.json.JsonConverter",
            "value.converter=org.apache.kafka.connect.json.JsonConverter"
        })
class JdbcSinkPostgresIT {
    private static final String KEY_SCHEMA = "{\"type\":\"int64\",\"optional\":false}";
    private static final String VALUE_SCHEMA = "{\"type\":\"struct\",\"name\":\"Order\",\"optional\":false,\"fields\":["
            + "{\"field\":\"id\",\"type\":\"int64\",\"optional\":false},"
            + "{\"field\":\"note\",\"type\":\"string\",\"optional\":true},"
            + "{\"field\":\"amount\",\"type\":\"bytes\",\"optional\":false,"
            + "\"name\":\"org.apache.kafka.connect.data.Decimal\",\"version\":1,\"parameters\":{\"scale\":\"2\"}},"
            + "{\"field\":\"placed\",\"type\":\"int64\",\"optional\":false,"
            + "\"name\":\"org.apache.kafka.connect.data.Timestamp\",\"version\":1}]}";
    private static final Instant PLACED = Instant.parse("2026-12-01T10:15:30.123Z");

    @Test
    void upsertsDeletesAndKeepsEveryType(ConnectorHarness harness, KafkaCluster kafka, PostgresDatabase db) {
        String topic = kafka.createTopic("orders", 1);
        String table = topic.replace('-', '_');
        produce(
                kafka,
                topic,
                1,
                "{\"id\":1,\"note\":\"a\",\"amount\":\"A7Y=\",\"placed\":" + PLACED.toEpochMilli() + "}");
        produce(
                kafka,
                topic,
                2,
                "{\"id\":2,\"note\":null,\"amount\":\"B1vMvQ==\",\"placed\":" + PLACED.toEpochMilli() + "}");

        DeployedConnector sink = harness.deploy(Map.ofEntries(
                        Map.entry("name", "orders-to-postgres"),
                        Map.entry("connector.class", JdbcSinkConnector.class.getName()),
                        Map.entry("topics", topic),
                        Map.entry("connection.url", db.jdbcUrl()),
                        Map.entry("connection.user", db.username()),
                        Map.entry("connection.password", db.password()),
                        Map.entry("table.name.format", table),
                        Map.entry("insert.mode", "upsert"),
                        Map.entry("pk.mode", "record_key"),
                        Map.entry("delete.enabled", "true"),
                        Map.entry("auto.create", "true")))
                .awaitRunning();

        assertThatTable(db, "\"" + table + "\"")
                .within(Duration.ofSeconds(30))
                .settlesAtRowCount(2, Duration.ofSeconds(1))
                .containsRow(Map.of("id", 1, "note", "a", "amount", new BigDecimal("9.50")))
                .containsRow(Map.of("id", 2, "amount", new BigDecimal("1234567.01")))
                .eventuallySatisfies(rows -> assertThat(rows)
                        .allSatisfy(
                                row -> assertThat(instant(row.get("placed"))).isEqualTo(PLACED)));
        assertThat(db.query(
                        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?"
                                + " ORDER BY ordinal_position",
                        table))
                .extracting(row -> row.get("column_name") + " " + row.get("data_type"))
                .containsExactly("id bigint", "note text", "amount numeric", "placed timestamp with time zone");

        produce(
                kafka,
                topic,
                1,
                "{\"id\":1,\"note\":\"b\",\"amount\":\"AK8=\",\"placed\":" + PLACED.toEpochMilli() + "}");
        kafka.produce(topic, null, bytes("{\"schema\":" + KEY_SCHEMA + ",\"payload\":2}"), null, Map.of());

        assertThatTable(db, "\"" + table + "\"")
                .within(Duration.ofSeconds(30))
                .eventuallySatisfies(rows -> assertThat(rows).singleElement().satisfies(row -> {
                    assertThat(row).containsEntry("id", 1L).containsEntry("note", "b");
                    assertThat(row.get("amount")).isEqualTo(new BigDecimal("1.75"));
                }));
        assertThat(sink).isRunning();
    }

    private static void produce(KafkaCluster kafka, String topic, long key, String payload) {
        kafka.produce(
                topic,
                null,
                bytes("{\"schema\":" + KEY_SCHEMA + ",\"payload\":" + key + "}"),
                bytes("{\"schema\":" + VALUE_SCHEMA + ",\"payload\":" + payload + "}"),
                Map.of());
    }

    /** The driver gives timestamptz as a java.sql.Timestamp (the instant) or an OffsetDateTime. */
    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : ((java.sql.Timestamp) value).toInstant();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
