package io.tributary.runtime.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.errors.DataException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Envelopes read as a stream: the schema found by its text, the payload as before, and anything unusual read
 * whole, so it gets the same answer and the same message as ever.
 */
class JsonConverterEnvelopeTest {
    private static final String SCHEMA =
            "{\"type\":\"struct\",\"fields\":[{\"field\":\"id\",\"type\":\"int64\",\"optional\":false}],"
                    + "\"optional\":false,\"name\":\"order\"}";

    private static SchemaAndValue read(JsonConverter converter, String json) {
        return converter.toData("orders", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void messagesWithTheSameSchemaTextShareOneSchema() {
        JsonConverter converter = JsonConverterWireFormatTest.converter(Map.of());

        SchemaAndValue first = read(converter, "{\"schema\":" + SCHEMA + ",\"payload\":{\"id\":1}}");
        SchemaAndValue second = read(converter, "{\"payload\":{\"id\":2},\"schema\":" + SCHEMA + "}");
        SchemaAndValue spaced =
                read(converter, "{ \"schema\" : " + SCHEMA.replace(",", ", ") + ", \"payload\": {\"id\":3} }");

        assertThat(second.schema()).isSameAs(first.schema());
        assertThat(spaced.schema()).isEqualTo(first.schema());
        assertThat(((Struct) second.value()).getInt64("id")).isEqualTo(2L);
        assertThat(((Struct) spaced.value()).getInt64("id")).isEqualTo(3L);
        assertThat(first.schema().name()).isEqualTo("order");
    }

    @Test
    void aNullSchemaAndANullPayloadReadAsBefore() {
        JsonConverter converter = JsonConverterWireFormatTest.converter(Map.of());

        assertThat(read(converter, "{\"schema\":null,\"payload\":{\"a\":1}}").value())
                .isEqualTo(Map.of("a", 1L));
        assertThat(read(converter, "{\"schema\":null,\"payload\":null}")).isEqualTo(SchemaAndValue.NULL);
        assertThat(read(converter, "{\"schema\":{\"type\":\"string\",\"optional\":true},\"payload\":null}")
                        .schema())
                .isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
    }

    @Test
    void unusualEnvelopesGetTheWholeReadsAnswer() {
        JsonConverter converter = JsonConverterWireFormatTest.converter(Map.of());

        // A repeated member: the whole read keeps the last, as a JSON tree does.
        assertThat(read(converter, "{\"schema\":{\"type\":\"int32\"},\"schema\":" + SCHEMA + ",\"payload\":{\"id\":4}}")
                        .schema()
                        .name())
                .isEqualTo("order");
        assertThatThrownBy(() -> read(converter, "{\"schema\":" + SCHEMA + ",\"payload\":{\"id\":5},\"extra\":1}"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("exactly the members \"schema\" and \"payload\"");
        assertThatThrownBy(() -> read(converter, "{\"schema\":{\"type\":\"nope\"},\"payload\":1}"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> read(converter, "{\"schema\":" + SCHEMA + ",\"payload\":{\"id\":6}} trailing"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("not valid JSON");
    }
}
