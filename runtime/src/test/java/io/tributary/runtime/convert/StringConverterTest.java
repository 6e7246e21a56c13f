package io.tributary.runtime.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.converter.ConverterType;
import io.tributary.sdk.data.Date;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.sdk.errors.ConfigException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StringConverterTest {
    private final StringConverter converter = new StringConverter();

    @Test
    void writesAStringInUtf8ByDefault() {
        assertThat(converter.fromData("orders", Schema.STRING_SCHEMA, "caf\u00e9"))
                .isEqualTo("caf\u00e9".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAnOptionalString() {
        assertThat(converter.toData("orders", "caf\u00e9".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, "caf\u00e9"));
    }

    @Test
    void usesTheConfiguredEncoding() {
        converter.configure(Map.of(StringConverter.ENCODING, "UTF-16BE"), ConverterType.VALUE);

        byte[] written = converter.fromData("orders", null, "h\u00e9");

        assertThat(written).containsExactly(0, 'h', 0, 0xe9);
        assertThat(converter.toData("orders", written).value()).isEqualTo("h\u00e9");
    }

    @Test
    void declaresTheEncodingWithConnectsDefault() {
        assertThat(converter
                        .config()
                        .key(StringConverter.ENCODING)
                        .orElseThrow()
                        .defaultValue())
                .isEqualTo("UTF-8");
    }

    @Test
    void refusesAnUnknownEncoding() {
        assertThatThrownBy(() -> converter.configure(Map.of(StringConverter.ENCODING, "EBCDIC-9"), ConverterType.KEY))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value \"EBCDIC-9\" for 'converter.encoding': not a character set this "
                        + "JVM supports, such as UTF-8 or ISO-8859-1");
    }

    @Test
    void writesOtherValuesInTheirTextForm() {
        assertThat(text(Schema.INT32_SCHEMA, 42)).isEqualTo("42");
        assertThat(text(Date.SCHEMA, LocalDate.of(2024, 1, 31))).isEqualTo("2024-01-31");
        assertThat(text(null, List.of("a", 1))).isEqualTo("[\"a\",1]");
    }

    @Test
    void nullIsANullMessageBothWays() {
        assertThat(converter.fromData("orders", Schema.OPTIONAL_STRING_SCHEMA, null))
                .isNull();
        assertThat(converter.toData("orders", null)).isSameAs(SchemaAndValue.NULL);
    }

    @Test
    void isAlsoAHeaderConverter() {
        converter.configure(Map.of(StringConverter.ENCODING, "ISO-8859-1"));

        byte[] written = converter.fromData("orders", "source", Schema.STRING_SCHEMA, "\u00e9");

        assertThat(written).containsExactly(0xe9);
        assertThat(converter.toData("orders", "source", written).value()).isEqualTo("\u00e9");
    }

    private String text(Schema schema, Object value) {
        return new String(converter.fromData("orders", schema, value), StandardCharsets.UTF_8);
    }
}
