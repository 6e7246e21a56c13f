package io.tributary.connectors.jdbc;

import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.PostgresDatabase;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.WithPostgres;
import io.tributary.testkit.harness.ConnectorHarness;
import io.tributary.testkit.harness.WithConnectorHarness;
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

    @Test
    void everyRowTypeAndUpdateArrivesInTheOtherTable(
            ConnectorHarness harness, KafkaCluster kafka, PostgresDatabase db) {
        RoundTrip.run(
                harness,
                kafka,
                db,
                new RoundTrip.Statements(
                        "CREATE TABLE items (id BIGINT PRIMARY KEY, name TEXT, price NUMERIC(12, 3) NOT NULL, born DATE,"
                                + " updated_at TIMESTAMP WITH TIME ZONE NOT NULL)",
                        "INSERT INTO items VALUES (1, 'pen', 1.250, DATE '2020-02-29', TIMESTAMPTZ '2026-12-01 10:00:00+01'),"
                                + " (2, NULL, 123456789.001, NULL, TIMESTAMPTZ '2026-12-01 10:00:00.123+00'),"
                                + " (3, 'ink', 0.000, DATE '1999-12-31', TIMESTAMPTZ '2026-12-01 10:00:00.123+00')",
                        "UPDATE items SET name = 'quill', price = 2.500, updated_at = TIMESTAMPTZ '2026-12-02 08:00:00+00'"
                                + " WHERE id = 1",
                        "INSERT INTO items VALUES (4, 'nib', 0.010, NULL, TIMESTAMPTZ '2026-12-02 09:00:00-05')"));
    }
}
