package io.tributary.runtime.transforms;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.transforms.Transformation;
import java.text.SimpleDateFormat;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renames the topic after the record's topic and timestamp, such as {@code orders-20240131} for daily
 * tables or indices in a sink: {@code ${topic}} and {@code ${timestamp}} in {@code topic.format} are
 * replaced with the topic and with the timestamp written by the {@link SimpleDateFormat} pattern {@code
 * timestamp.format}, in UTC. A record without a timestamp fails. One instance serves one task's thread.
 *
 * @param <R> the record type
 */
public final class TimestampRouter<R extends ConnectRecord<R>> implements Transformation<R> {
    static final String TOPIC_FORMAT = "topic.format";
    static final String TIMESTAMP_FORMAT = "timestamp.format";
    private static final String NAME = "TimestampRouter";

    private static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(TOPIC_FORMAT, ConfigDef.Type.STRING)
                    .defaultValue("${topic}-${timestamp}")
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The new topic name, in which ${topic} and ${timestamp} stand for the record's "
                            + "topic and timestamp."))
            .define(ConfigKey.builder(TIMESTAMP_FORMAT, ConfigDef.Type.STRING)
                    .defaultValue("yyyyMMdd")
                    .validator(TimestampRouter::checkPattern)
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The java.text.SimpleDateFormat pattern of ${timestamp}, written in UTC."))
            .build();

    private String topicFormat;
    private SimpleDateFormat timestampFormat;

    /** Makes the transformation; {@link #configure} sets it up. */
    public TimestampRouter() {}

    private static void checkPattern(String setting, Object value) {
        try {
            new SimpleDateFormat(value.toString(), Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(setting, value, "not a SimpleDateFormat pattern (" + e.getMessage() + ")");
        }
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        ParsedConfig config = TransformConfigs.parse(NAME, CONFIG, configs);
        topicFormat = config.getString(TOPIC_FORMAT);
        timestampFormat = new SimpleDateFormat(config.getString(TIMESTAMP_FORMAT), Locale.ROOT);
        timestampFormat.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
    }

    @Override
    public R apply(R record) {
        Long timestamp = record.timestamp();
        if (timestamp == null) {
            throw new DataException(NAME + ": the record for topic '" + record.topic() + "' has no timestamp to "
                    + "route by; give records a timestamp, or apply this transformation only to records that have one");
        }
        String formatted = timestampFormat.format(new Date(timestamp));
        return record.withTopic(topicFormat.replace("${topic}", record.topic()).replace("${timestamp}", formatted));
    }

    @Override
    public String toString() {
        return NAME;
    }
}
