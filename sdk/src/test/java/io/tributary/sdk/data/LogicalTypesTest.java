package io.tributary.sdk.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.errors.DataException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogicalTypesTest {

    @Test
    void schemaNamesAreTheOnesKafkaConnectUses() {
        assertThat(Decimal.LOGICAL_NAME).isEqualTo("org.apache.kafka.connect.data.Decimal");
        assertThat(Date.LOGICAL_NAME).isEqualTo("org.apache.kafka.connect.data.Date");
        assertThat(Time.LOGICAL_NAME).isEqualTo("org.apache.kafka.connect.data.Time");
        assertThat(Timestamp.LOGICAL_NAME).isEqualTo("org.apache.kafka.connect.data.Timestamp");
        assertThat(Decimal.SCALE_PARAMETER).isEqualTo("scale");
    }

    @Test
    void schemasHaveTheEncodingTypeNameAndVersionOne() {
        Schema decimal = Decimal.schema(2);

        assertThat(decimal.type()).isEqualTo(Schema.Type.BYTES);
        assertThat(decimal.name()).isEqualTo(Decimal.LOGICAL_NAME);
        assertThat(decimal.parameters()).containsExactly(java.util.Map.entry("scale", "2"));
        assertThat(decimal.version()).isEqualTo(1);
        assertThat(Date.SCHEMA.type()).isEqualTo(Schema.Type.INT32);
        assertThat(Date.SCHEMA.name()).isEqualTo(Date.LOGICAL_NAME);
        assertThat(Time.SCHEMA.type()).isEqualTo(Schema.Type.INT32);
        assertThat(Time.SCHEMA.name()).isEqualTo(Time.LOGICAL_NAME);
        assertThat(Timestamp.SCHEMA.type()).isEqualTo(Schema.Type.INT64);
        assertThat(Timestamp.SCHEMA.name()).isEqualTo(Timestamp.LOGICAL_NAME);
        assertThat(Timestamp.SCHEMA.version()).isEqualTo(1);
    }

    @Test
    void decimalEncodesTheUnscaledValueAsBigEndianTwosComplement() {
        Schema money = Decimal.schema(2);

        assertThat(Decimal.fromLogical(money, new BigDecimal("12.34"))).containsExactly(0x04, 0xD2);
        assertThat(Decimal.fromLogical(money, new BigDecimal("-12.34"))).containsExactly(0xFB, 0x2E);
        assertThat(Decimal.fromLogical(money, new BigDecimal("-0.01"))).containsExactly(0xFF);
        assertThat(Decimal.toLogical(money, new byte[] {0x04, (byte) 0xD2})).isEqualTo(new BigDecimal("12.34"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.00",
                "12.34",
                "-12.34",
                "-0.01",
                "0.01",
                "99999999999999999999999999999.99",
                "-99999999999999999999999999999.99"
            })
    void decimalRoundTripsKeepValueAndScale(String text) {
        Schema money = Decimal.schema(2);
        BigDecimal value = new BigDecimal(text);

        BigDecimal decoded = Decimal.toLogical(money, Decimal.fromLogical(money, value));

        assertThat(decoded).isEqualTo(value);
        assertThat(decoded.scale()).isEqualTo(2);
    }

    @Test
    void decimalRefusesAValueOfAnotherScale() {
        assertThatThrownBy(() -> Decimal.fromLogical(Decimal.schema(2), new BigDecimal("1.5")))
                .isInstanceOf(DataException.class)
                .hasMessage("Decimal schema has scale 2, got BigDecimal 1.5 of scale 1;"
                        + " use setScale(2, RoundingMode...) first");
    }

    @Test
    void decimalNeedsAnIntegerScaleParameter() {
        Schema noScale = SchemaBuilder.bytes().name(Decimal.LOGICAL_NAME).build();
        Schema badScale = SchemaBuilder.bytes()
                .name(Decimal.LOGICAL_NAME)
                .parameter("scale", "two")
                .build();

        assertThatThrownBy(() -> Decimal.scale(noScale))
                .isInstanceOf(DataException.class)
                .hasMessage("Decimal schema Schema{org.apache.kafka.connect.data.Decimal:BYTES} has no 'scale'"
                        + " parameter");
        assertThatThrownBy(() -> Decimal.scale(badScale))
                .isInstanceOf(DataException.class)
                .hasMessage("Decimal schema Schema{org.apache.kafka.connect.data.Decimal:BYTES} has a 'scale'"
                        + " parameter that is not an integer: two");
    }

    @Test
    void dateCountsDaysFromTheEpochInBothDirections() {
        assertThat(Date.fromLogical(LocalDate.of(1970, 1, 1))).isZero();
        assertThat(Date.fromLogical(LocalDate.of(1969, 12, 31))).isEqualTo(-1);
        assertThat(Date.fromLogical(LocalDate.of(1900, 1, 1))).isEqualTo(-25567);
        assertThat(Date.fromLogical(LocalDate.of(2024, 1, 31))).isEqualTo(19753);
        assertThat(Date.toLogical(-25567)).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(Date.toLogical(0)).isEqualTo(LocalDate.of(1970, 1, 1));
        assertThat(Date.toLogical(19753)).isEqualTo(LocalDate.of(2024, 1, 31));
    }

    @Test
    void timeCountsMillisecondsSinceMidnight() {
        assertThat(Time.fromLogical(LocalTime.MIDNIGHT)).isZero();
        assertThat(Time.fromLogical(LocalTime.parse("10:15:30.123"))).isEqualTo(36_930_123);
        assertThat(Time.fromLogical(LocalTime.parse("10:15:30.123999"))).isEqualTo(36_930_123);
        assertThat(Time.fromLogical(LocalTime.MAX)).isEqualTo(86_399_999);
        assertThat(Time.toLogical(36_930_123)).isEqualTo(LocalTime.parse("10:15:30.123"));
        assertThat(Time.toLogical(86_399_999)).isEqualTo(LocalTime.parse("23:59:59.999"));
    }

    @Test
    void timestampCountsMillisecondsSinceTheEpochInBothDirections() {
        assertThat(Timestamp.fromLogical(Instant.EPOCH)).isZero();
        assertThat(Timestamp.fromLogical(Instant.parse("2024-01-31T10:15:30.123Z")))
                .isEqualTo(1_706_696_130_123L);
        assertThat(Timestamp.fromLogical(Instant.parse("1969-12-31T23:59:59.999Z")))
                .isEqualTo(-1L);
        assertThat(Timestamp.toLogical(-1L)).isEqualTo(Instant.parse("1969-12-31T23:59:59.999Z"));
        assertThat(Timestamp.toLogical(1_706_696_130_123L)).isEqualTo(Instant.parse("2024-01-31T10:15:30.123Z"));
    }

    @Test
    void logicalSchemasTakeTheirJavaTypesAndRefuseTheEncodedForm() {
        assertThatCode(() -> Date.SCHEMA.validateValue(LocalDate.EPOCH)).doesNotThrowAnyException();
        assertThatCode(() -> Time.SCHEMA.validateValue(LocalTime.NOON)).doesNotThrowAnyException();
        assertThatCode(() -> Timestamp.SCHEMA.validateValue(Instant.EPOCH)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Timestamp.SCHEMA.validateValue(0L))
                .isInstanceOf(DataException.class)
                .hasMessage("Value is org.apache.kafka.connect.data.Timestamp, got Long 0");
        assertThatThrownBy(() -> Decimal.schema(0).validateValue(new byte[] {1}))
                .isInstanceOf(DataException.class)
                .hasMessage("Value is org.apache.kafka.connect.data.Decimal, got byte[] (1 bytes)");
    }

    @Test
    void aLogicalNameOnAnotherTypeIsNoLogicalType() {
        Schema notADate = SchemaBuilder.int64().name(Date.LOGICAL_NAME).build();

        assertThatCode(() -> notADate.validateValue(5L)).doesNotThrowAnyException();
    }

    @Test
    void structFieldsOfLogicalTypesCheckTheirValues() {
        Schema payment = SchemaBuilder.struct()
                .field("amount", Decimal.schema(2))
                .field("day", Date.SCHEMA)
                .field("at", Time.builder().optional().build())
                .field("booked", Timestamp.SCHEMA)
                .build();

        Struct valid = Struct.builder(payment)
                .put("amount", new BigDecimal("9.99"))
                .put("day", LocalDate.of(1955, 11, 5))
                .put("booked", Instant.parse("1955-11-05T06:00:00Z"))
                .build();

        assertThat(valid.getDecimal("amount")).isEqualTo(new BigDecimal("9.99"));
        assertThat(valid.getDate("day")).isEqualTo(LocalDate.of(1955, 11, 5));
        assertThat(valid.getTime("at")).isNull();
        assertThat(valid.getTimestamp("booked")).isEqualTo(Instant.parse("1955-11-05T06:00:00Z"));
        assertThatThrownBy(() -> Struct.builder(payment).put("day", 5))
                .isInstanceOf(DataException.class)
                .hasMessage("Field 'day' is org.apache.kafka.connect.data.Date, got Integer 5");
        assertThatThrownBy(() -> Struct.builder(payment).put("amount", new BigDecimal("1.5")))
                .isInstanceOf(DataException.class)
                .hasMessage("Field 'amount' is a Decimal of scale 2, got BigDecimal 1.5 of scale 1;"
                        + " use setScale(2, RoundingMode...) first");
        assertThatThrownBy(() -> Struct.builder(payment).put("booked", java.util.Date.from(Instant.EPOCH)))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("Field 'booked' is org.apache.kafka.connect.data.Timestamp, got Date ");
    }
}
