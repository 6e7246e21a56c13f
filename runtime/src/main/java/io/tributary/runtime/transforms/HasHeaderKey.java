package io.tributary.runtime.transforms;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.config.Validator;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.transforms.Predicate;
import java.util.Map;

/**
 * True for records with at least one header named {@code name}, whatever its value.
 *
 * @param <R> the record type
 */
public final class HasHeaderKey<R extends ConnectRecord<R>> implements Predicate<R> {
    static final String HEADER_NAME = "name";
    private static final String NAME = "HasHeaderKey";

    private static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(HEADER_NAME, ConfigDef.Type.STRING)
                    .validator(Validator.nonEmptyString())
                    .importance(ConfigDef.Importance.MEDIUM)
                    .documentation("The header name to look for."))
            .build();

    private String headerName;

    /** Makes the predicate; {@link #configure} sets it up. */
    public HasHeaderKey() {}

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        ParsedConfig config = TransformConfigs.parse(NAME, CONFIG, configs);
        headerName = config.getString(HEADER_NAME);
    }

    @Override
    public boolean test(R record) {
        return record.headers().lastWithKey(headerName).isPresent();
    }

    @Override
    public String toString() {
        return NAME + "{name=" + headerName + "}";
    }
}
