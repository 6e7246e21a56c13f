package io.tributary.sdk.data;

import io.tributary.sdk.annotation.Stable;
import java.time.LocalTime;

/**
 * The Time logical type: a time of day with millisecond precision and no date or zone, held in Java
 * as a {@link LocalTime} and encoded as an INT32 count of milliseconds since midnight. The schema
 * name is the one Kafka Connect uses.
 */
@Stable
public final class Time {
    /** The schema name that marks this logical type. */
    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Time";

    /** A required Time schema. */
    public static final Schema SCHEMA = builder().build();

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private Time() {}

    /** @return a builder for a Time schema, to make it optional or add docs */
    public static SchemaBuilder builder() {
        return SchemaBuilder.int32().name(LOGICAL_NAME).version(1);
    }

    /**
     * @param value a time of day; sub-millisecond precision is dropped
     * @return milliseconds since midnight
     */
    public static int fromLogical(LocalTime value) {
        return (int) (value.toNanoOfDay() / NANOS_PER_MILLI);
    }

    /**
     * @param millis milliseconds since midnight, from 0 to 86,399,999
     * @return the time of day
     */
    public static LocalTime toLogical(int millis) {
        return LocalTime.ofNanoOfDay(millis * NANOS_PER_MILLI);
    }
}
