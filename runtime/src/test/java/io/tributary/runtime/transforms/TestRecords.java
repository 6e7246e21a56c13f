package io.tributary.runtime.transforms;

import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.TimestampType;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.transforms.Predicate;
import io.tributary.sdk.transforms.Transformation;
import java.util.LinkedHashMap;
import java.util.Map;

/** Records, schemas and configured transformations the transformation tests share. */
final class TestRecords {
    static final String TOPIC = "orders";
    static final long TIMESTAMP = 1_706_700_000_000L; // 2024-01-31T11:20:00Z

    static final Schema ORDER = SchemaBuilder.struct()
            .name("com.example.Order")
            .version(3)
            .field("id", Schema.INT64_SCHEMA)
            .field("customer", Schema.STRING_SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    private TestRecords() {}

    static Struct order(long id, String customer, String note) {
        return Struct.builder(ORDER)
                .put("id", id)
                .put("customer", customer)
                .put("note", note)
                .build();
    }

    static SourceRecord source(Schema valueSchema, Object value) {
        return SourceRecord.builder()
                .sourcePartition(Map.of("table", "orders"))
                .sourceOffset(Map.of("row", 7L))
                .topic(TOPIC)
                .value(valueSchema, value)
                .timestamp(TIMESTAMP)
                .build();
    }

    static SourceRecord sourceWithKey(Schema keySchema, Object key) {
        return SourceRecord.builder().topic(TOPIC).key(keySchema, key).build();
    }

    static SinkRecord sink(Schema valueSchema, Object value) {
        return SinkRecord.builder()
                .topic(TOPIC)
                .partition(2)
                .kafkaOffset(42L)
                .value(valueSchema, value)
                .timestamp(TIMESTAMP, TimestampType.CREATE_TIME)
                .build();
    }

    /** @return the settings as an ordered map, from keys alternating with their values */
    static Map<String, String> settings(String... keysAndValues) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return settings;
    }

    static <R extends ConnectRecord<R>> Transformation<R> configured(
            Transformation<R> transformation, Map<String, ?> config) {
        transformation.configure(config);
        return transformation;
    }

    static <R extends ConnectRecord<R>> Predicate<R> configured(Predicate<R> predicate, Map<String, ?> config) {
        predicate.configure(config);
        return predicate;
    }
}
