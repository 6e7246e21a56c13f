package io.tributary.runtime.transforms;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.transforms.Predicate;
import java.util.Map;

/**
 * True for tombstones: records whose value is null, which mark a key as deleted in compacted topics.
 *
 * @param <R> the record type
 */
public final class RecordIsTombstone<R extends ConnectRecord<R>> implements Predicate<R> {
    private static final String NAME = "RecordIsTombstone";

    /** Makes the predicate; it has no settings. */
    public RecordIsTombstone() {}

    @Override
    public ConfigDef config() {
        return ConfigDef.empty();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        TransformConfigs.parse(NAME, config(), configs);
    }

    @Override
    public boolean test(R record) {
        return record.value() == null;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
