package io.tributary.runtime.transforms;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.data.Timestamp;
import io.tributary.sdk.header.Headers;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceConnectorContext;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a fixed set of records once: two orders, as structs ({@code kind=struct}) or as maps ({@code
 * kind=map}), the first with header {@code h1}; with {@code tombstone=true}, a third record with no value.
 */
public class FixtureSourceConnector implements SourceConnector {
    static final Instant CREATED = Instant.parse("2024-01-02T03:04:05Z");
    static final Schema ADDRESS = SchemaBuilder.struct()
            .name("com.example.Address")
            .field("city", Schema.STRING_SCHEMA)
            .build();
    static final Schema ORDER = SchemaBuilder.struct()
            .name("com.example.Order")
            .field("id", Schema.INT64_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("price", Schema.FLOAT64_SCHEMA)
            .field("created", Timestamp.SCHEMA)
            .field("address", ADDRESS)
            .build();

    private Map<String, String> config;

    @Override
    public String version() {
        return "test";
    }

    @Override
    public ConfigDef config() {
        return ConfigDef.builder()
                .define(ConfigKey.builder("topic", ConfigDef.Type.STRING))
                .define(ConfigKey.builder("kind", ConfigDef.Type.STRING))
                .define(ConfigKey.builder("tombstone", ConfigDef.Type.BOOLEAN).defaultValue(false))
                .build();
    }

    @Override
    public void start(SourceConnectorContext context) {
        config = Map.of(
                "topic", context.config().getString("topic"),
                "kind", context.config().getString("kind"),
                "tombstone", context.config().getBoolean("tombstone").toString());
    }

    @Override
    public Class<? extends SourceTask> taskClass() {
        return Task.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(config);
    }

    @Override
    public void stop() {}

    /** Writes the fixture on its first poll, nothing afterwards. */
    public static class Task implements SourceTask {
        private Map<String, String> config;
        private boolean written;

        @Override
        public String version() {
            return "test";
        }

        @Override
        public void start(SourceTaskContext context) {
            config = context.config();
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            if (written) {
                synchronized (this) {
                    wait(100); // everything is written: idle until polled again
                }
                return List.of();
            }
            written = true;
            boolean struct = config.get("kind").equals("struct");
            List<SourceRecord> records = new ArrayList<>();
            records.add(order(1, "pen", struct, Headers.empty().withString("h1", "a")));
            records.add(order(2, "ink", struct, Headers.empty()));
            if (Boolean.parseBoolean(config.get("tombstone"))) {
                records.add(record(Schema.STRING_SCHEMA, "3", null, null, Headers.empty()));
            }
            return records;
        }

        private SourceRecord order(long id, String name, boolean struct, Headers headers) {
            Object value;
            if (struct) {
                value = Struct.builder(ORDER)
                        .put("id", id)
                        .put("name", name)
                        .put("price", 9.5)
                        .put("created", CREATED)
                        .put(
                                "address",
                                Struct.builder(ADDRESS).put("city", "Oslo").build())
                        .build();
            } else {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("id", id);
                map.put("name", name);
                map.put("price", 9.5);
                map.put("created", CREATED.toEpochMilli());
                map.put("address", Map.of("city", "Oslo"));
                value = map;
            }
            return record(Schema.STRING_SCHEMA, Long.toString(id), struct ? ORDER : null, value, headers);
        }

        private SourceRecord record(Schema keySchema, Object key, Schema valueSchema, Object value, Headers headers) {
            return SourceRecord.builder()
                    .topic(config.get("topic"))
                    .key(keySchema, key)
                    .value(valueSchema, value)
                    .timestamp(CREATED.toEpochMilli())
                    .headers(headers)
                    .build();
        }

        @Override
        public void stop() {}
    }
}
