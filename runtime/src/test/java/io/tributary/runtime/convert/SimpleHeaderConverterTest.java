package io.tributary.runtime.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.data.Date;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Values;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimpleHeaderConverterTest {
    private final SimpleHeaderConverter converter = new SimpleHeaderConverter();

    @Test
    void writesTheTextFormOfValues() {
        assertThat(write(Schema.STRING_SCHEMA, "plain text")).isEqualTo("plain text");
        assertThat(write(Schema.INT64_SCHEMA, 42L)).isEqualTo("42");
        assertThat(write(Schema.BOOLEAN_SCHEMA, true)).isEqualTo("true");
        assertThat(write(Date.SCHEMA, LocalDate.of(2024, 1, 31))).isEqualTo("2024-01-31");
        assertThat(write(SchemaBuilder.array(Schema.STRING_SCHEMA).build(), List.of("a", "b")))
                .isEqualTo("[\"a\",\"b\"]");
        assertThat(write(null, Map.of("k", 1))).isEqualTo("{\"k\":1}");
    }

    @Test
    void readsWithTheSchemaTheTextImplies() {
        assertThat(read("42")).isEqualTo(new SchemaAndValue(Schema.INT8_SCHEMA, (byte) 42));
        assertThat(read("true")).isEqualTo(new SchemaAndValue(Schema.BOOLEAN_SCHEMA, true));
        assertThat(read("2024-01-31")).isEqualTo(new SchemaAndValue(Date.SCHEMA, LocalDate.of(2024, 1, 31)));
        assertThat(read("plain text")).isEqualTo(new SchemaAndValue(Schema.STRING_SCHEMA, "plain text"));
        assertThat(read("")).isEqualTo(new SchemaAndValue(Schema.STRING_SCHEMA, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "[1,2,3]", "{\"a\":[true,false]}", "2024-01-31T10:15:30.123Z", "x y", "[1,"})
    void readsAsValuesParseStringDoes(String text) {
        assertThat(read(text)).isEqualTo(Values.parseString(text));
    }

    @Test
    void roundTripsWhatItWrites() {
        Schema schema =
                SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT8_SCHEMA).build();
        Map<String, Byte> value = Map.of("a", (byte) 1);

        byte[] written = converter.fromData("orders", "attrs", schema, value);

        assertThat(converter.toData("orders", "attrs", written)).isEqualTo(new SchemaAndValue(schema, value));
    }

    @Test
    void nullIsANullValueBothWays() {
        assertThat(converter.fromData("orders", "h", Schema.OPTIONAL_STRING_SCHEMA, null))
                .isNull();
        assertThat(converter.toData("orders", "h", null)).isSameAs(SchemaAndValue.NULL);
    }

    private String write(Schema schema, Object value) {
        return new String(converter.fromData("orders", "h", schema, value), StandardCharsets.UTF_8);
    }

    private SchemaAndValue read(String text) {
        return converter.toData("orders", "h", text.getBytes(StandardCharsets.UTF_8));
    }
}
