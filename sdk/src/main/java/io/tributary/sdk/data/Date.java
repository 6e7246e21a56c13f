package io.tributary.sdk.data;

import io.tributary.sdk.annotation.Stable;
import java.time.LocalDate;

/**
 * The Date logical type: a calendar date without time zone, held in Java as a {@link LocalDate} and
 * encoded as an INT32 count of days since 1970-01-01. The schema name is the one Kafka Connect uses.
 */
@Stable
public final class Date {
    /** The schema name that marks this logical type. */
    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Date";

    /** A required Date schema. */
    public static final Schema SCHEMA = builder().build();

    private Date() {}

    /** @return a builder for a Date schema, to make it optional or add docs */
    public static SchemaBuilder builder() {
        return SchemaBuilder.int32().name(LOGICAL_NAME).version(1);
    }

    /**
     * @param value a date
     * @return days since 1970-01-01
     */
    public static int fromLogical(LocalDate value) {
        return Math.toIntExact(value.toEpochDay());
    }

    /**
     * @param days days since 1970-01-01
     * @return the date
     */
    public static LocalDate toLogical(int days) {
        return LocalDate.ofEpochDay(days);
    }
}
