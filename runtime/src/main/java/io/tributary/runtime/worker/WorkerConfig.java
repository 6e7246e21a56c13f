package io.tributary.runtime.worker;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigDef.Importance;
import io.tributary.sdk.config.ConfigDef.Type;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.config.Validator;
import java.util.Map;

/** A worker's settings, with Kafka Connect's names where Connect has the setting. */
public final class WorkerConfig {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String KEY_CONVERTER = "key.converter";
    public static final String VALUE_CONVERTER = "value.converter";
    public static final String HEADER_CONVERTER = "header.converter";
    public static final String PLUGIN_PATH = "plugin.path";
    public static final String OFFSET_STORAGE_FILE = "offset.storage.file.filename";
    public static final String OFFSET_FLUSH_INTERVAL_MS = "offset.flush.interval.ms";
    public static final String OFFSET_FLUSH_TIMEOUT_MS = "offset.flush.timeout.ms";
    public static final String TASK_SHUTDOWN_TIMEOUT_MS = "task.shutdown.graceful.timeout.ms";
    public static final String CLIENT_OVERRIDE_POLICY = "connector.client.config.override.policy";
    public static final String CONFIG_PROVIDERS = "config.providers";
    public static final String TOPIC_CREATION_ENABLE = "topic.creation.enable";
    public static final String SOURCE_MAX_IN_FLIGHT = "source.max.in.flight.records";

    /** The worker's own settings; {@code producer.*}, {@code consumer.*} and {@code admin.*} pass through. */
    public static final ConfigDef DEFINITION = ConfigDef.builder()
            .define(ConfigKey.builder(BOOTSTRAP_SERVERS, Type.LIST)
                    .defaultValue("localhost:9092")
                    .importance(Importance.HIGH)
                    .documentation("Kafka brokers to connect to, host:port separated by commas."))
            .define(ConfigKey.builder(KEY_CONVERTER, Type.STRING)
                    .defaultValue("org.apache.kafka.connect.json.JsonConverter")
                    .importance(Importance.HIGH)
                    .documentation("Converter of record keys, unless a connector sets its own."))
            .define(ConfigKey.builder(VALUE_CONVERTER, Type.STRING)
                    .defaultValue("org.apache.kafka.connect.json.JsonConverter")
                    .importance(Importance.HIGH)
                    .documentation("Converter of record values, unless a connector sets its own."))
            .define(ConfigKey.builder(HEADER_CONVERTER, Type.STRING)
                    .defaultValue("org.apache.kafka.connect.storage.SimpleHeaderConverter")
                    .importance(Importance.LOW)
                    .documentation("Converter of header values, unless a connector sets its own."))
            .define(ConfigKey.builder(PLUGIN_PATH, Type.LIST)
                    .defaultValue("")
                    .importance(Importance.HIGH)
                    .documentation("Folders, JARs and bundle ZIPs that hold plugins, separated by commas."))
            .define(ConfigKey.builder(OFFSET_STORAGE_FILE, Type.STRING)
                    .defaultValue("")
                    .documentation("Standalone mode: the file source offsets are kept in; empty keeps them in"
                            + " memory only."))
            .define(ConfigKey.builder(OFFSET_FLUSH_INTERVAL_MS, Type.LONG)
                    .defaultValue(60_000L)
                    .validator(Validator.atLeast(1))
                    .documentation("How often offsets are committed, in ms."))
            .define(ConfigKey.builder(OFFSET_FLUSH_TIMEOUT_MS, Type.LONG)
                    .defaultValue(5_000L)
                    .validator(Validator.atLeast(0))
                    .documentation("How long a final offset commit may wait for outstanding records, in ms."))
            .define(ConfigKey.builder(TASK_SHUTDOWN_TIMEOUT_MS, Type.LONG)
                    .defaultValue(5_000L)
                    .validator(Validator.atLeast(0))
                    .documentation("How long to wait for a task to stop before giving up on it, in ms."))
            .define(ConfigKey.builder(CLIENT_OVERRIDE_POLICY, Type.STRING)
                    .defaultValue("All")
                    .validator(Validator.oneOfIgnoreCase("All", "None", "Principal"))
                    .documentation("Which producer.override.*, consumer.override.* and admin.override.* settings"
                            + " connectors may set: All, None, or Principal (only SASL JAAS settings)."))
            .define(ConfigKey.builder(CONFIG_PROVIDERS, Type.LIST)
                    .defaultValue("")
                    .documentation("Aliases of config providers; each needs config.providers.<alias>.class."))
            .define(ConfigKey.builder(TOPIC_CREATION_ENABLE, Type.BOOLEAN)
                    .defaultValue(true)
                    .documentation("Whether source connectors may create their topics (topic.creation.*)."))
            .define(ConfigKey.builder(SOURCE_MAX_IN_FLIGHT, Type.INT)
                    .defaultValue(10_000)
                    .validator(Validator.atLeast(1))
                    .documentation("Most records a source task may have sent but not yet acknowledged; polling"
                            + " waits beyond it, so memory stays bounded when Kafka falls behind."))
            .build();

    private final ParsedConfig config;

    /**
     * @param settings the worker's settings as given
     * @throws io.tributary.sdk.errors.ConfigException listing every invalid setting
     */
    public WorkerConfig(Map<String, String> settings) {
        this.config = DEFINITION.parse(settings);
    }

    /** @return the parsed settings */
    public ParsedConfig parsed() {
        return config;
    }

    /** @return the bootstrap servers, comma-separated */
    public String bootstrapServers() {
        return String.join(",", config.getList(BOOTSTRAP_SERVERS));
    }

    /**
     * @param prefix {@code producer.}, {@code consumer.} or {@code admin.}
     * @return the worker's client settings under that prefix, prefix removed
     */
    public Map<String, Object> clientSettings(String prefix) {
        return config.originalsWithPrefix(prefix);
    }
}
