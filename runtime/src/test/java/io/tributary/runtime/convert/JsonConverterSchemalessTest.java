package io.tributary.runtime.convert;

import static io.tributary.runtime.convert.JsonConverterWireFormatTest.ordered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.sdk.errors.DataException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values without a schema, as {@code schemas.enable=false} reads and writes them. */
class JsonConverterSchemalessTest {
    private final JsonConverter converter =
            JsonConverterWireFormatTest.converter(Map.of(JsonConverter.SCHEMAS_ENABLE, false));

    @Test
    void readsJsonTypesAsTheirJavaCounterparts() {
        assertThat(read("true")).isEqualTo(true);
        assertThat(read("\"text\"")).isEqualTo("text");
        assertThat(read("42")).isEqualTo(42L);
        assertThat(read("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(read("1.5")).isEqualTo(1.5);
        assertThat(read("1e3")).isEqualTo(1000.0);
        assertThat(read("-0.0")).isEqualTo(-0.0);
        assertThat(read("[1,\"a\",null,[]]")).isEqualTo(Arrays.asList(1L, "a", null, List.of()));
        assertThat(read("{\"b\":{\"c\":1},\"a\":null}")).isEqualTo(ordered("b", Map.of("c", 1L), "a", null));
    }

    @Test
    void readsNoSchemaWithTheValue() {
        assertThat(converter.toData("orders", bytes("{\"a\":1}")).schema()).isNull();
    }

    @Test
    void keepsTheOrderOfObjectMembers() {
        Map<?, ?> map = (Map<?, ?>) read("{\"z\":1,\"a\":2,\"m\":3}");

        assertThat(List.copyOf(map.keySet())).isEqualTo(List.of("z", "a", "m"));
    }

    @Test
    void returnsUnmodifiableListsAndMaps() {
        Map<?, ?> map = (Map<?, ?>) read("{\"list\":[1]}");

        assertThat(map).isUnmodifiable();
        assertThat((List<?>) map.get("list")).isUnmodifiable();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"null", "''", "'  \n '"})
    void readsJsonNullAndAnEmptyMessageAsNull(String json) {
        assertThat(converter.toData("orders", bytes(json))).isEqualTo(SchemaAndValue.NULL);
    }

    @Test
    void refusesAnIntegerBeyondTheRangeOfALongRatherThanWrappingIt() {
        assertThatThrownBy(() -> read("{\"n\":[123456789012345678901234567890]}"))
                .isInstanceOf(DataException.class)
                .hasMessage("Cannot read the message on topic 'orders': value at 'n[0]' is JSON number "
                        + "123456789012345678901234567890, which is beyond the range of a Long; without a schema, "
                        + "JSON integers read as Long");
    }

    @Test
    void writesJavaValuesByTheirClass() {
        assertThat(write((byte) 1)).isEqualTo("1");
        assertThat(write((short) 2)).isEqualTo("2");
        assertThat(write(3)).isEqualTo("3");
        assertThat(write(4L)).isEqualTo("4");
        assertThat(write(1.5f)).isEqualTo("1.5");
        assertThat(write(2.5)).isEqualTo("2.5");
        assertThat(write(false)).isEqualTo("false");
        assertThat(write("x")).isEqualTo("\"x\"");
        assertThat(write(new byte[] {1, 2, 3})).isEqualTo("\"AQID\"");
        assertThat(write(ByteBuffer.wrap(new byte[] {0, 1, 2, 3}).position(1))).isEqualTo("\"AQID\"");
        assertThat(write(Arrays.asList(1, null, "a"))).isEqualTo("[1,null,\"a\"]");
        assertThat(write(ordered("a", 1, "b", Map.of()))).isEqualTo("{\"a\":1,\"b\":{}}");
        assertThat(write(Map.of())).isEqualTo("{}");
    }

    @Test
    void writesAMapWithAnyNonStringKeyAsPairs() {
        assertThat(write(ordered("a", 1, 2L, List.of(true)))).isEqualTo("[[\"a\",1],[2,[true]]]");
    }

    @Test
    void readsBackWhatItWritesWithIntegersWidenedToLong() {
        Object value = ordered("id", 7, "tags", List.of("a", "b"), "score", 0.25, "ok", true);

        assertThat(converter.toData("orders", converter.fromData("orders", null, value)))
                .isEqualTo(new SchemaAndValue(
                        null, ordered("id", 7L, "tags", List.of("a", "b"), "score", 0.25, "ok", true)));
    }

    private Object read(String json) {
        return converter.toData("orders", bytes(json)).value();
    }

    private String write(Object value) {
        return new String(converter.fromData("orders", null, value), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
