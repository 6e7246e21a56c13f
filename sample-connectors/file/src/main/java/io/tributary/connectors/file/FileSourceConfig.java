package io.tributary.connectors.file;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.config.Validator;
import java.util.Map;

/** The file source's settings: Kafka Connect's FileStream source names, and a folder mode beside them. */
final class FileSourceConfig {
    static final String FILE = "file";
    static final String DIRECTORY = "directory";
    static final String FILE_PATTERN = "file.pattern";
    static final String TOPIC = "topic";
    static final String BATCH_SIZE = "batch.size";
    static final String POLL_INTERVAL_MS = "poll.interval.ms";

    static final ConfigDef DEFINITION = ConfigDef.builder()
            .define(ConfigKey.builder(FILE, ConfigDef.Type.STRING)
                    .defaultValue(null)
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The file to tail. Give either file or directory."))
            .define(ConfigKey.builder(DIRECTORY, ConfigDef.Type.STRING)
                    .defaultValue(null)
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("A folder whose files matching file.pattern are tailed, each as a source partition"
                            + " of its own; files that appear later are picked up. Give either file or directory."))
            .define(ConfigKey.builder(FILE_PATTERN, ConfigDef.Type.STRING)
                    .defaultValue("*")
                    .validator(Validator.nonEmptyString())
                    .importance(ConfigDef.Importance.MEDIUM)
                    .documentation("With directory: a glob the file names must match, such as *.log."))
            .define(ConfigKey.builder(TOPIC, ConfigDef.Type.STRING)
                    .validator(Validator.nonEmptyString())
                    .importance(ConfigDef.Importance.HIGH)
                    .documentation("The topic to write the lines to."))
            .define(ConfigKey.builder(BATCH_SIZE, ConfigDef.Type.INT)
                    .defaultValue(2000)
                    .validator(Validator.atLeast(1))
                    .importance(ConfigDef.Importance.LOW)
                    .documentation("The most lines one poll returns."))
            .define(ConfigKey.builder(POLL_INTERVAL_MS, ConfigDef.Type.LONG)
                    .defaultValue(1000L)
                    .validator(Validator.between(1, 3_600_000))
                    .importance(ConfigDef.Importance.LOW)
                    .documentation("How long a poll waits for new lines when there are none, in milliseconds."))
            .build();

    private FileSourceConfig() {}

    /** The definition's checks, and that exactly one of file and directory is given. */
    static ConfigValidation validate(Map<String, String> settings) {
        ConfigValidation validation = DEFINITION.validate(settings);
        boolean file = present(settings.get(FILE));
        boolean directory = present(settings.get(DIRECTORY));
        if (file && directory) {
            return validation.withError(FILE, "Give either file or directory, not both");
        }
        if (!file && !directory) {
            return validation
                    .withError(FILE, "Give the file to tail, or a directory instead")
                    .withError(DIRECTORY, "Give a directory to tail, or a file instead");
        }
        return validation;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
