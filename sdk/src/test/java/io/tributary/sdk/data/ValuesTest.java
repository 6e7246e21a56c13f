package io.tributary.sdk.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.errors.DataException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValuesTest {

    private static final Instant INSTANT = Instant.parse("2024-01-31T10:15:30.123Z");
    private static final long INSTANT_MILLIS = 1_706_696_130_123L;
    private static final LocalDate DAY = LocalDate.of(2024, 1, 31);
    private static final int DAY_NUMBER = 19753;
    private static final LocalTime TIME = LocalTime.parse("10:15:30.123");
    private static final int TIME_MILLIS = 36_930_123;

    private static final Schema PERSON = SchemaBuilder.struct()
            .field("id", Schema.INT64_SCHEMA)
            .field("name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("level", SchemaBuilder.int32().defaultValue(1).build())
            .build();

    private static void assertConversionFails(Runnable conversion, String message) {
        assertThatThrownBy(conversion::run).isInstanceOf(DataException.class).hasMessage(message);
    }

    @Nested
    class Numbers {

        @Test
        void everyNumericTypeConvertsToAnInteger() {
            assertThat(Values.convertToInteger(null, (byte) 5)).isEqualTo(5);
            assertThat(Values.convertToInteger(null, (short) -5)).isEqualTo(-5);
            assertThat(Values.convertToInteger(null, 7L)).isEqualTo(7);
            assertThat(Values.convertToInteger(null, new BigDecimal("42.00"))).isEqualTo(42);
            assertThat(Values.convertToInteger(null, new java.math.BigInteger("42")))
                    .isEqualTo(42);
            assertThat(Values.convertToLong(null, 7)).isEqualTo(7L);
            assertThat(Values.convertToShort(null, 7.0)).isEqualTo((short) 7);
            assertThat(Values.convertToByte(null, 7.0f)).isEqualTo((byte) 7);
        }

        @Test
        void aFractionIsTruncatedTowardZero() {
            assertThat(Values.convertToInteger(null, 3.9f)).isEqualTo(3);
            assertThat(Values.convertToInteger(null, -3.9)).isEqualTo(-3);
            assertThat(Values.convertToLong(null, new BigDecimal("-0.5"))).isZero();
            assertThat(Values.convertToInteger(null, "12.7")).isEqualTo(12);
        }

        @Test
        void stringsAreParsedAsNumbers() {
            assertThat(Values.convertToInteger(null, " 42 ")).isEqualTo(42);
            assertThat(Values.convertToLong(null, "-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
            assertThat(Values.convertToInteger(null, "1e3")).isEqualTo(1000);
            assertThat(Values.convertToDouble(null, "1.5")).isEqualTo(1.5);
            assertThat(Values.convertToFloat(null, "0.1")).isEqualTo(0.1f);
        }

        @Test
        void booleansAreOneAndZero() {
            assertThat(Values.convertToInteger(null, true)).isEqualTo(1);
            assertThat(Values.convertToByte(null, false)).isEqualTo((byte) 0);
            assertThat(Values.convertToDouble(null, true)).isEqualTo(1.0);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
            -128 | true
             127 | true
            -129 | false
             128 | false
            """)
        void int8HoldsExactlyTheRangeOfAByte(long value, boolean fits) {
            if (fits) {
                assertThat(Values.convertToByte(null, value)).isEqualTo((byte) value);
            } else {
                assertConversionFails(
                        () -> Values.convertToByte(null, value),
                        "Cannot convert Long " + value + " to INT8: out of range");
            }
        }

        @Test
        void outOfRangeNamesTheValueAndTheTarget() {
            assertConversionFails(
                    () -> Values.convertToByte(null, 300L), "Cannot convert Long 300 to INT8: out of range");
            assertConversionFails(
                    () -> Values.convertToShort(null, 40_000), "Cannot convert Integer 40000 to INT16: out of range");
            assertConversionFails(
                    () -> Values.convertToInteger(null, Long.MAX_VALUE),
                    "Cannot convert Long 9223372036854775807 to INT32: out of range");
            assertConversionFails(
                    () -> Values.convertToLong(null, "9223372036854775808"),
                    "Cannot convert String \"9223372036854775808\" to INT64: out of range");
            assertConversionFails(
                    () -> Values.convertToLong(null, 1e19), "Cannot convert Double 1.0E19 to INT64: out of range");
            assertConversionFails(
                    () -> Values.convertToLong(null, new BigDecimal("1e30")),
                    "Cannot convert BigDecimal 1E+30 to INT64: out of range");
            assertConversionFails(
                    () -> Values.convertToFloat(null, 1e300), "Cannot convert Double 1.0E300 to FLOAT32: out of range");
            assertConversionFails(
                    () -> Values.convertToDouble(null, new BigDecimal("1e400")),
                    "Cannot convert BigDecimal 1E+400 to FLOAT64: out of range");
        }

        @Test
        void whatIsNoNumberSaysSo() {
            assertConversionFails(
                    () -> Values.convertToInteger(null, "abc"), "Cannot convert String \"abc\" to INT32: not a number");
            assertConversionFails(
                    () -> Values.convertToInteger(null, List.of(1)), "Cannot convert List [1] to INT32: not a number");
            assertConversionFails(
                    () -> Values.convertToInteger(null, Double.NaN),
                    "Cannot convert Double NaN to INT32: not a finite number");
            assertConversionFails(
                    () -> Values.convertToLong(null, Float.POSITIVE_INFINITY),
                    "Cannot convert Float Infinity to INT64: not a finite number");
        }

        @Test
        void floatingPointKeepsNaNAndInfinity() {
            assertThat(Values.convertToDouble(null, "NaN")).isNaN();
            assertThat(Values.convertToFloat(null, "-Infinity")).isEqualTo(Float.NEGATIVE_INFINITY);
            assertThat(Values.convertToFloat(null, Double.POSITIVE_INFINITY)).isEqualTo(Float.POSITIVE_INFINITY);
            assertThat(Values.convertToDouble(null, 0.1f)).isEqualTo(0.10000000149011612);
            assertThat(Values.convertToFloat(null, 0.1)).isEqualTo(0.1f);
        }

        @Test
        void temporalValuesConvertToTheirEncodings() {
            assertThat(Values.convertToInteger(null, DAY)).isEqualTo(DAY_NUMBER);
            assertThat(Values.convertToInteger(null, LocalDate.of(1969, 12, 31)))
                    .isEqualTo(-1);
            assertThat(Values.convertToInteger(null, TIME)).isEqualTo(TIME_MILLIS);
            assertThat(Values.convertToLong(null, INSTANT)).isEqualTo(INSTANT_MILLIS);
            assertConversionFails(
                    () -> Values.convertToInteger(null, INSTANT),
                    "Cannot convert Instant 2024-01-31T10:15:30.123Z to INT32: out of range");
        }

        @Test
        void aLogicalSchemaDecodesItsEncodedValueFirst() {
            assertThat(Values.convertToLong(Timestamp.SCHEMA, INSTANT_MILLIS)).isEqualTo(INSTANT_MILLIS);
            assertThat(Values.convertToInteger(Date.SCHEMA, DAY_NUMBER)).isEqualTo(DAY_NUMBER);
            assertThat(Values.convertToDouble(Decimal.schema(2), new byte[] {0x04, (byte) 0xD2}))
                    .isEqualTo(12.34);
        }

        @Test
        void nullConvertsToNull() {
            assertThat(Values.convertToByte(null, null)).isNull();
            assertThat(Values.convertToShort(Schema.INT16_SCHEMA, null)).isNull();
            assertThat(Values.convertToInteger(null, null)).isNull();
            assertThat(Values.convertToLong(null, null)).isNull();
            assertThat(Values.convertToFloat(null, null)).isNull();
            assertThat(Values.convertToDouble(null, null)).isNull();
            assertThat(Values.convertToBoolean(null, null)).isNull();
            assertThat(Values.convertToString(null, null)).isNull();
            assertThat(Values.convertToList(null, null)).isNull();
            assertThat(Values.convertToMap(null, null)).isNull();
            assertThat(Values.convertToStruct(null, null)).isNull();
            assertThat(Values.convertToDecimal(null, null, 2)).isNull();
            assertThat(Values.convertToDate(null, null)).isNull();
            assertThat(Values.convertToTime(null, null)).isNull();
            assertThat(Values.convertToTimestamp(null, null)).isNull();
        }
    }

    @Nested
    class Booleans {

        @Test
        void trueAndFalseInAnyCaseAndOneAndZeroAreBooleans() {
            assertThat(Values.convertToBoolean(null, true)).isTrue();
            assertThat(Values.convertToBoolean(null, "TRUE")).isTrue();
            assertThat(Values.convertToBoolean(null, " false ")).isFalse();
            assertThat(Values.convertToBoolean(null, 1)).isTrue();
            assertThat(Values.convertToBoolean(null, 0L)).isFalse();
            assertThat(Values.convertToBoolean(null, 0.0)).isFalse();
        }

        @Test
        void otherValuesAreNoBooleans() {
            assertConversionFails(
                    () -> Values.convertToBoolean(null, 2),
                    "Cannot convert Integer 2 to BOOLEAN: only 1 and 0 are booleans");
            assertConversionFails(
                    () -> Values.convertToBoolean(null, "yes"),
                    "Cannot convert String \"yes\" to BOOLEAN: not a boolean");
            assertConversionFails(
                    () -> Values.convertToBoolean(null, DAY),
                    "Cannot convert LocalDate 2024-01-31 to BOOLEAN: not a boolean");
        }
    }

    @Nested
    class Strings {

        @Test
        void primitivesAreWrittenAsJavaPrintsThem() {
            assertThat(Values.convertToString(null, "as is")).isEqualTo("as is");
            assertThat(Values.convertToString(null, 42)).isEqualTo("42");
            assertThat(Values.convertToString(null, -1.5)).isEqualTo("-1.5");
            assertThat(Values.convertToString(null, 0.25f)).isEqualTo("0.25");
            assertThat(Values.convertToString(null, true)).isEqualTo("true");
            assertThat(Values.convertToString(null, new BigDecimal("1E+3"))).isEqualTo("1000");
            assertThat(Values.convertToString(null, new BigDecimal("-0.50"))).isEqualTo("-0.50");
        }

        @Test
        void temporalValuesAreWrittenInIso8601WithMilliseconds() {
            assertThat(Values.convertToString(null, DAY)).isEqualTo("2024-01-31");
            assertThat(Values.convertToString(null, LocalTime.of(10, 15))).isEqualTo("10:15:00.000");
            assertThat(Values.convertToString(null, TIME)).isEqualTo("10:15:30.123");
            assertThat(Values.convertToString(null, INSTANT)).isEqualTo("2024-01-31T10:15:30.123Z");
            assertThat(Values.convertToString(null, Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000Z");
        }

        @Test
        void encodedLogicalValuesAreWrittenAsTheirLogicalValue() {
            assertThat(Values.convertToString(Date.SCHEMA, DAY_NUMBER)).isEqualTo("2024-01-31");
            assertThat(Values.convertToString(Time.SCHEMA, TIME_MILLIS)).isEqualTo("10:15:30.123");
            assertThat(Values.convertToString(Timestamp.SCHEMA, INSTANT_MILLIS)).isEqualTo("2024-01-31T10:15:30.123Z");
            assertThat(Values.convertToString(Decimal.schema(2), new byte[] {0x04, (byte) 0xD2}))
                    .isEqualTo("12.34");
            assertThat(Values.convertToString(Schema.INT32_SCHEMA, DAY_NUMBER)).isEqualTo("19753");
        }

        @Test
        void bytesAreWrittenInBase64() {
            assertThat(Values.convertToString(null, new byte[] {1, 2, 3})).isEqualTo("AQID");
            assertThat(Values.convertToString(null, ByteBuffer.wrap(new byte[] {1, 2, 3})))
                    .isEqualTo("AQID");
        }

        @Test
        void collectionsAreWrittenInACompactJsonLikeForm() {
            Map<Object, Object> map = new LinkedHashMap<>();
            map.put("a", 1);
            map.put("b", Arrays.asList("x", null));
            map.put(3, true);

            assertThat(Values.convertToString(null, List.of(1, 2))).isEqualTo("[1,2]");
            assertThat(Values.convertToString(null, List.of())).isEqualTo("[]");
            assertThat(Values.convertToString(null, map)).isEqualTo("{\"a\":1,\"b\":[\"x\",null],3:true}");
            assertThat(Values.convertToString(null, List.of(DAY, new byte[] {1})))
                    .isEqualTo("[2024-01-31,\"AQ==\"]");
        }

        @Test
        void temporalMapKeysAreQuotedBecauseABareKeyEndsAtItsFirstColon() {
            assertThat(Values.convertToString(null, Map.of(TIME, TIME))).isEqualTo("{\"10:15:30.123\":10:15:30.123}");
        }

        @Test
        void stringsInsideCollectionsAreEscaped() {
            assertThat(Values.convertToString(null, List.of("say \"hi\"\n", "back\\slash", "\u0001")))
                    .isEqualTo("[\"say \\\"hi\\\"\\n\",\"back\\\\slash\",\"\\u0001\"]");
        }

        @Test
        void aStructIsWrittenAsAMapOfItsFields() {
            Struct person =
                    Struct.builder(PERSON).put("id", 42L).put("name", "Ada").build();

            assertThat(Values.convertToString(null, person)).isEqualTo("{\"id\":42,\"name\":\"Ada\",\"level\":1}");
        }

        @Test
        void theTextFormReadsBackThroughParseString() {
            Map<String, Object> original = new LinkedHashMap<>();
            original.put("when", INSTANT);
            original.put("day", DAY);
            original.put("time", TIME);
            original.put("numbers", List.of((byte) 1, (byte) 2));
            original.put("text", "a, \"quoted\" {text}: [here]");
            original.put("nothing", null);

            SchemaAndValue parsed = Values.parseString(Values.convertToString(null, original));

            assertThat(parsed.value()).isEqualTo(original);
        }
    }

    @Nested
    class ListsMapsAndStructs {

        @Test
        void aListIsReturnedAsItIs() {
            List<Integer> list = new ArrayList<>(List.of(1, 2));

            assertThat(Values.convertToList(null, list)).isSameAs(list);
        }

        @Test
        void theTextOfAnArrayIsParsed() {
            assertThat(Values.convertToList(null, "[1, \"two\"]")).isEqualTo(List.of((byte) 1, "two"));
            assertConversionFails(
                    () -> Values.convertToList(null, "abc"), "Cannot convert String \"abc\" to ARRAY: not an array");
            assertConversionFails(
                    () -> Values.convertToList(null, 5), "Cannot convert Integer 5 to ARRAY: not an array");
        }

        @Test
        void aMapIsReturnedAsItIsAndAStructBecomesAMapOfItsFields() {
            Map<String, Integer> map = Map.of("a", 1);
            Struct person = Struct.builder(PERSON).put("id", 42L).build();
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("id", 42L);
            expected.put("name", null);
            expected.put("level", 1);

            assertThat(Values.convertToMap(null, map)).isSameAs(map);
            assertThat(Values.convertToMap(PERSON, person)).isEqualTo(expected);
            assertThat(Values.convertToMap(null, "{a: 1}")).isEqualTo(Map.of("a", (byte) 1));
            assertConversionFails(() -> Values.convertToMap(null, 5), "Cannot convert Integer 5 to MAP: not a map");
            assertConversionFails(
                    () -> Values.convertToMap(null, "[1]"), "Cannot convert String \"[1]\" to MAP: not a map");
        }

        @Test
        void onlyAStructIsAStruct() {
            Struct person = Struct.builder(PERSON).put("id", 42L).build();

            assertThat(Values.convertToStruct(PERSON, person)).isSameAs(person);
            assertConversionFails(
                    () -> Values.convertToStruct(null, Map.of("a", 1)),
                    "Cannot convert Map {a=1} to STRUCT: not a struct");
        }
    }

    @Nested
    class Decimals {

        @Test
        void numbersConvertExactlyToTheScale() {
            assertThat(Values.convertToDecimal(null, 12, 2)).isEqualTo(new BigDecimal("12.00"));
            assertThat(Values.convertToDecimal(null, -5L, 0)).isEqualTo(new BigDecimal("-5"));
            assertThat(Values.convertToDecimal(null, 0.1, 2)).isEqualTo(new BigDecimal("0.10"));
            assertThat(Values.convertToDecimal(null, 0.1f, 1)).isEqualTo(new BigDecimal("0.1"));
            assertThat(Values.convertToDecimal(null, "1.5", 3)).isEqualTo(new BigDecimal("1.500"));
            assertThat(Values.convertToDecimal(null, new BigDecimal("-7.10"), 1))
                    .isEqualTo(new BigDecimal("-7.1"));
            assertThat(Values.convertToDecimal(null, true, 0)).isEqualTo(BigDecimal.ONE);
        }

        @Test
        void bytesAreTheUnscaledValueOfTheirSchemaOrElseOfTheTargetScale() {
            byte[] unscaled1234 = {0x04, (byte) 0xD2};

            assertThat(Values.convertToDecimal(null, unscaled1234, 2)).isEqualTo(new BigDecimal("12.34"));
            assertThat(Values.convertToDecimal(Decimal.schema(1), unscaled1234, 2))
                    .isEqualTo(new BigDecimal("123.40"));
            assertConversionFails(
                    () -> Values.convertToDecimal(null, new byte[0], 2),
                    "Cannot convert byte[] (0 bytes) to Decimal of scale 2: no bytes, so no unscaled value");
        }

        @Test
        void aValueIsNeverRounded() {
            assertConversionFails(
                    () -> Values.convertToDecimal(null, 1.234, 2),
                    "Cannot convert Double 1.234 to Decimal of scale 2: it has more fractional digits,"
                            + " and would need rounding");
            assertConversionFails(
                    () -> Values.convertToDecimal(null, "abc", 2),
                    "Cannot convert String \"abc\" to Decimal of scale 2: not a number");
            assertConversionFails(
                    () -> Values.convertToDecimal(null, Double.NaN, 2),
                    "Cannot convert Double NaN to Decimal of scale 2: not a finite number");
        }
    }

    @Nested
    class Temporals {

        @Test
        void datesComeFromDatesTimestampsDayNumbersAndText() {
            assertThat(Values.convertToDate(null, DAY)).isEqualTo(DAY);
            assertThat(Values.convertToDate(null, Instant.parse("2024-01-31T23:59:59Z")))
                    .isEqualTo(DAY);
            assertThat(Values.convertToDate(null, DAY_NUMBER)).isEqualTo(DAY);
            assertThat(Values.convertToDate(Date.SCHEMA, -1)).isEqualTo(LocalDate.of(1969, 12, 31));
            assertThat(Values.convertToDate(null, "2024-01-31")).isEqualTo(DAY);
            assertThat(Values.convertToDate(null, "19753")).isEqualTo(DAY);
            assertThat(Values.convertToDate(null, "1900-01-01")).isEqualTo(LocalDate.of(1900, 1, 1));
            assertThat(Values.convertToDate(null, "2024-01-31T10:15:30.123Z")).isEqualTo(DAY);
        }

        @Test
        void otherValuesAreNoDates() {
            assertConversionFails(
                    () -> Values.convertToDate(null, TIME),
                    "Cannot convert LocalTime 10:15:30.123 to Date: not a date");
            assertConversionFails(
                    () -> Values.convertToDate(null, "31/01/2024"),
                    "Cannot convert String \"31/01/2024\" to Date: not a date");
            assertConversionFails(
                    () -> Values.convertToDate(null, Long.MAX_VALUE),
                    "Cannot convert Long 9223372036854775807 to Date: out of range");
        }

        @Test
        void timesComeFromTimesTimestampsMillisecondsAndText() {
            assertThat(Values.convertToTime(null, TIME)).isEqualTo(TIME);
            assertThat(Values.convertToTime(null, INSTANT)).isEqualTo(TIME);
            assertThat(Values.convertToTime(null, TIME_MILLIS)).isEqualTo(TIME);
            assertThat(Values.convertToTime(Time.SCHEMA, 1000)).isEqualTo(LocalTime.of(0, 0, 1));
            assertThat(Values.convertToTime(null, "10:15:30.123")).isEqualTo(TIME);
            assertThat(Values.convertToTime(null, "10:15")).isEqualTo(LocalTime.of(10, 15));
        }

        @Test
        void timesAreWithinOneDay() {
            assertThat(Values.convertToTime(null, 86_399_999)).isEqualTo(LocalTime.parse("23:59:59.999"));
            assertConversionFails(
                    () -> Values.convertToTime(null, 86_400_000),
                    "Cannot convert Integer 86400000 to Time: out of range");
            assertConversionFails(
                    () -> Values.convertToTime(null, -1), "Cannot convert Integer -1 to Time: out of range");
            assertConversionFails(
                    () -> Values.convertToTime(null, DAY),
                    "Cannot convert LocalDate 2024-01-31 to Time: not a time of day");
        }

        @Test
        void timestampsComeFromTimestampsDatesMillisecondsAndText() {
            assertThat(Values.convertToTimestamp(null, INSTANT)).isEqualTo(INSTANT);
            assertThat(Values.convertToTimestamp(null, DAY)).isEqualTo(Instant.parse("2024-01-31T00:00:00Z"));
            assertThat(Values.convertToTimestamp(null, INSTANT_MILLIS)).isEqualTo(INSTANT);
            assertThat(Values.convertToTimestamp(Timestamp.SCHEMA, -1L))
                    .isEqualTo(Instant.parse("1969-12-31T23:59:59.999Z"));
            assertThat(Values.convertToTimestamp(null, "2024-01-31T10:15:30.123Z"))
                    .isEqualTo(INSTANT);
            assertThat(Values.convertToTimestamp(null, "2024-01-31T11:15:30.123+01:00"))
                    .isEqualTo(INSTANT);
            assertThat(Values.convertToTimestamp(null, "1706696130123")).isEqualTo(INSTANT);
            assertThat(Values.convertToTimestamp(null, "2024-01-31")).isEqualTo(Instant.parse("2024-01-31T00:00:00Z"));
        }

        @Test
        void otherValuesAreNoTimestamps() {
            assertConversionFails(
                    () -> Values.convertToTimestamp(null, "yesterday"),
                    "Cannot convert String \"yesterday\" to Timestamp: not a timestamp");
            assertConversionFails(
                    () -> Values.convertToTimestamp(null, TIME),
                    "Cannot convert LocalTime 10:15:30.123 to Timestamp: not a timestamp");
        }
    }

    @Nested
    class ConvertTo {

        @Test
        void convertsToThePrimitiveTypeOfTheTarget() {
            assertThat(Values.convertTo(Schema.INT16_SCHEMA, null, "300")).isEqualTo((short) 300);
            assertThat(Values.convertTo(Schema.FLOAT64_SCHEMA, Schema.INT32_SCHEMA, 3))
                    .isEqualTo(3.0);
            assertThat(Values.convertTo(Schema.BOOLEAN_SCHEMA, null, "true")).isEqualTo(true);
            assertThat(Values.convertTo(Schema.STRING_SCHEMA, null, List.of(1))).isEqualTo("[1]");
            assertThat(Values.convertTo(Schema.BYTES_SCHEMA, null, "AQID")).isEqualTo(new byte[] {1, 2, 3});
        }

        @Test
        void convertsToTheLogicalTypeOfTheTarget() {
            assertThat(Values.convertTo(Decimal.schema(2), null, "9.99")).isEqualTo(new BigDecimal("9.99"));
            assertThat(Values.convertTo(Date.SCHEMA, Timestamp.SCHEMA, 86_400_000L))
                    .isEqualTo(LocalDate.of(1970, 1, 2));
            assertThat(Values.convertTo(Time.SCHEMA, null, "10:15:30.123")).isEqualTo(TIME);
            assertThat(Values.convertTo(Timestamp.SCHEMA, Schema.INT64_SCHEMA, INSTANT_MILLIS))
                    .isEqualTo(INSTANT);
        }

        @Test
        void nullIsAllowedOnlyWhereTheTargetAllowsIt() {
            assertThat(Values.convertTo(Schema.OPTIONAL_INT32_SCHEMA, null, null))
                    .isNull();
            assertThat(Values.convertTo(SchemaBuilder.int32().defaultValue(0).build(), null, null))
                    .isNull();
            assertConversionFails(
                    () -> Values.convertTo(Schema.INT32_SCHEMA, null, null),
                    "Cannot convert null to INT32: the schema requires a value");
            assertConversionFails(
                    () -> Values.convertTo(Decimal.schema(2), null, null),
                    "Cannot convert null to Decimal of scale 2: the schema requires a value");
        }

        @Test
        void arrayAndMapItemsAreConvertedToTheirSchemas() {
            Schema longs = SchemaBuilder.array(Schema.INT64_SCHEMA).build();
            Schema doubles = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.FLOAT64_SCHEMA)
                    .build();

            Object array = Values.convertTo(longs, null, "[1, 2, 300]");
            Object map = Values.convertTo(doubles, null, Map.of("a", 1));

            assertThat(array).isEqualTo(List.of(1L, 2L, 300L));
            assertThat(map).isEqualTo(Map.of("a", 1.0));
            assertThatCode(() -> longs.validateValue(array)).doesNotThrowAnyException();
            assertThatCode(() -> doubles.validateValue(map)).doesNotThrowAnyException();
            assertConversionFails(
                    () -> Values.convertTo(longs, null, Arrays.asList(1, null)),
                    "Cannot convert null to INT64: the schema requires a value");
        }

        @Test
        void aStructIsMadeFromTheFieldsOfAMap() {
            Map<String, Object> fields = Map.of("id", "42", "name", "Ada", "unknown", 1);

            Struct person = (Struct) Values.convertTo(PERSON, null, fields);

            assertThat(person.getInt64("id")).isEqualTo(42L);
            assertThat(person.getString("name")).isEqualTo("Ada");
            assertThat(person.getInt32("level")).isEqualTo(1);
        }

        @Test
        void aStructIsMadeFromAStructOfAnotherSchemaOrFromText() {
            Schema older = SchemaBuilder.struct()
                    .field("id", Schema.INT32_SCHEMA)
                    .field("age", Schema.INT8_SCHEMA)
                    .build();
            Struct old =
                    Struct.builder(older).put("id", 42).put("age", (byte) 36).build();

            Struct fromStruct = (Struct) Values.convertTo(PERSON, older, old);
            Struct fromText = (Struct) Values.convertTo(PERSON, null, "{\"id\": 42, \"level\": 2}");

            assertThat(fromStruct)
                    .isEqualTo(Struct.builder(PERSON).put("id", 42L).build());
            assertThat(fromText)
                    .isEqualTo(Struct.builder(PERSON)
                            .put("id", 42L)
                            .put("level", 2)
                            .build());
        }

        @Test
        void aStructConversionNamesTheFieldThatFailed() {
            assertConversionFails(
                    () -> Values.convertTo(PERSON, null, Map.of("id", "abc")),
                    "Field 'id': Cannot convert String \"abc\" to INT64: not a number");
            assertConversionFails(
                    () -> Values.convertTo(PERSON, null, Map.of("name", "Ada")),
                    "Field 'id' is INT64 and required, got null");
            assertConversionFails(
                    () -> Values.convertTo(PERSON, null, 5), "Cannot convert Integer 5 to STRUCT: not a struct or map");
        }

        @Test
        void bytesComeFromBase64Text() {
            assertConversionFails(
                    () -> Values.convertTo(Schema.BYTES_SCHEMA, null, "not base64!"),
                    "Cannot convert String \"not base64!\" to BYTES: not Base64");
        }
    }

    @Nested
    class ParseString {

        private void assertParsed(String text, Schema schema, Object value) {
            SchemaAndValue parsed = Values.parseString(text);
            assertThat(parsed.schema()).as("schema of %s", text).isEqualTo(schema);
            assertThat(parsed.value()).as("value of %s", text).isEqualTo(value);
            if (schema != null) {
                assertThatCode(() -> schema.validateValue(parsed.value())).doesNotThrowAnyException();
            }
        }

        @Test
        void nullAndTheEmptyString() {
            assertThat(Values.parseString(null)).isEqualTo(SchemaAndValue.NULL);
            assertParsed("", Schema.STRING_SCHEMA, "");
            assertParsed("   ", Schema.STRING_SCHEMA, "   ");
        }

        @Test
        void booleansInAnyCase() {
            assertParsed("true", Schema.BOOLEAN_SCHEMA, true);
            assertParsed("FALSE", Schema.BOOLEAN_SCHEMA, false);
        }

        @ParameterizedTest
        @CsvSource({
            "127, INT8",
            "-128, INT8",
            "128, INT16",
            "-129, INT16",
            "32768, INT32",
            "2147483648, INT64",
            "-9223372036854775808, INT64",
        })
        void integersTakeTheSmallestTypeThatHoldsThem(String text, Schema.Type type) {
            SchemaAndValue parsed = Values.parseString(text);

            assertThat(parsed.schema().type()).isEqualTo(type);
            assertThat(parsed.schema().name()).isNull();
            assertThat(((Number) parsed.value()).longValue()).isEqualTo(Long.parseLong(text));
            assertThat(parsed.value()).isInstanceOf(type.javaType());
        }

        @Test
        void integersBeyondALongAreDecimalsOfScaleZero() {
            assertParsed("9223372036854775808", Decimal.schema(0), new BigDecimal("9223372036854775808"));
        }

        @Test
        void decimalNumbersAreDoublesWhenADoubleHoldsThemExactly() {
            assertParsed("1.5", Schema.FLOAT64_SCHEMA, 1.5);
            assertParsed("0.1", Schema.FLOAT64_SCHEMA, 0.1);
            assertParsed("-2.50", Schema.FLOAT64_SCHEMA, -2.5);
            assertParsed("1e3", Schema.FLOAT64_SCHEMA, 1000.0);
            assertParsed("3.14159265358979323846", Decimal.schema(20), new BigDecimal("3.14159265358979323846"));
        }

        @Test
        void isoTemporalsAreLogicalValues() {
            assertParsed("2024-01-31", Date.SCHEMA, DAY);
            assertParsed("10:15:30.123", Time.SCHEMA, TIME);
            assertParsed("2024-01-31T10:15:30.123Z", Timestamp.SCHEMA, INSTANT);
            assertParsed("2024-01-31T11:15:30.123+01:00", Timestamp.SCHEMA, INSTANT);
        }

        @Test
        void anythingElseIsTheTextUnchanged() {
            assertParsed("hello world", Schema.STRING_SCHEMA, "hello world");
            assertParsed(" padded ", Schema.STRING_SCHEMA, " padded ");
            assertParsed("null", Schema.STRING_SCHEMA, "null");
            assertParsed("NaN", Schema.STRING_SCHEMA, "NaN");
            assertParsed("2024-13-45", Schema.STRING_SCHEMA, "2024-13-45");
            assertParsed("1e99999999999", Schema.STRING_SCHEMA, "1e99999999999");
            assertParsed("\"quoted\"", Schema.STRING_SCHEMA, "\"quoted\"");
        }

        @Test
        void surroundingWhitespaceIsIgnoredWhenTheTextIsAValue() {
            assertParsed("  42  ", Schema.INT8_SCHEMA, (byte) 42);
            assertParsed(" [1] ", SchemaBuilder.array(Schema.INT8_SCHEMA).build(), List.of((byte) 1));
        }

        @Test
        void arraysOfOneTypeHaveThatElementSchema() {
            assertParsed(
                    "[1, 2, 3]", SchemaBuilder.array(Schema.INT8_SCHEMA).build(), List.of((byte) 1, (byte) 2, (byte)
                            3));
            assertParsed(
                    "[\"a, b\", c]", SchemaBuilder.array(Schema.STRING_SCHEMA).build(), List.of("a, b", "c"));
            assertParsed("[[1], []]", null, List.of(List.of((byte) 1), List.of()));
            assertParsed(
                    "[[1], [2]]",
                    SchemaBuilder.array(SchemaBuilder.array(Schema.INT8_SCHEMA).build())
                            .build(),
                    List.of(List.of((byte) 1), List.of((byte) 2)));
            assertParsed(
                    "[2024-01-31, 2024-02-01]",
                    SchemaBuilder.array(Date.SCHEMA).build(),
                    List.of(DAY, DAY.plusDays(1)));
        }

        @Test
        void mixedNumbersWidenToOneType() {
            assertParsed("[1, 300]", SchemaBuilder.array(Schema.INT16_SCHEMA).build(), List.of((short) 1, (short) 300));
            assertParsed("[1, 2.5]", SchemaBuilder.array(Schema.FLOAT64_SCHEMA).build(), List.of(1.0, 2.5));
            assertParsed("[9007199254740993, 2.5]", null, List.of(9_007_199_254_740_993L, 2.5));
        }

        @Test
        void aNullElementMakesTheElementSchemaOptional() {
            assertParsed(
                    "[1, null]",
                    SchemaBuilder.array(Schema.OPTIONAL_INT8_SCHEMA).build(),
                    Arrays.asList((byte) 1, null));
        }

        @Test
        void arraysOfMixedOrNoElementsHaveNoSchema() {
            assertParsed("[1, \"a\"]", null, List.of((byte) 1, "a"));
            assertParsed("[]", null, List.of());
            assertParsed("[null]", null, Arrays.asList((Object) null));
        }

        @Test
        void mapsInferKeyAndValueSchemas() {
            Map<String, Object> withNull = new LinkedHashMap<>();
            withNull.put("a", "x");
            withNull.put("b", null);

            assertParsed(
                    "{a: 1, b: 2}",
                    SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT8_SCHEMA).build(),
                    Map.of("a", (byte) 1, "b", (byte) 2));
            assertParsed(
                    "{\"a\": \"x\", \"b\": null}",
                    SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA)
                            .build(),
                    withNull);
            assertParsed(
                    "{\"start\": 10:15:30.123}",
                    SchemaBuilder.map(Schema.STRING_SCHEMA, Time.SCHEMA).build(),
                    Map.of("start", TIME));
            assertParsed("{1: \"a\", \"b\": 2}", null, Map.of((byte) 1, "a", "b", (byte) 2));
            assertParsed("{}", null, Map.of());
        }

        @Test
        void quotedStringsTakeJsonEscapes() {
            assertParsed(
                    "[\"tab\\there\", \"\\u00e9\", \"\\\"q\\\"\"]",
                    SchemaBuilder.array(Schema.STRING_SCHEMA).build(),
                    List.of("tab\there", "é", "\"q\""));
        }

        @Test
        void textThatIsNotWellFormedThroughoutStaysText() {
            for (String text : List.of(
                    "[1, 2",
                    "[1,,2]",
                    "[1] tail",
                    "{a 1}",
                    "{a: }",
                    "[\"open]",
                    "[\"\\x\"]",
                    "[\"\\u12\"]",
                    "[a[b]]",
                    "{a: 1,}")) {
                assertParsed(text, Schema.STRING_SCHEMA, text);
            }
        }

        @Test
        void parsedCollectionsAreUnmodifiable() {
            List<?> list = (List<?>) Values.parseString("[1, 2]").value();
            Map<?, ?> map = (Map<?, ?>) Values.parseString("{a: 1}").value();

            assertThatThrownBy(list::clear).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class InferSchema {

        @Test
        void primitivesMapToTheirTypes() {
            assertThat(Values.inferSchema(null)).isNull();
            assertThat(Values.inferSchema((byte) 1)).isEqualTo(Schema.INT8_SCHEMA);
            assertThat(Values.inferSchema((short) 1)).isEqualTo(Schema.INT16_SCHEMA);
            assertThat(Values.inferSchema(1)).isEqualTo(Schema.INT32_SCHEMA);
            assertThat(Values.inferSchema(1L)).isEqualTo(Schema.INT64_SCHEMA);
            assertThat(Values.inferSchema(1f)).isEqualTo(Schema.FLOAT32_SCHEMA);
            assertThat(Values.inferSchema(1d)).isEqualTo(Schema.FLOAT64_SCHEMA);
            assertThat(Values.inferSchema(true)).isEqualTo(Schema.BOOLEAN_SCHEMA);
            assertThat(Values.inferSchema("s")).isEqualTo(Schema.STRING_SCHEMA);
            assertThat(Values.inferSchema(new byte[0])).isEqualTo(Schema.BYTES_SCHEMA);
            assertThat(Values.inferSchema(ByteBuffer.allocate(1))).isEqualTo(Schema.BYTES_SCHEMA);
        }

        @Test
        void logicalValuesMapToTheirLogicalTypes() {
            assertThat(Values.inferSchema(new BigDecimal("1.50"))).isEqualTo(Decimal.schema(2));
            assertThat(Values.inferSchema(DAY)).isEqualTo(Date.SCHEMA);
            assertThat(Values.inferSchema(TIME)).isEqualTo(Time.SCHEMA);
            assertThat(Values.inferSchema(INSTANT)).isEqualTo(Timestamp.SCHEMA);
        }

        @Test
        void aStructHasItsOwnSchema() {
            assertThat(Values.inferSchema(Struct.builder(PERSON).put("id", 1L).build()))
                    .isSameAs(PERSON);
        }

        @Test
        void listsAndMapsWhoseItemsShareASchemaHaveOne() {
            Struct person = Struct.builder(PERSON).put("id", 1L).build();

            assertThat(Values.inferSchema(List.of(1, 2)))
                    .isEqualTo(SchemaBuilder.array(Schema.INT32_SCHEMA).build());
            assertThat(Values.inferSchema(Arrays.asList("a", null)))
                    .isEqualTo(
                            SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).build());
            assertThat(Values.inferSchema(Map.of("a", List.of(1L))))
                    .isEqualTo(SchemaBuilder.map(
                                    Schema.STRING_SCHEMA,
                                    SchemaBuilder.array(Schema.INT64_SCHEMA).build())
                            .build());
            assertThat(Values.inferSchema(List.of(person, person)))
                    .isEqualTo(SchemaBuilder.array(PERSON).build());
        }

        @Test
        void listsAndMapsWithoutASharedSchemaHaveNone() {
            Struct person = Struct.builder(PERSON).put("id", 1L).build();

            assertThat(Values.inferSchema(List.of(1, "a"))).isNull();
            assertThat(Values.inferSchema(List.of(1, 2L))).isNull();
            assertThat(Values.inferSchema(List.of())).isNull();
            assertThat(Values.inferSchema(Map.of())).isNull();
            assertThat(Values.inferSchema(Map.of("a", 1, "b", "x"))).isNull();
            assertThat(Values.inferSchema(List.of(new Object()))).isNull();
            assertThat(Values.inferSchema(Arrays.asList(person, null))).isNull();
        }

        @Test
        void classesWithoutASchemaHaveNone() {
            assertThat(Values.inferSchema(new Object())).isNull();
            assertThat(Values.inferSchema(new java.util.Date())).isNull();
        }

        @Test
        void anInferredSchemaFitsItsValue() {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("a", Arrays.asList(DAY, null));
            value.put("b", Arrays.asList(null, DAY.plusDays(1)));

            Schema schema = Values.inferSchema(value);

            assertThat(schema)
                    .isEqualTo(SchemaBuilder.map(
                                    Schema.STRING_SCHEMA,
                                    SchemaBuilder.array(
                                                    Date.builder().optional().build())
                                            .build())
                            .build());
            assertThatCode(() -> schema.validateValue(value)).doesNotThrowAnyException();
        }
    }
}
