package io.tributary.runtime.transforms;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.config.Validator;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.transforms.Predicate;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * True for records whose whole topic name matches the Java regular expression {@code pattern}.
 *
 * @param <R> the record type
 */
public final class TopicNameMatches<R extends ConnectRecord<R>> implements Predicate<R> {
    static final String PATTERN = "pattern";
    private static final String NAME = "TopicNameMatches";

    private static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(PATTERN, ConfigDef.Type.STRING)
                    .validator(Validator.and(Validator.nonEmptyString(), TransformConfigs.regex()))
                    .importance(ConfigDef.Importance.MEDIUM)
                    .documentation("A Java regular expression that the whole topic name must match."))
            .build();

    private Pattern pattern;

    /** Makes the predicate; {@link #configure} sets it up. */
    public TopicNameMatches() {}

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        ParsedConfig config = TransformConfigs.parse(NAME, CONFIG, configs);
        pattern = Pattern.compile(config.getString(PATTERN));
    }

    @Override
    public boolean test(R record) {
        return pattern.matcher(record.topic()).matches();
    }

    @Override
    public String toString() {
        return NAME + "{pattern=" + pattern + "}";
    }
}
