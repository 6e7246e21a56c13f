package io.tributary.benchmarks.micro;

import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.transforms.Transformation;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One built-in transformation on one record: Tributary's beside Kafka Connect's of the same name, with the same
 * settings, on the same order (a source record with a struct value). Setting up checks that both give the same
 * topic, schema-less shape and field names, so the two do the same work.
 */
@State(Scope.Benchmark)
public class TransformBenchmark {
    /** Each transformation measured, with its settings. */
    static final Map<String, Map<String, String>> SETTINGS = Map.ofEntries(
            Map.entry("InsertField$Value", Map.of("static.field", "source", "static.value", "bench")),
            Map.entry("ReplaceField$Value", Map.of("exclude", "note", "renames", "name:title")),
            Map.entry("MaskField$Value", Map.of("fields", "name")),
            Map.entry("Cast$Value", Map.of("spec", "quantity:int64,price:string")),
            Map.entry("ExtractField$Value", Map.of("field", "customer")),
            Map.entry("HoistField$Value", Map.of("field", "order")),
            Map.entry("ValueToKey", Map.of("fields", "id")),
            Map.entry("Flatten$Value", Map.of()),
            Map.entry("TimestampConverter$Value", Map.of("field", "created", "target.type", "unix")),
            Map.entry("RegexRouter", Map.of("regex", "(.*)", "replacement", "$1-routed")),
            Map.entry("SetSchemaMetadata$Value", Map.of("schema.name", "bench.Renamed", "schema.version", "2")),
            Map.entry("InsertHeader", Map.of("header", "origin", "value.literal", "bench")));

    @Param({
        "InsertField$Value",
        "ReplaceField$Value",
        "MaskField$Value",
        "Cast$Value",
        "ExtractField$Value",
        "HoistField$Value",
        "ValueToKey",
        "Flatten$Value",
        "TimestampConverter$Value",
        "RegexRouter",
        "SetSchemaMetadata$Value",
        "InsertHeader"
    })
    public String transform;

    private Transformation<SourceRecord> tributary;
    private org.apache.kafka.connect.transforms.Transformation<org.apache.kafka.connect.source.SourceRecord> connect;
    private SourceRecord record;
    private org.apache.kafka.connect.source.SourceRecord connectRecord;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() throws ReflectiveOperationException {
        Map<String, String> settings = SETTINGS.get(transform);
        tributary = (Transformation<SourceRecord>) Class.forName("io.tributary.runtime.transforms." + transform)
                .getConstructor()
                .newInstance();
        tributary.configure(settings);
        connect = (org.apache.kafka.connect.transforms.Transformation<org.apache.kafka.connect.source.SourceRecord>)
                Class.forName("org.apache.kafka.connect.transforms." + transform)
                        .getConstructor()
                        .newInstance();
        connect.configure(settings);
        record = SourceRecord.builder()
                .sourcePartition(Map.of("shard", 0))
                .sourceOffset(Map.of("position", 7L))
                .topic("orders")
                .value(BenchData.ORDER, BenchData.VALUE)
                .build();
        connectRecord = new org.apache.kafka.connect.source.SourceRecord(
                Map.of("shard", 0),
                Map.of("position", 7L),
                "orders",
                null,
                null,
                null,
                BenchData.CONNECT_ORDER,
                BenchData.CONNECT_VALUE);
        SourceRecord ours = tributary();
        org.apache.kafka.connect.source.SourceRecord theirs = connect();
        String same = ours.topic() + " " + fields(ours.valueSchema()) + " " + fields(ours.keySchema());
        String connects =
                theirs.topic() + " " + connectFields(theirs.valueSchema()) + " " + connectFields(theirs.keySchema());
        if (!same.equals(connects)) {
            throw new IllegalStateException(transform + " differs: Tributary gave " + same + ", Connect " + connects);
        }
    }

    private static String fields(io.tributary.sdk.data.Schema schema) {
        if (schema == null) {
            return "-";
        }
        return schema.type() == io.tributary.sdk.data.Schema.Type.STRUCT
                ? schema.fields().stream().map(f -> f.name()).toList().toString()
                : schema.type().toString();
    }

    private static String connectFields(org.apache.kafka.connect.data.Schema schema) {
        if (schema == null) {
            return "-";
        }
        return schema.type() == org.apache.kafka.connect.data.Schema.Type.STRUCT
                ? schema.fields().stream().map(f -> f.name()).toList().toString()
                : schema.type().toString();
    }

    @TearDown
    public void tearDown() {
        tributary.close();
        connect.close();
    }

    @Benchmark
    public SourceRecord tributary() {
        return tributary.apply(record);
    }

    @Benchmark
    public org.apache.kafka.connect.source.SourceRecord connect() {
        return connect.apply(connectRecord);
    }
}
