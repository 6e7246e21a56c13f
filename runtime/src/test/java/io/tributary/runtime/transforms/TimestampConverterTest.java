package io.tributary.runtime.transforms;

import static io.tributary.runtime.transforms.TestRecords.configured;
import static io.tributary.runtime.transforms.TestRecords.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.data.Date;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.data.Time;
import io.tributary.sdk.data.Timestamp;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.transforms.Transformation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimestampConverterTest {
    private static final Instant INSTANT = Instant.parse("2024-01-31T10:15:30.123Z");
    private static final Schema EVENT = SchemaBuilder.struct()
            .name("com.example.Event")
            .field("id", Schema.INT32_SCHEMA)
            .field("at", Timestamp.builder().optional().build())
            .build();

    private static Transformation<SourceRecord> converter(Map<String, String> config) {
        return configured(new TimestampConverter.Value<SourceRecord>(), config);
    }

    @Test
    void convertsAStructFieldAndItsSchema() {
        Transformation<SourceRecord> convert =
                converter(Map.of("field", "at", "target.type", "string", "format", "yyyy-MM-dd HH:mm:ss.SSS"));
        Struct event = Struct.builder(EVENT).put("id", 1).put("at", INSTANT).build();

        SourceRecord result = convert.apply(source(EVENT, event));

        assertThat(result.valueSchema().name()).isEqualTo("com.example.Event");
        assertThat(result.valueSchema().field("at").orElseThrow().schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        assertThat(((Struct) result.value()).getString("at")).isEqualTo("2024-01-31 10:15:30.123");
        assertThat(((Struct) result.value()).getInt32("id")).isEqualTo(1);
    }

    @Test
    void aFieldWithoutValueStaysNull() {
        Transformation<SourceRecord> convert = converter(Map.of("field", "at", "target.type", "unix"));

        Struct result = (Struct)
                convert.apply(source(EVENT, Struct.builder(EVENT).put("id", 1).build()))
                        .value();

        assertThat(result.get("at")).isNull();
    }

    @Test
    void convertsTheWholeValueBetweenEveryForm() {
        long millis = INSTANT.toEpochMilli();

        assertThat(converter(Map.of("target.type", "Timestamp")).apply(source(Schema.INT64_SCHEMA, millis)))
                .satisfies(r -> assertThat(r.valueSchema()).isEqualTo(Timestamp.SCHEMA))
                .satisfies(r -> assertThat(r.value()).isEqualTo(INSTANT));
        assertThat(converter(Map.of("target.type", "Date"))
                        .apply(source(Timestamp.SCHEMA, INSTANT))
                        .value())
                .isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(converter(Map.of("target.type", "Time"))
                        .apply(source(Timestamp.SCHEMA, INSTANT))
                        .value())
                .isEqualTo(LocalTime.of(10, 15, 30, 123_000_000));
        assertThat(converter(Map.of("target.type", "unix")).apply(source(Date.SCHEMA, LocalDate.of(1970, 1, 2))))
                .satisfies(r -> assertThat(r.valueSchema()).isEqualTo(Schema.INT64_SCHEMA))
                .satisfies(r -> assertThat(r.value()).isEqualTo(86_400_000L));
        assertThat(converter(Map.of("target.type", "unix"))
                        .apply(source(Time.SCHEMA, LocalTime.of(0, 0, 1)))
                        .value())
                .isEqualTo(1000L);
    }

    @Test
    void parsesStringsWithTheFormatInUtc() {
        Transformation<SourceRecord> convert = converter(Map.of("target.type", "Timestamp", "format", "yyyy-MM-dd"));

        assertThat(convert.apply(source(null, "2024-01-31")).value()).isEqualTo(Instant.parse("2024-01-31T00:00:00Z"));
    }

    @Test
    void unixPrecisionSetsTheUnitsReadAndWritten() {
        Transformation<SourceRecord> fromMicros =
                converter(Map.of("target.type", "Timestamp", "unix.precision", "microseconds"));
        Transformation<SourceRecord> toSeconds = converter(Map.of("target.type", "unix", "unix.precision", "seconds"));
        Transformation<SourceRecord> toNanos =
                converter(Map.of("target.type", "unix", "unix.precision", "nanoseconds"));

        assertThat(fromMicros.apply(source(null, 1_706_696_130_123_456L)).value())
                .isEqualTo(Instant.parse("2024-01-31T10:15:30.123Z"));
        assertThat(toSeconds.apply(source(null, INSTANT)).value()).isEqualTo(1_706_696_130L);
        assertThat(toNanos.apply(source(null, INSTANT)).value()).isEqualTo(1_706_696_130_123_000_000L);
    }

    @Test
    void convertsMapEntries() {
        Transformation<SourceRecord> convert = converter(Map.of("field", "at", "target.type", "Date"));

        Object result = convert.apply(source(null, Map.of("at", INSTANT.toEpochMilli(), "id", 1)))
                .value();

        assertThat(result).isEqualTo(Map.of("at", LocalDate.of(2024, 1, 31), "id", 1));
    }

    @Test
    void theKeyVariantConvertsTheKey() {
        Transformation<SourceRecord> convert =
                configured(new TimestampConverter.Key<SourceRecord>(), Map.of("target.type", "unix"));

        assertThat(convert.apply(TestRecords.sourceWithKey(Timestamp.SCHEMA, INSTANT))
                        .key())
                .isEqualTo(INSTANT.toEpochMilli());
    }

    @Test
    void aStringThatDoesNotMatchTheFormatFails() {
        Transformation<SourceRecord> convert = converter(Map.of("target.type", "unix", "format", "yyyy-MM-dd"));

        assertThatThrownBy(() -> convert.apply(source(null, "31/01/2024")))
                .isInstanceOf(DataException.class)
                .hasMessage("TimestampConverter$Value: cannot convert the value to unix: \"31/01/2024\" does not "
                        + "match the format 'yyyy-MM-dd'");
    }

    @Test
    void aFieldThatHoldsNoTimestampFails() {
        Transformation<SourceRecord> convert = converter(Map.of("field", "id", "target.type", "unix"));

        assertThatThrownBy(() -> convert.apply(
                        source(EVENT, Struct.builder(EVENT).put("id", 1).build())))
                .isInstanceOf(DataException.class)
                .hasMessage("TimestampConverter$Value: cannot convert field 'id': schema INT32 holds no timestamp; "
                        + "expected a STRING, an INT64 unix timestamp, or a Date, Time or Timestamp");
    }

    @Test
    void aStringTargetNeedsAFormatAndBadSettingsAreReportedTogether() {
        assertThatThrownBy(() -> converter(Map.of("target.type", "string", "unix.precision", "days")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "'format' must be set when 'target.type' is string",
                                        "Invalid value \"days\" for 'unix.precision': must be one of seconds,"
                                                + " milliseconds, microseconds, nanoseconds"));
        assertThatThrownBy(() -> converter(Map.of("target.type", "Timestamp", "format", "yyyy-qq")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value \"yyyy-qq\" for 'format': not a SimpleDateFormat pattern");
    }
}
