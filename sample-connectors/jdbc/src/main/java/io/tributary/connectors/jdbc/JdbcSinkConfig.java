package io.tributary.connectors.jdbc;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.config.Validator;
import java.util.Map;

/** The JDBC sink's settings, named as those of the widely used JDBC connector for Kafka Connect. */
final class JdbcSinkConfig {
    static final String CONNECTION_URL = "connection.url";
    static final String CONNECTION_USER = "connection.user";
    static final String CONNECTION_PASSWORD = "connection.password";
    static final String INSERT_MODE = "insert.mode";
    static final String PK_MODE = "pk.mode";
    static final String PK_FIELDS = "pk.fields";
    static final String TABLE_NAME_FORMAT = "table.name.format";
    static final String AUTO_CREATE = "auto.create";
    static final String AUTO_EVOLVE = "auto.evolve";
    static final String DELETE_ENABLED = "delete.enabled";
    static final String BATCH_SIZE = "batch.size";
    static final String MAX_RETRIES = "max.retries";
    static final String RETRY_BACKOFF_MS = "retry.backoff.ms";

    static final ConfigDef DEFINITION = ConfigDef.builder()
            .define(ConfigKey.builder(CONNECTION_URL, ConfigDef.Type.STRING)
                    .validator(Validator.pattern("jdbc:(postgresql|mysql|mariadb|h2):.*"))
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation(
                            "The JDBC URL of the database: jdbc:postgresql:..., jdbc:mysql:... or jdbc:mariadb:..."
                                    + " (MySQL and MariaDB), or jdbc:h2:..."))
            .define(ConfigKey.builder(CONNECTION_USER, ConfigDef.Type.STRING)
                    .defaultValue(null)
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The database user."))
            .define(ConfigKey.builder(CONNECTION_PASSWORD, ConfigDef.Type.PASSWORD)
                    .defaultValue(null)
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The database user's password."))
            .define(ConfigKey.builder(INSERT_MODE, ConfigDef.Type.STRING)
                    .defaultValue("insert")
                    .validator(Validator.oneOfIgnoreCase("insert", "upsert", "update"))
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("insert adds a row a record; upsert adds it or replaces the row with the same"
                            + " primary key (ON CONFLICT in PostgreSQL, ON DUPLICATE KEY UPDATE in MySQL and MariaDB,"
                            + " MERGE in H2), so a record written twice is one row; update changes the row of the"
                            + " key only."))
            .define(ConfigKey.builder(PK_MODE, ConfigDef.Type.STRING)
                    .defaultValue("none")
                    .validator(Validator.oneOfIgnoreCase("none", "record_key", "record_value"))
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("Where the primary key comes from: none, record_key (the key's fields, or the key"
                            + " itself in the one column pk.fields names) or record_value (the value's fields named in"
                            + " pk.fields)."))
            .define(ConfigKey.builder(PK_FIELDS, ConfigDef.Type.LIST)
                    .defaultValue("")
                    .importance(ConfigDef.Importance.MEDIUM)
                    .documentation("The primary key's columns. With record_key and a struct key, its fields (all by"
                            + " default); with a key that is not a struct, the one column it goes into (id by"
                            + " default); with record_value, the value's fields that form the key (required)."))
            .define(ConfigKey.builder(TABLE_NAME_FORMAT, ConfigDef.Type.STRING)
                    .defaultValue("${topic}")
                    .validator(Validator.nonEmptyString())
                    .importance(ConfigDef.Importance.MEDIUM)
                    .documentation("The table of a record: ${topic} stands for its topic, as in kafka_${topic}."))
            .define(ConfigKey.builder(AUTO_CREATE, ConfigDef.Type.BOOLEAN)
                    .defaultValue(false)
                    .importance(ConfigDef.Importance.MEDIUM)
                    .documentation("Whether a missing table is created from the first record's schema."))
            .define(ConfigKey.builder(AUTO_EVOLVE, ConfigDef.Type.BOOLEAN)
                    .defaultValue(false)
                    .importance(ConfigDef.Importance.MEDIUM)
                    .documentation("Whether a field the table has no column for is added as a nullable column."))
            .define(ConfigKey.builder(DELETE_ENABLED, ConfigDef.Type.BOOLEAN)
                    .defaultValue(false)
                    .importance(ConfigDef.Importance.MEDIUM)
                    .documentation("Whether a tombstone (a record with a key and no value) deletes the key's row;"
                            + " needs pk.mode record_key."))
            .define(ConfigKey.builder(BATCH_SIZE, ConfigDef.Type.INT)
                    .defaultValue(3000)
                    .validator(Validator.atLeast(1))
                    .importance(ConfigDef.Importance.LOW)
                    .documentation("The most rows one JDBC batch holds; each batch of records from the worker is"
                            + " written in one transaction."))
            .define(ConfigKey.builder(MAX_RETRIES, ConfigDef.Type.INT)
                    .defaultValue(10)
                    .validator(Validator.atLeast(0))
                    .importance(ConfigDef.Importance.MEDIUM)
                    .documentation("How many times a batch is written again after the database could not be"
                            + " reached (a lost connection, a deadlock, a timeout) before the task fails; the"
                            + " batch is not committed to Kafka until it is written."))
            .define(ConfigKey.builder(RETRY_BACKOFF_MS, ConfigDef.Type.INT)
                    .defaultValue(3000)
                    .validator(Validator.atLeast(0))
                    .importance(ConfigDef.Importance.MEDIUM)
                    .documentation("How long to wait before writing a batch again, in milliseconds."))
            .build();

    private JdbcSinkConfig() {}

    /** The definition's checks, and the settings that only make sense together. */
    static ConfigValidation validate(Map<String, String> settings) {
        ConfigValidation validation = DEFINITION.validate(settings);
        String pkMode = settings.getOrDefault(PK_MODE, "none").strip().toLowerCase(java.util.Locale.ROOT);
        String insertMode = settings.getOrDefault(INSERT_MODE, "insert").strip().toLowerCase(java.util.Locale.ROOT);
        boolean deletes = Boolean.parseBoolean(
                settings.getOrDefault(DELETE_ENABLED, "false").strip());
        String pkFields = settings.getOrDefault(PK_FIELDS, "");
        if (deletes && !pkMode.equals("record_key")) {
            validation = validation.withError(
                    DELETE_ENABLED, "Deleting on tombstones needs the key of the row: set pk.mode=record_key");
        }
        if (!insertMode.equals("insert") && pkMode.equals("none")) {
            validation = validation.withError(
                    PK_MODE,
                    "insert.mode=" + insertMode + " finds rows by primary key: set pk.mode to record_key"
                            + " or record_value");
        }
        if (pkMode.equals("record_value") && pkFields.isBlank()) {
            validation = validation.withError(
                    PK_FIELDS, "pk.mode=record_value takes the key from the value's fields: name them in pk.fields");
        }
        return validation;
    }
}
