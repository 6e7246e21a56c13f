package io.tributary.sdk.transforms;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.connector.ConnectRecord;
import java.io.Closeable;
import java.util.Map;

/**
 * Decides whether a {@link Transformation} applies to a record. A connector's {@code predicates}
 * setting names predicates, each configured under {@code predicates.<alias>.}; a transformation
 * refers to one with {@code transforms.<alias>.predicate} and may invert it with {@code
 * transforms.<alias>.negate=true}.
 *
 * <p>Lifecycle and threads as for {@link Transformation}. Register the class in {@code
 * META-INF/services/io.tributary.sdk.transforms.Predicate}.
 *
 * @param <R> the record type
 */
@Stable
public interface Predicate<R extends ConnectRecord<R>> extends Closeable {

    /**
     * Describes the predicate's settings.
     *
     * @return the definition; never null
     */
    ConfigDef config();

    /**
     * Configures the predicate before first use.
     *
     * @param configs the settings, with the {@code predicates.<alias>.} prefix removed; never null
     */
    void configure(Map<String, ?> configs);

    /**
     * @param record the record; never null
     * @return whether the transformation applies to it
     */
    boolean test(R record);

    /** Releases resources. The default does nothing. */
    @Override
    default void close() {}
}
