package io.tributary.runtime.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties over many random schemas and values: what is written reads back equal, and rewrites identically. */
class JsonConverterRoundTripTest {
    private static final int CASES_PER_SEED = 100;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 10);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void whatIsWrittenReadsBackEqualWithBothDecimalFormats(long seed) {
        RandomData data = new RandomData(seed);
        JsonConverter base64 = JsonConverterWireFormatTest.converter(Map.of());
        JsonConverter numeric = JsonConverterWireFormatTest.converter(Map.of(JsonConverter.DECIMAL_FORMAT, "NUMERIC"));
        for (int i = 0; i < CASES_PER_SEED; i++) {
            Schema schema = data.schema();
            Object value = data.value(schema);
            SchemaAndValue expected = new SchemaAndValue(schema, RandomData.withDefaultsApplied(schema, value));
            for (JsonConverter converter : new JsonConverter[] {base64, numeric}) {
                byte[] written = converter.fromData("orders", schema, value);

                SchemaAndValue read = converter.toData("orders", written);

                assertThat(read)
                        .as("%s read back from %s", expected, new String(written, StandardCharsets.UTF_8))
                        .isEqualTo(expected);
                assertThat(converter.fromData("orders", read.schema(), read.value()))
                        .as("rewriting %s", new String(written, StandardCharsets.UTF_8))
                        .isEqualTo(written);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void withoutSchemasThePayloadIsTheEnvelopesPayload(long seed) {
        RandomData data = new RandomData(seed);
        JsonConverter withSchemas = JsonConverterWireFormatTest.converter(Map.of());
        JsonConverter bare = JsonConverterWireFormatTest.converter(Map.of(JsonConverter.SCHEMAS_ENABLE, false));
        for (int i = 0; i < CASES_PER_SEED; i++) {
            Schema schema = data.schema();
            Object value = data.value(schema);

            String enveloped = new String(withSchemas.fromData("orders", schema, value), StandardCharsets.UTF_8);
            String payload = new String(bare.fromData("orders", schema, value), StandardCharsets.UTF_8);

            assertThat(enveloped).endsWith(",\"payload\":" + payload + "}");
            // A bare payload is still JSON that reads without a schema, whatever it held.
            bare.toData("orders", payload.getBytes(StandardCharsets.UTF_8));
        }
    }
}
