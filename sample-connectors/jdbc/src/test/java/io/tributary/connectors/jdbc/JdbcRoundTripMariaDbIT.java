package io.tributary.connectors.jdbc;

import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.MySqlDatabase;
import io.tributary.testkit.Provider;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.WithMySql;
import io.tributary.testkit.harness.ConnectorHarness;
import io.tributary.testkit.harness.WithConnectorHarness;
import org.junit.jupiter.api.Test;

/**
 * The round trip of {@link JdbcRoundTripPostgresIT} on MariaDB in a container (the image CI builds
 * locally). Skipped, with the reason, where Docker or the image is missing.
 */
@WithKafka
@WithMySql(provider = Provider.CONTAINER)
@WithConnectorHarness(
        workerSettings = {
            "key.converter=org.apache.kafka.connect.json.JsonConverter",
            "value.converter=org.apache.kafka.connect.json.JsonConverter"
        })
class JdbcRoundTripMariaDbIT {

    @Test
    void everyRowTypeAndUpdateArrivesInTheOtherTable(ConnectorHarness harness, KafkaCluster kafka, MySqlDatabase db) {
        RoundTrip.run(
                harness,
                kafka,
                db,
                new RoundTrip.Statements(
                        "CREATE TABLE items (id BIGINT PRIMARY KEY, name TEXT NULL, price DECIMAL(12, 3) NOT NULL,"
                                + " born DATE NULL, updated_at DATETIME(3) NOT NULL)",
                        "INSERT INTO items VALUES (1, 'pen', 1.250, '2020-02-29', '2026-12-01 09:00:00.000'),"
                                + " (2, NULL, 123456789.001, NULL, '2026-12-01 10:00:00.123'),"
                                + " (3, 'ink', 0.000, '1999-12-31', '2026-12-01 10:00:00.123')",
                        "UPDATE items SET name = 'quill', price = 2.500, updated_at = '2026-12-02 08:00:00.000' WHERE id = 1",
                        "INSERT INTO items VALUES (4, 'nib', 0.010, NULL, '2026-12-02 09:00:00.000')"));
    }
}
