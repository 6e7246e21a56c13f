package io.tributary.sdk.transforms;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.connector.ConnectRecord;
import java.io.Closeable;
import java.util.Map;

/**
 * Changes records one at a time on their way through the runtime: after a source task's {@code poll}
 * and before the converter, or after the converter and before a sink task's {@code put}. A connector's
 * {@code transforms} setting lists the transformations to apply, in order, each configured under
 * {@code transforms.<alias>.}; a {@link Predicate} may restrict one to some records.
 *
 * <p>The runtime makes one instance per alias per task, with the public no-argument constructor,
 * calls {@link #configure} once, then {@link #apply} from the task's thread, and finally {@link
 * #close()}. Records are immutable: return a changed copy made with the record's {@code with...} or
 * {@code newRecord} methods.
 *
 * <p>Register the class in {@code META-INF/services/io.tributary.sdk.transforms.Transformation}.
 *
 * @param <R> the record type: {@link io.tributary.sdk.source.SourceRecord} or {@link
 *     io.tributary.sdk.sink.SinkRecord}
 */
@Stable
public interface Transformation<R extends ConnectRecord<R>> extends Closeable {

    /**
     * Describes the transformation's settings.
     *
     * @return the definition; never null
     */
    ConfigDef config();

    /**
     * Configures the transformation before first use.
     *
     * @param configs the settings, with the {@code transforms.<alias>.} prefix removed; never null
     */
    void configure(Map<String, ?> configs);

    /**
     * Transforms one record.
     *
     * @param record the record; never null
     * @return the changed record, the same record, or null to drop it
     * @throws io.tributary.sdk.errors.DataException if the record cannot be transformed; the
     *     connector's error settings decide whether the record is skipped or the task fails
     */
    R apply(R record);

    /** Releases resources. The default does nothing. */
    @Override
    default void close() {}
}
