package io.tributary.sdk.data;

import io.tributary.sdk.annotation.Stable;
import java.time.Instant;

/**
 * The Timestamp logical type: an instant with millisecond precision, held in Java as an {@link
 * Instant} and encoded as an INT64 count of milliseconds since 1970-01-01T00:00:00Z. The schema name
 * is the one Kafka Connect uses.
 */
@Stable
public final class Timestamp {
    /** The schema name that marks this logical type. */
    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Timestamp";

    /** A required Timestamp schema. */
    public static final Schema SCHEMA = builder().build();

    private Timestamp() {}

    /** @return a builder for a Timestamp schema, to make it optional or add docs */
    public static SchemaBuilder builder() {
        return SchemaBuilder.int64().name(LOGICAL_NAME).version(1);
    }

    /**
     * @param value an instant; sub-millisecond precision is dropped
     * @return milliseconds since the epoch
     */
    public static long fromLogical(Instant value) {
        return value.toEpochMilli();
    }

    /**
     * @param millis milliseconds since the epoch
     * @return the instant
     */
    public static Instant toLogical(long millis) {
        return Instant.ofEpochMilli(millis);
    }
}
