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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Both connectors on a worker, pointed at a database they cannot use: nothing listens at the address, or the
 * user does not exist or may no longer log in. Each ends in a FAILED status whose message names the settings
 * to check, and a sink fixed and deployed again, or restarted, writes every record the failed one was given:
 * nothing was committed past them.
 */
@WithKafka
@WithPostgres
@WithConnectorHarness(
        workerSettings = {
            "key.converter=org.apache.kafka.connect.json.JsonConverter",
            "value.converter=org.apache.kafka.connect.json.JsonConverter"
        })
class JdbcBadDatabaseIT {
    /** Nothing listens on port 1: connections are refused at once. */
    private static final String UNREACHABLE = "jdbc:postgresql://localhost:1/shop";

    private static final String VALUE_SCHEMA = "{\"type\":\"struct\",\"name\":\"Order\",\"optional\":false,\"fields\":["
            + "{\"field\":\"id\",\"type\":\"int64\",\"optional\":false},"
            + "{\"field\":\"note\",\"type\":\"string\",\"optional\":true}]}";

    @Test
    void aSinkThatCannotReachItsDatabaseFailsSayingWhatToCheckAndLosesNothingOnceFixed(
            ConnectorHarness harness, KafkaCluster kafka, PostgresDatabase db) {
        String topic = produceThreeOrders(kafka, "unreachable");
        Map<String, String> settings = sink("unreachable-sink", topic, db);
        settings.put("connection.url", UNREACHABLE);
        settings.put("max.retries", "1");
        settings.put("retry.backoff.ms", "100");

        DeployedConnector failing = harness.deploy(settings);

        assertThat(failing)
                .within(Duration.ofSeconds(30))
                .hasFailedTask(0)
                .taskTraceContains(0, "Cannot write to " + UNREACHABLE + " after 2 attempts")
                .taskTraceContains(0, "check that the database is running and reachable at connection.url");
        failing.stop();

        settings.put("connection.url", db.jdbcUrl());
        deployAgainAndAwaitEveryOrder(harness, settings, db, topic);
    }

    @Test
    void aSinkWithWrongCredentialsFailsAtStartSayingWhichSettingsToCheckAndRunsOnceFixed(
            ConnectorHarness harness, KafkaCluster kafka, PostgresDatabase db) {
        String topic = produceThreeOrders(kafka, "credentials");
        Map<String, String> settings = sink("credentials-sink", topic, db);
        settings.put("connection.user", "nobody");

        DeployedConnector failing = harness.deploy(settings);

        assertThat(failing)
                .within(Duration.ofSeconds(30))
                .hasFailedTask(0)
                .taskTraceContains(0, "Cannot connect to " + db.jdbcUrl())
                .taskTraceContains(0, "\"nobody\"")
                .taskTraceContains(0, "check connection.url, connection.user and connection.password");
        failing.stop();

        settings.put("connection.user", db.username());
        deployAgainAndAwaitEveryOrder(harness, settings, db, topic);
    }

    @Test
    void aSinkWhoseLoginIsRefusedWhileRunningFailsAtOnceAndLosesNothingOnceAllowedAgain(
            ConnectorHarness harness, KafkaCluster kafka, PostgresDatabase db) {
        String role = "shop_writer";
        db.execute("DROP ROLE IF EXISTS " + role);
        db.execute("CREATE ROLE " + role + " LOGIN");
        String topic = produceThreeOrders(kafka, "refused");
        Map<String, String> settings = sink("refused-sink", topic, db);
        settings.put("connection.user", role);
        DeployedConnector sink = harness.deploy(settings).awaitRunning();
        assertThatTable(db, "\"" + table(topic) + "\"")
                .within(Duration.ofSeconds(30))
                .settlesAtRowCount(3, Duration.ofSeconds(1));

        // The database now answers, and refuses the login: the sink's connection is gone and cannot come back.
        db.execute("ALTER ROLE " + role + " NOLOGIN");
        db.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ?", role);
        produceOrders(kafka, topic, 4, 6);

        assertThat(sink)
                .within(Duration.ofSeconds(30))
                .hasFailedTask(0)
                .taskTraceContains(0, "Cannot connect to " + db.jdbcUrl())
                .taskTraceContains(0, "check connection.url, connection.user and connection.password");
        assertThat(sink.status().tasks().get(0).trace())
                .as("a refused login is not retried as if the database were unreachable")
                .doesNotContain("attempts");

        db.execute("ALTER ROLE " + role + " LOGIN");
        sink.restart().awaitRunning();
        assertThatTable(db, "\"" + table(topic) + "\"")
                .within(Duration.ofSeconds(30))
                .settlesAtRowCount(6, Duration.ofSeconds(1));
    }

