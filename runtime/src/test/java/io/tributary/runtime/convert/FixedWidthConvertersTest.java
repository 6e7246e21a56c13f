package io.tributary.runtime.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.converter.Converter;
import io.tributary.sdk.converter.HeaderConverter;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.sdk.errors.DataException;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The number and boolean converters. The expected bytes are those of Kafka's {@code IntegerSerializer}, {@code
 * LongSerializer}, {@code ShortSerializer}, {@code FloatSerializer}, {@code DoubleSerializer} and {@code
 * BooleanSerializer} for the same values: big-endian, IEEE 754 bits for floats, one byte for a boolean.
 */
class FixedWidthConvertersTest {

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of(new IntegerConverter(), Schema.OPTIONAL_INT32_SCHEMA, 258, "00000102"),
                Arguments.of(new IntegerConverter(), Schema.OPTIONAL_INT32_SCHEMA, -2, "fffffffe"),
                Arguments.of(new LongConverter(), Schema.OPTIONAL_INT64_SCHEMA, 258L, "0000000000000102"),
                Arguments.of(new LongConverter(), Schema.OPTIONAL_INT64_SCHEMA, Long.MIN_VALUE, "8000000000000000"),
                Arguments.of(new ShortConverter(), Schema.OPTIONAL_INT16_SCHEMA, (short) -2, "fffe"),
                Arguments.of(new FloatConverter(), Schema.OPTIONAL_FLOAT32_SCHEMA, 1.5f, "3fc00000"),
                Arguments.of(new FloatConverter(), Schema.OPTIONAL_FLOAT32_SCHEMA, Float.NaN, "7fc00000"),
                Arguments.of(new DoubleConverter(), Schema.OPTIONAL_FLOAT64_SCHEMA, 0.1, "3fb999999999999a"),
                Arguments.of(new DoubleConverter(), Schema.OPTIONAL_FLOAT64_SCHEMA, -0.0, "8000000000000000"),
                Arguments.of(new BooleanConverter(), Schema.OPTIONAL_BOOLEAN_SCHEMA, true, "01"),
                Arguments.of(new BooleanConverter(), Schema.OPTIONAL_BOOLEAN_SCHEMA, false, "00"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("layouts")
    void writesKafkasSerializerBytes(Converter converter, Schema schema, Object value, String hex) {
        assertThat(HexFormat.of().formatHex(converter.fromData("orders", schema, value)))
                .isEqualTo(hex);
        assertThat(HexFormat.of().formatHex(converter.fromData("orders", null, value)))
                .isEqualTo(hex);
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("layouts")
    void readsThemBackWithTheOptionalSchema(Converter converter, Schema schema, Object value, String hex) {
        assertThat(converter.toData("orders", HexFormat.of().parseHex(hex)))
                .isEqualTo(new SchemaAndValue(schema, value));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("layouts")
    void workTheSameAsHeaderConverters(Converter converter, Schema schema, Object value, String hex) {
        HeaderConverter headers = (HeaderConverter) converter;

        assertThat(HexFormat.of().formatHex(headers.fromData("orders", "h", schema, value)))
                .isEqualTo(hex);
        assertThat(headers.toData("orders", "h", HexFormat.of().parseHex(hex)).value())
                .isEqualTo(value);
    }

    @Test
    void nullIsANullMessageBothWays() {
        IntegerConverter converter = new IntegerConverter();

        assertThat(converter.fromData("orders", Schema.OPTIONAL_INT32_SCHEMA, null))
                .isNull();
        assertThat(converter.toData("orders", null)).isSameAs(SchemaAndValue.NULL);
    }

    @Test
    void refusesAValueOfAnotherClass() {
        assertThatThrownBy(() -> new IntegerConverter().fromData("orders", null, 5L))
                .isInstanceOf(DataException.class)
                .hasMessage("IntegerConverter writes Integer values only, got Long 5 for topic 'orders'");
    }

    @Test
    void refusesASchemaOfAnotherType() {
        assertThatThrownBy(() -> new LongConverter().fromData("orders", Schema.INT32_SCHEMA, 5L))
                .isInstanceOf(DataException.class)
                .hasMessage("LongConverter writes INT64 values only, but the schema for topic 'orders' is "
                        + "Schema{INT32}; use a converter for that type");
    }

    @Test
    void refusesBytesOfTheWrongLength() {
        assertThatThrownBy(() -> new DoubleConverter().toData("orders", new byte[4]))
                .isInstanceOf(DataException.class)
                .hasMessage("DoubleConverter reads FLOAT64 values of exactly 8 bytes, but a message on topic 'orders' "
                        + "has 4; check what writes to the topic, or use a converter for its format");
    }

    @Test
    void refusesABooleanByteOtherThanZeroOrOne() {
        assertThatThrownBy(() -> new BooleanConverter().toData("orders", new byte[] {2}))
                .isInstanceOf(DataException.class)
                .hasMessage("Cannot read the message on topic 'orders': BooleanConverter reads the byte 1 as true and "
                        + "0 as false, got 2; check what writes to the topic");
    }
}
