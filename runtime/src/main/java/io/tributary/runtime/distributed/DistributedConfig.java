package io.tributary.runtime.distributed;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigDef.Importance;
import io.tributary.sdk.config.ConfigDef.Type;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.config.Validator;
import java.util.Map;

/** A distributed worker's own settings, with Kafka Connect's names and defaults. */
public final class DistributedConfig {
    public static final String GROUP_ID = "group.id";
    public static final String CONFIG_TOPIC = "config.storage.topic";
    public static final String CONFIG_REPLICATION = "config.storage.replication.factor";
    public static final String OFFSET_TOPIC = "offset.storage.topic";
    public static final String OFFSET_REPLICATION = "offset.storage.replication.factor";
    public static final String OFFSET_PARTITIONS = "offset.storage.partitions";
    public static final String STATUS_TOPIC = "status.storage.topic";
    public static final String STATUS_REPLICATION = "status.storage.replication.factor";
    public static final String STATUS_PARTITIONS = "status.storage.partitions";
    public static final String HEARTBEAT_INTERVAL_MS = "heartbeat.interval.ms";
    public static final String SESSION_TIMEOUT_MS = "session.timeout.ms";
    public static final String REBALANCE_TIMEOUT_MS = "rebalance.timeout.ms";
    public static final String REBALANCE_DELAY_MS = "scheduled.rebalance.max.delay.ms";

    private static final String REPLICATION_DOC = "Replication factor of the topic when the worker creates it; -1 for"
            + " the brokers' default. Use 3 or more in production.";

    /** The settings distributed mode adds to a worker's. */
    public static final ConfigDef DEFINITION = ConfigDef.builder()
            .define(ConfigKey.builder(GROUP_ID, Type.STRING)
                    .importance(Importance.HIGH)
                    .documentation(
                            "The cluster this worker belongs to: workers with the same group.id share the" + " work."))
            .define(ConfigKey.builder(CONFIG_TOPIC, Type.STRING)
                    .importance(Importance.HIGH)
                    .documentation("The compacted topic of connector configurations, task configurations and target"
                            + " states; one partition."))
            .define(ConfigKey.builder(CONFIG_REPLICATION, Type.SHORT)
                    .defaultValue((short) 3)
                    .validator(Validator.atLeast(-1))
                    .documentation(REPLICATION_DOC))
            .define(ConfigKey.builder(OFFSET_TOPIC, Type.STRING)
                    .importance(Importance.HIGH)
                    .documentation("The compacted topic of source offsets."))
            .define(ConfigKey.builder(OFFSET_REPLICATION, Type.SHORT)
                    .defaultValue((short) 3)
                    .validator(Validator.atLeast(-1))
                    .documentation(REPLICATION_DOC))
            .define(ConfigKey.builder(OFFSET_PARTITIONS, Type.INT)
                    .defaultValue(25)
                    .validator(Validator.atLeast(-1))
                    .documentation("Partitions of the offsets topic when the worker creates it; -1 for the brokers'"
                            + " default."))
            .define(ConfigKey.builder(STATUS_TOPIC, Type.STRING)
                    .importance(Importance.HIGH)
                    .documentation("The compacted topic of connector and task statuses."))
            .define(ConfigKey.builder(STATUS_REPLICATION, Type.SHORT)
                    .defaultValue((short) 3)
                    .validator(Validator.atLeast(-1))
                    .documentation(REPLICATION_DOC))
            .define(ConfigKey.builder(STATUS_PARTITIONS, Type.INT)
                    .defaultValue(5)
                    .validator(Validator.atLeast(-1))
                    .documentation("Partitions of the status topic when the worker creates it; -1 for the brokers'"
                            + " default."))
            .define(ConfigKey.builder(HEARTBEAT_INTERVAL_MS, Type.INT)
                    .defaultValue(1_000)
                    .validator(Validator.atLeast(1))
                    .documentation("How often the worker tells the group it is alive, in ms; also how soon it"
                            + " learns that a worker joined. Kafka Connect uses 3000."))
            .define(ConfigKey.builder(SESSION_TIMEOUT_MS, Type.INT)
                    .defaultValue(10_000)
                    .validator(Validator.atLeast(1))
                    .documentation("How long the group waits for a silent worker before handing its work to others,"
                            + " in ms; the brokers allow 6000 to 300000 by default."))
            .define(ConfigKey.builder(REBALANCE_TIMEOUT_MS, Type.INT)
                    .defaultValue(60_000)
                    .validator(Validator.atLeast(1))
                    .documentation(
                            "How long a worker may take to stop its work and rejoin during a rebalance, in" + " ms."))
            .define(ConfigKey.builder(REBALANCE_DELAY_MS, Type.INT)
                    .defaultValue(0)
                    .validator(Validator.atLeast(0))
                    .documentation("How long the work of a worker that vanished waits for it to come back before it"
                            + " moves, in ms. 0 (the default) moves it at once; Kafka Connect waits 300000."))
            .build();

    private final ParsedConfig config;

    /**
     * @param settings the worker's settings
     * @throws io.tributary.sdk.errors.ConfigException listing every invalid or missing setting
     */
    public DistributedConfig(Map<String, String> settings) {
        this.config = DEFINITION.parse(settings);
    }

    /** @return the parsed settings */
    public ParsedConfig parsed() {
        return config;
    }
}
