package io.tributary.benchmarks.micro;

import io.tributary.connect.convert.ConnectData;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.data.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record the micro-benchmarks convert and transform, the same for both runtimes: an order of the usual field
 * types (integers, strings, a double, an optional field, a timestamp, a nested struct and an array), as
 * Tributary's SDK holds it and as Kafka Connect holds it, the second converted from the first once.
 */
final class BenchData {
    static final Schema CUSTOMER = SchemaBuilder.struct()
            .name("bench.Customer")
            .field("id", Schema.INT64_SCHEMA)
            .field("city", Schema.STRING_SCHEMA)
            .build();

    static final Schema ORDER = SchemaBuilder.struct()
            .name("bench.Order")
            .field("id", Schema.INT64_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("quantity", Schema.INT32_SCHEMA)
            .field("price", Schema.FLOAT64_SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .field("created", Timestamp.SCHEMA)
            .field("customer", CUSTOMER)
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .build();

    static final Struct VALUE = Struct.builder(ORDER)
            .put("id", 1_234_567L)
            .put("name", "Widget, large, blue")
            .put("quantity", 12)
            .put("price", 99.5)
            .put("note", "leave at the door")
            .put("created", Instant.parse("2026-12-05T08:00:00.123Z"))
            .put(
                    "customer",
                    Struct.builder(CUSTOMER)
                            .put("id", 42L)
                            .put("city", "Lisbon")
                            .build())
            .put("tags", List.of("priority", "gift"))
            .build();

    static final org.apache.kafka.connect.data.Schema CONNECT_ORDER = ConnectData.toConnect(ORDER);

    static final Object CONNECT_VALUE = ConnectData.toConnect(ORDER, VALUE);

    /** @return the order as a schemaless value: maps, lists and plain values, as JSON without schemas reads */
    static Map<String, Object> schemaless() {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", 42L);
        customer.put("city", "Lisbon");
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", 1_234_567L);
        order.put("name", "Widget, large, blue");
        order.put("quantity", 12);
        order.put("price", 99.5);
        order.put("note", "leave at the door");
        order.put("created", 1_796_457_600_123L);
        order.put("customer", customer);
        order.put("tags", List.of("priority", "gift"));
        return order;
    }

    private BenchData() {}
}
