package io.tributary.connectors.file;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.Validator;

/** The file sink's settings: Kafka Connect's FileStream sink names, and the line format beside them. */
final class FileSinkConfig {
    static final String FILE = "file";
    static final String FORMAT = "format";
    static final String CSV_HEADER = "csv.header";

    static final ConfigDef DEFINITION = ConfigDef.builder()
            .define(ConfigKey.builder(FILE, ConfigDef.Type.STRING)
                    .validator(Validator.nonEmptyString())
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The file to append the records to; it is created if missing."))
            .define(ConfigKey.builder(FORMAT, ConfigDef.Type.STRING)
                    .defaultValue("text")
                    .validator(Validator.oneOfIgnoreCase("text", "json", "csv"))
                    .importance(ConfigDef.Importance.MEDIUM)
                    .documentation("How a record becomes a line: text (the value as a string, as Kafka Connect's"
                            + " FileStream sink writes it), json (the value as one line of JSON) or csv (the fields of"
                            + " a struct value, comma-separated and quoted where needed)."))
            .define(ConfigKey.builder(CSV_HEADER, ConfigDef.Type.BOOLEAN)
                    .defaultValue(true)
                    .importance(ConfigDef.Importance.LOW)
                    .documentation("With format csv: whether an empty file starts with a line of the field names."))
            .build();

    private FileSinkConfig() {}
}
