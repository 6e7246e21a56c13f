package io.tributary.runtime.transforms;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.config.Validator;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.header.Headers;
import io.tributary.sdk.transforms.Transformation;
import java.util.Map;
import java.util.Set;

/**
 * Removes every header whose name is in {@code headers}, each occurrence of it.
 *
 * @param <R> the record type
 */
public final class DropHeaders<R extends ConnectRecord<R>> implements Transformation<R> {
    static final String HEADERS = "headers";
    private static final String NAME = "DropHeaders";

    private static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(HEADERS, ConfigDef.Type.LIST)
                    .validator(Validator.nonEmptyList())
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The names of the headers to remove."))
            .build();

    private Set<String> headers = Set.of();

    /** Makes the transformation; {@link #configure} sets it up. */
    public DropHeaders() {}

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        ParsedConfig config = TransformConfigs.parse(NAME, CONFIG, configs);
        headers = Set.copyOf(config.getList(HEADERS));
    }

    @Override
    public R apply(R record) {
        Headers kept = record.headers().filter(header -> !headers.contains(header.key()));
        return kept.size() == record.headers().size() ? record : record.withHeaders(kept);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
