package io.tributary.connectors.jdbc;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.config.Validator;
import java.util.Locale;
import java.util.Map;

/** The JDBC source's settings, named as those of the widely used JDBC connector for Kafka Connect. */
final class JdbcSourceConfig {
    static final String MODE = "mode";
    static final String INCREMENTING_COLUMN = "incrementing.column.name";
    static final String TIMESTAMP_COLUMN = "timestamp.column.name";
    static final String TABLE_INCLUDE_LIST = "table.include.list";
    static final String TABLE_WHITELIST = "table.whitelist";
    static final String TABLE_EXCLUDE_LIST = "table.exclude.list";
    static final String TABLE_BLACKLIST = "table.blacklist";
    static final String TOPIC_PREFIX = "topic.prefix";
    static final String QUERY = "query";
    static final String POLL_INTERVAL_MS = "poll.interval.ms";
    static final String BATCH_MAX_ROWS = "batch.max.rows";
    static final String TABLE_POLL_INTERVAL_MS = "table.poll.interval.ms";
    static final String TASK_TABLES = "tables";

    static final ConfigDef DEFINITION = ConfigDef.builder()
            .define(ConfigKey.builder(JdbcSinkConfig.CONNECTION_URL, ConfigDef.Type.STRING)
                    .validator(Validator.pattern("jdbc:(postgresql|mysql|mariadb|h2):.*"))
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The JDBC URL of the database: jdbc:postgresql:..., jdbc:mysql:..., jdbc:mariadb:..."
                            + " or jdbc:h2:..."))
            .define(ConfigKey.builder(JdbcSinkConfig.CONNECTION_USER, ConfigDef.Type.STRING)
                    .defaultValue(null)
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The database user."))
            .define(ConfigKey.builder(JdbcSinkConfig.CONNECTION_PASSWORD, ConfigDef.Type.PASSWORD)
                    .defaultValue(null)
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The database user's password."))
            .define(ConfigKey.builder(MODE, ConfigDef.Type.STRING)
                    .validator(Validator.oneOfIgnoreCase("bulk", "incrementing", "timestamp", "timestamp+incrementing"))
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("How new rows are found: bulk reads whole tables each poll; incrementing reads rows"
                            + " whose incrementing.column.name is above the last one read; timestamp those whose"
                            + " timestamp.column.name is later; timestamp+incrementing uses both, so rows that share a"
                            + " timestamp are neither lost nor read twice."))
            .define(ConfigKey.builder(INCREMENTING_COLUMN, ConfigDef.Type.STRING)
                    .defaultValue(null)
                    .importance(ConfigDef.Importance.MEDIUM)
                    .documentation(
                            "A strictly increasing column (an auto-incremented id), for the incrementing modes."))
            .define(ConfigKey.builder(TIMESTAMP_COLUMN, ConfigDef.Type.STRING)
                    .defaultValue(null)
                    .importance(ConfigDef.Importance.MEDIUM)
                    .documentation("A column of the time a row was written or changed, for the timestamp modes."))
            .define(ConfigKey.builder(TABLE_INCLUDE_LIST, ConfigDef.Type.LIST)
                    .defaultValue("")
                    .importance(ConfigDef.Importance.MEDIUM)
                    .documentation("The tables to read; all of the connection's schema when empty."))
            .define(ConfigKey.builder(TABLE_WHITELIST, ConfigDef.Type.LIST)
                    .defaultValue("")
                    .importance(ConfigDef.Importance.LOW)
                    .documentation("The older name of table.include.list."))
            .define(ConfigKey.builder(TABLE_EXCLUDE_LIST, ConfigDef.Type.LIST)
                    .defaultValue("")
                    .importance(ConfigDef.Importance.MEDIUM)
                    .documentation("Tables not to read."))
            .define(ConfigKey.builder(TABLE_BLACKLIST, ConfigDef.Type.LIST)
                    .defaultValue("")
                    .importance(ConfigDef.Importance.LOW)
                    .documentation("The older name of table.exclude.list."))
            .define(ConfigKey.builder(TOPIC_PREFIX, ConfigDef.Type.STRING)
                    .validator(Validator.nonEmptyString())
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The topic of a table is this prefix and the table's name; with query, the topic."))
            .define(ConfigKey.builder(QUERY, ConfigDef.Type.STRING)
                    .defaultValue(null)
                    .importance(ConfigDef.Importance.MEDIUM)
                    .documentation("A query to read instead of tables; the mode's condition is added to it, so write it"
                            + " without WHERE or wrap it in a subquery."))
            .define(ConfigKey.builder(POLL_INTERVAL_MS, ConfigDef.Type.LONG)
                    .defaultValue(5000L)
                    .validator(Validator.atLeast(1))
                    .importance(ConfigDef.Importance.MEDIUM)
                    .documentation("How long a table is left alone after a poll found nothing new, in milliseconds."))
            .define(ConfigKey.builder(BATCH_MAX_ROWS, ConfigDef.Type.INT)
                    .defaultValue(100)
                    .validator(Validator.atLeast(1))
                    .importance(ConfigDef.Importance.LOW)
                    .documentation("The most rows one query returns."))
            .define(ConfigKey.builder(TABLE_POLL_INTERVAL_MS, ConfigDef.Type.LONG)
                    .defaultValue(60000L)
                    .validator(Validator.atLeast(1))
                    .importance(ConfigDef.Importance.LOW)
                    .documentation("How often the connector looks for new tables, in milliseconds."))
            .build();

    private JdbcSourceConfig() {}

    static ConfigValidation validate(Map<String, String> settings) {
        ConfigValidation validation = DEFINITION.validate(settings);
        String mode = settings.getOrDefault(MODE, "").strip().toLowerCase(Locale.ROOT);
        boolean incrementing = present(settings.get(INCREMENTING_COLUMN));
        boolean timestamp = present(settings.get(TIMESTAMP_COLUMN));
        if (mode.contains("incrementing") && !incrementing) {
            validation = validation.withError(INCREMENTING_COLUMN, "mode=" + mode + " needs the incrementing column");
        }
        if (mode.startsWith("timestamp") && !timestamp) {
            validation = validation.withError(TIMESTAMP_COLUMN, "mode=" + mode + " needs the timestamp column");
        }
        return validation;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
