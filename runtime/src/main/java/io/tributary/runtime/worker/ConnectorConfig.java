package io.tributary.runtime.worker;

import io.tributary.runtime.errors.ErrorPolicy;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigDef.Importance;
import io.tributary.sdk.config.ConfigDef.Type;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.config.Validator;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The settings every connector has, beside its own, with Kafka Connect's names: what to run, how many
 * tasks, converters, transformations and error handling. A connector's configuration is validated
 * against {@link #DEFINITION} merged with the connector's own {@code config()}.
 */
public final class ConnectorConfig {
    public static final String NAME = "name";
    public static final String CONNECTOR_CLASS = "connector.class";
    public static final String TASKS_MAX = "tasks.max";
    public static final String KEY_CONVERTER = "key.converter";
    public static final String VALUE_CONVERTER = "value.converter";
    public static final String HEADER_CONVERTER = "header.converter";
    public static final String TRANSFORMS = "transforms";
    public static final String PREDICATES = "predicates";
    public static final String ERRORS_RETRY_TIMEOUT = "errors.retry.timeout";
    public static final String ERRORS_RETRY_DELAY_MAX = "errors.retry.delay.max.ms";
    public static final String ERRORS_TOLERANCE = "errors.tolerance";
    public static final String ERRORS_LOG_ENABLE = "errors.log.enable";
    public static final String ERRORS_LOG_INCLUDE_MESSAGES = "errors.log.include.messages";
    public static final String DLQ_TOPIC = "errors.deadletterqueue.topic.name";
    public static final String DLQ_REPLICATION_FACTOR = "errors.deadletterqueue.topic.replication.factor";
    public static final String DLQ_CONTEXT_HEADERS = "errors.deadletterqueue.context.headers.enable";
    public static final String TASK_RESTART_MAX_ATTEMPTS = "task.restart.max.attempts";
    public static final String TASK_RESTART_BACKOFF_INITIAL_MS = "task.restart.backoff.initial.ms";
    public static final String TASK_RESTART_BACKOFF_MAX_MS = "task.restart.backoff.max.ms";
    public static final String TOPICS = "topics";
    public static final String TOPICS_REGEX = "topics.regex";

    private static final String COMMON = "Common";
    private static final String ERRORS = "Error Handling";

    /** The common settings, without any connector's own. */
    public static final ConfigDef DEFINITION = ConfigDef.builder()
            .define(ConfigKey.builder(NAME, Type.STRING)
                    .validator(Validator.nonEmptyString())
                    .importance(Importance.HIGH)
                    .documentation("Globally unique name of the connector.")
                    .group(COMMON, 1))
            .define(ConfigKey.builder(CONNECTOR_CLASS, Type.STRING)
                    .validator(Validator.nonEmptyString())
                    .importance(Importance.HIGH)
                    .documentation("Class (or alias) of the connector to run.")
                    .group(COMMON, 2))
            .define(ConfigKey.builder(TASKS_MAX, Type.INT)
                    .defaultValue(1)
                    .validator(Validator.atLeast(1))
                    .importance(Importance.HIGH)
                    .documentation("Most tasks the connector may run.")
                    .group(COMMON, 3))
            .define(ConfigKey.builder(KEY_CONVERTER, Type.STRING)
                    .defaultValue(null)
                    .documentation("Converter of record keys; the worker's key.converter when unset.")
                    .group(COMMON, 4))
            .define(ConfigKey.builder(VALUE_CONVERTER, Type.STRING)
                    .defaultValue(null)
                    .documentation("Converter of record values; the worker's value.converter when unset.")
                    .group(COMMON, 5))
            .define(ConfigKey.builder(HEADER_CONVERTER, Type.STRING)
                    .defaultValue(null)
                    .documentation("Converter of header values; the worker's header.converter when unset.")
                    .group(COMMON, 6))
            .define(ConfigKey.builder(TRANSFORMS, Type.LIST)
                    .defaultValue("")
                    .documentation("Aliases of the transformations to apply, in order.")
                    .group(COMMON, 7))
            .define(ConfigKey.builder(PREDICATES, Type.LIST)
                    .defaultValue("")
                    .documentation("Aliases of the predicates transformations may refer to.")
                    .group(COMMON, 8))
            .define(ConfigKey.builder(ERRORS_RETRY_TIMEOUT, Type.LONG)
                    .defaultValue(0L)
                    .validator(Validator.atLeast(-1))
                    .documentation(
                            "How long to retry a failed operation, in ms; 0 never retries, -1 retries" + " forever.")
                    .group(ERRORS, 1))
            .define(ConfigKey.builder(ERRORS_RETRY_DELAY_MAX, Type.LONG)
                    .defaultValue(60_000L)
                    .validator(Validator.atLeast(1))
                    .documentation("Longest wait between retries, in ms.")
                    .group(ERRORS, 2))
            .define(ConfigKey.builder(ERRORS_TOLERANCE, Type.STRING)
                    .defaultValue("none")
                    .validator(Validator.oneOfIgnoreCase("none", "all"))
                    .documentation("'none' fails the task on the first bad record; 'all' skips bad records.")
                    .group(ERRORS, 3))
            .define(ConfigKey.builder(ERRORS_LOG_ENABLE, Type.BOOLEAN)
                    .defaultValue(false)
                    .documentation("Whether to log every failed operation and bad record.")
                    .group(ERRORS, 4))
            .define(ConfigKey.builder(ERRORS_LOG_INCLUDE_MESSAGES, Type.BOOLEAN)
                    .defaultValue(false)
                    .documentation("Whether the error log shows the record itself (keys, values, headers).")
                    .group(ERRORS, 5))
            .define(ConfigKey.builder(DLQ_TOPIC, Type.STRING)
                    .defaultValue("")
                    .documentation("Topic that receives the records a sink could not process; empty for none.")
                    .group(ERRORS, 6))
            .define(ConfigKey.builder(DLQ_REPLICATION_FACTOR, Type.SHORT)
                    .defaultValue((short) 3)
                    .validator(Validator.atLeast(-1))
                    .documentation("Replication factor of the dead letter queue topic when the worker creates it;"
                            + " -1 for the broker's default.")
                    .group(ERRORS, 7))
            .define(ConfigKey.builder(DLQ_CONTEXT_HEADERS, Type.BOOLEAN)
                    .defaultValue(false)
                    .documentation("Whether dead letter queue records carry headers that say what failed and why.")
                    .group(ERRORS, 8))
            .define(ConfigKey.builder(TASK_RESTART_MAX_ATTEMPTS, Type.INT)
                    .defaultValue(0)
                    .validator(Validator.atLeast(-1))
                    .documentation("How many times in a row a failed task restarts by itself before it stays FAILED;"
                            + " 0 never restarts it (Kafka Connect's behaviour), -1 never gives up.")
                    .group(ERRORS, 9))
            .define(ConfigKey.builder(TASK_RESTART_BACKOFF_INITIAL_MS, Type.LONG)
                    .defaultValue(1_000L)
                    .validator(Validator.atLeast(0))
                    .documentation("Wait before a failed task's first restart, in ms; it doubles with each restart.")
                    .group(ERRORS, 10))
            .define(ConfigKey.builder(TASK_RESTART_BACKOFF_MAX_MS, Type.LONG)
                    .defaultValue(60_000L)
                    .validator(Validator.atLeast(0))
                    .documentation("Longest wait before a restart, in ms. A task that ran this long before it"
                            + " failed counts its restarts from zero again.")
                    .group(ERRORS, 11))
            .build();

    private ConnectorConfig() {}

    /**
     * Returns the settings under a prefix, such as a converter's or a client's.
     *
     * @param config a connector configuration
     * @param prefix the prefix, such as {@code key.converter.} or {@code producer.override.}
     * @return the settings whose name starts with the prefix, the prefix removed
     */
    static Map<String, Object> withPrefix(Map<String, String> config, String prefix) {
        Map<String, Object> found = new java.util.HashMap<>();
        config.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                found.put(key.substring(prefix.length()), value);
            }
        });
        return found;
    }

    /**
     * @param config a connector configuration
     * @return the parsed common settings; settings not defined here stay in {@code originals()}
     */
    public static ParsedConfig parse(Map<String, String> config) {
        return DEFINITION.parse(config);
    }

    /**
     * @param config a parsed connector configuration (see {@link #parse(Map)})
     * @return its error settings
     */
    public static ErrorPolicy errorPolicy(ParsedConfig config) {
        long retryMs = config.getLong(ERRORS_RETRY_TIMEOUT);
        return new ErrorPolicy(
                retryMs < 0 ? null : Duration.ofMillis(retryMs),
                Duration.ofMillis(config.getLong(ERRORS_RETRY_DELAY_MAX)),
                config.getString(ERRORS_TOLERANCE).toLowerCase(Locale.ROOT).equals("all"),
                config.getBoolean(ERRORS_LOG_ENABLE),
                config.getBoolean(ERRORS_LOG_INCLUDE_MESSAGES),
                config.getString(DLQ_TOPIC),
                config.getShort(DLQ_REPLICATION_FACTOR),
                config.getBoolean(DLQ_CONTEXT_HEADERS));
    }
}
