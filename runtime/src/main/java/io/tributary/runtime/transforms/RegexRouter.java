package io.tributary.runtime.transforms;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.transforms.Transformation;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renames the topic of records whose whole topic name matches {@code regex}, to {@code replacement}, in
 * which {@code $1}, {@code $2}, ... stand for the regex's groups: {@code regex=(.*)-raw} and {@code
 * replacement=$1-clean} send {@code orders-raw} to {@code orders-clean}. Other records keep their topic.
 *
 * @param <R> the record type
 */
public final class RegexRouter<R extends ConnectRecord<R>> implements Transformation<R> {
    static final String REGEX = "regex";
    static final String REPLACEMENT = "replacement";
    private static final String NAME = "RegexRouter";

    private static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(REGEX, ConfigDef.Type.STRING)
                    .validator(TransformConfigs.regex())
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("Java regular expression that the whole topic name must match."))
            .define(ConfigKey.builder(REPLACEMENT, ConfigDef.Type.STRING)
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The new topic name; $1, $2, ... refer to the regex's groups."))
            .build();

    private Pattern regex;
    private String replacement;

    /** Makes the transformation; {@link #configure} sets it up. */
    public RegexRouter() {}

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        ParsedConfig config = TransformConfigs.parse(NAME, CONFIG, configs);
        regex = Pattern.compile(config.getString(REGEX));
        replacement = config.getString(REPLACEMENT);
    }

    @Override
    public R apply(R record) {
        Matcher matcher = regex.matcher(record.topic());
        return matcher.matches() ? record.withTopic(matcher.replaceFirst(replacement)) : record;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
