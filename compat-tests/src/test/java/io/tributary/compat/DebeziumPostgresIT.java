package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.kafka.KafkaRecord;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debezium's PostgreSQL connector 3.6 from Maven Central on the Tributary worker from {@code plugin.path},
 * beside the same plugin on Apache Kafka Connect 4.3, capturing the same inserts, updates and deletes from an
 * embedded PostgreSQL with logical decoding ({@code pgoutput}): both write the same change events, and the
 * Tributary worker, stopped and started again, resumes where it stopped without losing or repeating one.
 */
@WithKafka
class DebeziumPostgresIT {
    private static final Path PLUGINS = Path.of(System.getProperty("connect.plugins", "target/connect-plugins"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedPostgres postgres;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("pgdata"))
                .setCleanDataDirectory(true)
                .setServerConfig("wal_level", "logical")
                .setServerConfig("fsync", "off")
                .start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void changesAreCapturedAsOnKafkaConnectAndResumeAfterARestart(KafkaCluster kafka) throws Exception {
        sql(
                "CREATE TABLE items (id SERIAL PRIMARY KEY, name TEXT NOT NULL, price NUMERIC(10, 2))",
                "INSERT INTO items (name, price) VALUES ('quill', 2.50), ('ink', NULL)");
        Map<String, String> worker = Map.of("plugin.path", PLUGINS.toString());

        try (Workers.Worker connect =
                Workers.connect(kafka.bootstrapServers(), dir.resolve("connect.offsets"), worker)) {
            Workers.Worker tributary =
                    Workers.tributary(kafka.bootstrapServers(), dir.resolve("tributary.offsets"), worker);
            try {
                deploy(connect, "on-connect");
                deploy(tributary, "on-tributary");
                List<KafkaRecord> onConnect =
                        kafka.readUntilCount("on-connect.public.items", 2, Duration.ofSeconds(90));
                List<KafkaRecord> onTributary =
                        kafka.readUntilCount("on-tributary.public.items", 2, Duration.ofSeconds(90));
                assertThat(ops(onTributary)).containsExactly("r", "r");

                sql(
                        "INSERT INTO items (name, price) VALUES ('nib', 0.75)",
                        "UPDATE items SET price = 3.00 WHERE name = 'quill'",
                        "DELETE FROM items WHERE name = 'ink'");

                // Snapshot rows, create, update, delete and its tombstone.
                onConnect = kafka.readUntilCount("on-connect.public.items", 6, Duration.ofSeconds(60));
                onTributary = kafka.readUntilCount("on-tributary.public.items", 6, Duration.ofSeconds(60));
                assertThat(ops(onTributary)).containsExactly("r", "r", "c", "u", "d", "tombstone");
                assertThat(stable(onTributary)).isEqualTo(stable(onConnect));
            } finally {
                tributary.close();
            }
        }

        sql("INSERT INTO items (name, price) VALUES ('blotter', 12.00)");
        try (Workers.Worker tributary =
                Workers.tributary(kafka.bootstrapServers(), dir.resolve("tributary.offsets"), worker)) {
            deploy(tributary, "on-tributary");
            sql("UPDATE items SET name = 'nib, fine' WHERE name = 'nib'");
            List<KafkaRecord> all = kafka.readUntilCount("on-tributary.public.items", 8, Duration.ofSeconds(90));
            assertThat(ops(all))
                    .as("no snapshot again, and nothing lost: the insert made while stopped, then the update")
                    .containsExactly("r", "r", "c", "u", "d", "tombstone", "c", "u");
            assertThat(after(all.get(6)).path("name").asText()).isEqualTo("blotter");
            assertThat(after(all.get(7)).path("name").asText()).isEqualTo("nib, fine");
        }
    }

    private static void deploy(Workers.Worker worker, String name) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        config.put("database.hostname", "localhost");
        config.put("database.port", Integer.toString(postgres.getPort()));
        config.put("database.user", "postgres");
        config.put("database.password", "postgres");
        config.put("database.dbname", "postgres");
        config.put("topic.prefix", name);
        config.put("plugin.name", "pgoutput");
        config.put("slot.name", name.replace('-', '_'));
        config.put("publication.name", name.replace('-', '_') + "_publication");
        config.put("publication.autocreate.mode", "filtered");
        config.put("table.include.list", "public.items");
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        Rest.Answer created = new Rest(worker.url()).send("POST", "connectors", Map.of("name", name, "config", config));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> ops(List<KafkaRecord> records) {
        List<String> ops = new ArrayList<>();
        for (KafkaRecord record : records) {
            ops.add(
                    record.value() == null
                            ? "tombstone"
                            : payload(record).path("op").asText());
        }
        return ops;
    }

    private static JsonNode payload(KafkaRecord record) {
        try {
            return JSON.readTree(record.value()).path("payload");
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + record.valueAsString(), e);
        }
    }

    private static JsonNode after(KafkaRecord record) {
        return payload(record).path("after");
    }

    /**
     * What both runtimes must agree on: keys, schemas and payloads, less what differs between any two
     * captures (timestamps, the source's transaction, LSN and sequence, the connector's name).
     */
    private static List<String> stable(List<KafkaRecord> records) throws IOException {
        List<String> stable = new ArrayList<>();
        for (KafkaRecord record : records) {
            JsonNode key = JSON.readTree(record.key());
            if (record.value() == null) {
                stable.add(withoutPrefix(key) + " -> null");
                continue;
            }
            ObjectNode value = (ObjectNode) JSON.readTree(record.value());
            ObjectNode payload = (ObjectNode) value.path("payload");
            payload.remove(List.of("ts_ms", "ts_us", "ts_ns"));
            ObjectNode source = (ObjectNode) payload.path("source");
            source.remove(List.of("ts_ms", "ts_us", "ts_ns", "txId", "lsn", "sequence", "name", "xmin"));
            stable.add(withoutPrefix(key) + " -> " + withoutPrefix(value));
        }
        return stable;
    }

    /** The schema names carry the topic prefix, which is the connector's name here. */
    private static String withoutPrefix(JsonNode node) {
        return node.toString().replace("on-connect.", "PREFIX.").replace("on-tributary.", "PREFIX.");
    }
}
