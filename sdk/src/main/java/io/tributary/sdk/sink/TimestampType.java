package io.tributary.sdk.sink;

import io.tributary.sdk.annotation.Stable;

/** What a Kafka record's timestamp means. */
@Stable
public enum TimestampType {
    /** The record has no timestamp. */
    NO_TIMESTAMP_TYPE,
    /** The producer set the timestamp when it created the record. */
    CREATE_TIME,
    /** The broker set the timestamp when it appended the record to the log. */
    LOG_APPEND_TIME
}
