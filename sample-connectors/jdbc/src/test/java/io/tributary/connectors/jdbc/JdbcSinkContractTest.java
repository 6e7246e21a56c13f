package io.tributary.connectors.jdbc;

import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.testkit.contract.SinkConnectorContract;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The sink contract on H2 in memory, upserting by the value's id: a redelivered batch is one row a record. */
class JdbcSinkContractTest implements SinkConnectorContract<JdbcSinkConnector> {
    private static final Schema ITEM = SchemaBuilder.struct()
            .name("Item")
            .field("id", Schema.INT64_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .build();

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Override
    public JdbcSinkConnector newConnector() {
        return new JdbcSinkConnector();
    }

    @Override
    public Map<String, String> validConfig() {
        return Map.of(
                "connection.url", url,
                "insert.mode", "upsert",
                "pk.mode", "record_value",
                "pk.fields", "id",
                "auto.create", "true");
    }

    @Override
    public Map<String, String> invalidValues() {
        return Map.of("connection.url", "jdbc:oracle:thin:@db", "insert.mode", "replace", "pk.mode", "kafka");
    }

    @Override
    public String topic() {
        return "items";
    }

    @Override
    public SchemaAndValue value(int i) {
        return new SchemaAndValue(
                ITEM,
                Struct.builder(ITEM)
                        .put("id", (long) i)
                        .put("name", "item-" + i)
                        .build());
    }

    @Override
    public Object expectedData(SinkRecord record) {
        return "item-" + ((Struct) record.value()).get("id");
    }

    @Override
    public List<?> externalData() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, "items", null)) {
                if (!tables.next()) {
                    return names;
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT \"name\" FROM \"items\"")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    @Override
    public Optional<SchemaAndValue> badValue() {
        return Optional.of(new SchemaAndValue(Schema.STRING_SCHEMA, "not a struct"));
    }

    @Override
    public boolean idempotentWrites() {
        return true;
    }
}