    @Test
    void aSourceThatCannotReachItsDatabaseFailsSayingWhatToCheck(ConnectorHarness harness, PostgresDatabase db) {
        Map<String, String> settings = source("unreachable-source", db);
        settings.put("connection.url", UNREACHABLE);

        assertThat(harness.deploy(settings))
                .within(Duration.ofSeconds(30))
                .connectorTraceContains("Cannot list the tables of " + UNREACHABLE)
                .connectorTraceContains("check connection.url, connection.user and connection.password");
    }

    @Test
    void aSourceWithWrongCredentialsFailsSayingWhichSettingsToCheck(ConnectorHarness harness, PostgresDatabase db) {
        Map<String, String> settings = source("credentials-source", db);
        settings.put("connection.user", "nobody");

        assertThat(harness.deploy(settings))
                .within(Duration.ofSeconds(30))
                .connectorTraceContains("Cannot list the tables of " + db.jdbcUrl())
                .connectorTraceContains("\"nobody\"")
                .connectorTraceContains("check connection.url, connection.user and connection.password");
    }

    /**
     * Deploys the fixed settings under the failed sink's name, so with its consumer group: the new sink must
     * write all three orders, which it can only if the failed one committed none of them.
     */
    private static void deployAgainAndAwaitEveryOrder(
            ConnectorHarness harness, Map<String, String> settings, PostgresDatabase db, String topic) {
        harness.deploy(settings).awaitRunning();
        assertThatTable(db, "\"" + table(topic) + "\"")
                .within(Duration.ofSeconds(30))
                .settlesAtRowCount(3, Duration.ofSeconds(1));
    }

    private static String produceThreeOrders(KafkaCluster kafka, String name) {
        String topic = kafka.createTopic(name, 1);
        produceOrders(kafka, topic, 1, 3);
        return topic;
    }

    private static void produceOrders(KafkaCluster kafka, String topic, long first, long last) {
        for (long id = first; id <= last; id++) {
            kafka.produce(
                    topic,
                    null,
                    null,
                    ("{\"schema\":" + VALUE_SCHEMA + ",\"payload\":{\"id\":" + id + ",\"note\":\"order " + id + "\"}}")
                            .getBytes(StandardCharsets.UTF_8),
                    Map.of());
        }
    }

    private static String table(String topic) {
        return topic.replace('-', '_');
    }

    private static Map<String, String> sink(String name, String topic, PostgresDatabase db) {
        Map<String, String> settings = new HashMap<>();
        settings.put("name", name);
        settings.put("connector.class", JdbcSinkConnector.class.getName());
        settings.put("topics", topic);
        settings.put("connection.url", db.jdbcUrl());
        settings.put("connection.user", db.username());
        settings.put("connection.password", db.password());
        settings.put("table.name.format", table(topic));
        settings.put("insert.mode", "upsert");
        settings.put("pk.mode", "record_value");
        settings.put("pk.fields", "id");
        settings.put("auto.create", "true");
        return settings;
    }

    private static Map<String, String> source(String name, PostgresDatabase db) {
        Map<String, String> settings = new HashMap<>();
        settings.put("name", name);
        settings.put("connector.class", JdbcSourceConnector.class.getName());
        settings.put("connection.url", db.jdbcUrl());
        settings.put("connection.user", db.username());
        settings.put("connection.password", db.password());
        settings.put("mode", "incrementing");
        settings.put("incrementing.column.name", "id");
        settings.put("topic.prefix", name + "-");
        return settings;
    }
}
