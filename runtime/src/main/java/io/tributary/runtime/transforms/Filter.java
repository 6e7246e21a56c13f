package io.tributary.runtime.transforms;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.transforms.Transformation;
import java.util.Map;

/**
 * Drops every record it is applied to. Useful with a predicate: {@code transforms.drop.predicate} chooses
 * the records to drop, or with {@code negate=true} the records to keep.
 *
 * @param <R> the record type
 */
public final class Filter<R extends ConnectRecord<R>> implements Transformation<R> {
    private static final String NAME = "Filter";

    /** Makes the transformation; it has no settings. */
    public Filter() {}

    @Override
    public ConfigDef config() {
        return ConfigDef.empty();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        TransformConfigs.parse(NAME, config(), configs);
    }

    @Override
    public R apply(R record) {
        return null;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
