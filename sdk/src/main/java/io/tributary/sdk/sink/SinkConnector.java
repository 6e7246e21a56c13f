package io.tributary.sdk.sink;

import io.tributary.sdk.annotation.Experimental;
import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.connector.Connector;
import io.tributary.sdk.connector.TopicPartition;
import java.util.Map;

/**
 * A connector that reads from Kafka topics and writes to an external system through its {@link
 * SinkTask}s. The user names the topics with {@value #TOPICS_CONFIG} or {@value #TOPICS_REGEX_CONFIG};
 * the runtime subscribes and spreads the partitions over the tasks. See {@link Connector} for the
 * lifecycle.
 *
 * <p>Register the class in {@code META-INF/services/io.tributary.sdk.sink.SinkConnector} so the runtime
 * finds it.
 */
@Stable
public interface SinkConnector extends Connector {
    /** The setting that lists the topics to consume, separated by commas. */
    String TOPICS_CONFIG = "topics";

    /** The setting that gives a regular expression of topics to consume. */
    String TOPICS_REGEX_CONFIG = "topics.regex";

    /**
     * Starts the connector with a validated configuration. Called once, before any call to {@link
     * #taskConfigs(int)}. Throwing marks the connector {@code FAILED} with the exception's message.
     *
     * @param context the runtime's side of this connector, with its configuration; never null
     */
    void start(SinkConnectorContext context);

    @Override
    Class<? extends SinkTask> taskClass();

    /**
     * Called when a user alters or resets this connector's consumer offsets through the REST API, while
     * the connector is stopped, so it can check them or update offsets it keeps in the external
     * system. May be called on an instance that was never started.
     *
     * <p><b>Not honoured yet:</b> the runtime has no REST API and no other way to alter or reset a
     * connector's offsets, so it never calls this.
     *
     * @param connectorConfig the connector's configuration; never null
     * @param offsets the next offset to consume for each partition; a null offset resets it;
     *     unmodifiable, never null
     * @return true if the connector checked and accepted the change; false (the default) if it does not
     *     handle offset changes, in which case the runtime applies them without the connector's check
     * @throws io.tributary.sdk.errors.TributaryException to refuse the change, with a message saying why
     */
    @Experimental
    default boolean alterOffsets(Map<String, String> connectorConfig, Map<TopicPartition, Long> offsets) {
        return false;
    }
}
