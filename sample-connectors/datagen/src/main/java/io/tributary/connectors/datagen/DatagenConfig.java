package io.tributary.connectors.datagen;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.config.Validator;
import java.util.Map;

/** The datagen connector's settings; the names are those of the widely used datagen connector for Kafka Connect. */
final class DatagenConfig {
    static final String TOPIC = "kafka.topic";
    static final String QUICKSTART = "quickstart";
    static final String SCHEMA_FIELDS = "schema.fields";
    static final String ITERATIONS = "iterations";
    static final String RECORDS_PER_SECOND = "records.per.second";
    static final String SEED = "random.seed";
    static final String BATCH_SIZE = "batch.size";

    static final ConfigDef DEFINITION = ConfigDef.builder()
            .define(ConfigKey.builder(TOPIC, ConfigDef.Type.STRING)
                    .validator(Validator.nonEmptyString())
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The topic to write the records to."))
            .define(ConfigKey.builder(QUICKSTART, ConfigDef.Type.STRING)
                    .defaultValue("orders")
                    .validator(Validator.oneOfIgnoreCase("orders", "users", "pageviews"))
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The kind of records: orders, users or pageviews. Ignored when schema.fields is"
                            + " given."))
            .define(ConfigKey.builder(SCHEMA_FIELDS, ConfigDef.Type.LIST)
                    .defaultValue("")
                    .importance(ConfigDef.Importance.MEDIUM)
                    .documentation("Records of your own: fields as name:type, comma-separated, with the types int32,"
                            + " int64, float64, boolean, string, uuid, date, timestamp and decimal(scale), such as"
                            + " id:int64,name:string,price:decimal(2). A field named id counts 0, 1, 2, ...; the"
                            + " others take random values from the seed."))
            .define(ConfigKey.builder(ITERATIONS, ConfigDef.Type.LONG)
                    .defaultValue(-1L)
                    .validator(Validator.atLeast(-1))
                    .importance(ConfigDef.Importance.MEDIUM)
                    .documentation("How many records to write in all, across tasks and restarts; -1 writes until"
                            + " stopped."))
            .define(ConfigKey.builder(RECORDS_PER_SECOND, ConfigDef.Type.DOUBLE)
                    .defaultValue(10.0)
                    .importance(ConfigDef.Importance.MEDIUM)
                    .documentation("The most records each task writes a second; 0 or less writes as fast as the"
                            + " worker takes them."))
            .define(ConfigKey.builder(SEED, ConfigDef.Type.LONG)
                    .defaultValue(0L)
                    .importance(ConfigDef.Importance.LOW)
                    .documentation("The seed of the random values: the same seed gives the same records."))
            .define(ConfigKey.builder(BATCH_SIZE, ConfigDef.Type.INT)
                    .defaultValue(500)
                    .validator(Validator.between(1, 100_000))
                    .importance(ConfigDef.Importance.LOW)
                    .documentation("The most records one poll returns."))
            .build();

    private DatagenConfig() {}

    /** The definition's checks, and that the fields of schema.fields can be read. */
    static ConfigValidation validate(Map<String, String> settings) {
        ConfigValidation validation = DEFINITION.validate(settings);
        String fields = settings.get(SCHEMA_FIELDS);
        if (fields != null && !fields.isBlank()) {
            try {
                FieldsGenerator.parse(fields);
            } catch (IllegalArgumentException e) {
                return validation.withError(SCHEMA_FIELDS, e.getMessage());
            }
        }
        return validation;
    }
}
