package io.tributary.testkit.driver;

import io.tributary.sdk.annotation.Evolving;
import io.tributary.sdk.sink.SinkRecord;
import java.util.Objects;

/**
 * A record a sink task gave to its {@link io.tributary.sdk.sink.ErrantRecordReporter}, as a {@link
 * SinkTaskDriver} captured it.
 *
 * @param record the record as the task reported it; never null
 * @param error why the task could not write it; never null
 */
@Evolving
public record ReportedRecord(SinkRecord record, Throwable error) {
    /**
     * Checks that both the record and the error are given, as the reporter's contract requires.
     *
     * @param record the record as the task reported it
     * @param error why the task could not write it
     */
    public ReportedRecord {
        Objects.requireNonNull(record, "The task reported a null record; report the record it could not write");
        Objects.requireNonNull(error, "The task reported a record with a null error; say why it failed");
    }
}
