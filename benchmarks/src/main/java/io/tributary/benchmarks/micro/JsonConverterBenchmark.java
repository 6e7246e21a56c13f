package io.tributary.benchmarks.micro;

import io.tributary.runtime.convert.JsonConverter;
import io.tributary.sdk.converter.ConverterType;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JSON converter, to bytes and from bytes, with schemas (the envelope of schema and payload) and without:
 * Tributary's beside Kafka Connect's {@code JsonConverter}, on the same order. Both read the bytes Connect's
 * wrote, which are what a topic written by Connect holds; setting up checks that Tributary reads them to the
 * same value.
 */
@State(Scope.Benchmark)
public class JsonConverterBenchmark {
    private static final String TOPIC = "orders";

    @Param({"true", "false"})
    public boolean schemas;

    private JsonConverter tributary;
    private org.apache.kafka.connect.json.JsonConverter connect;
    private Schema schema;
    private Object value;
    private org.apache.kafka.connect.data.Schema connectSchema;
    private Object connectValue;
    private byte[] bytes;

    @Setup
    public void setUp() {
        Map<String, String> settings = Map.of(JsonConverter.SCHEMAS_ENABLE, Boolean.toString(schemas));
        tributary = new JsonConverter();
        tributary.configure(settings, ConverterType.VALUE);
        connect = new org.apache.kafka.connect.json.JsonConverter();
        connect.configure(settings, false);
        if (schemas) {
            schema = BenchData.ORDER;
            value = BenchData.VALUE;
            connectSchema = BenchData.CONNECT_ORDER;
            connectValue = BenchData.CONNECT_VALUE;
        } else {
            value = BenchData.schemaless();
            connectValue = BenchData.schemaless();
        }
        bytes = connect.fromConnectData(TOPIC, connectSchema, connectValue);
        SchemaAndValue read = tributary.toData(TOPIC, bytes);
        if (schemas ? !BenchData.VALUE.equals(read.value()) : !(read.value() instanceof Map<?, ?>)) {
            throw new IllegalStateException("Tributary read Connect's JSON as " + read.value());
        }
    }

    @Benchmark
    public byte[] tributaryToBytes() {
        return tributary.fromData(TOPIC, schema, value);
    }

    @Benchmark
    public byte[] connectToBytes() {
        return connect.fromConnectData(TOPIC, connectSchema, connectValue);
    }

    @Benchmark
    public SchemaAndValue tributaryFromBytes() {
        return tributary.toData(TOPIC, bytes);
    }

    @Benchmark
    public org.apache.kafka.connect.data.SchemaAndValue connectFromBytes() {
        return connect.toConnectData(TOPIC, bytes);
    }
}
