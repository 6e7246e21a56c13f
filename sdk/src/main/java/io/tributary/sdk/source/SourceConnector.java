package io.tributary.sdk.source;

import io.tributary.sdk.annotation.Experimental;
import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.connector.Connector;
import java.util.Map;

/**
 * A connector that reads from an external system and writes to Kafka through its {@link SourceTask}s.
 * See {@link Connector} for the lifecycle.
 *
 * <p>Register the class in {@code META-INF/services/io.tributary.sdk.source.SourceConnector} so the
 * runtime finds it.
 */
@Stable
public interface SourceConnector extends Connector {

    /**
     * Starts the connector with a validated configuration. Called once, before any call to {@link
     * #taskConfigs(int)}. Throwing marks the connector {@code FAILED} with the exception's message.
     *
     * @param context the runtime's side of this connector, with its configuration; never null
     */
    void start(SourceConnectorContext context);

    @Override
    Class<? extends SourceTask> taskClass();

    /**
     * Says whether this connector, with the given configuration, can deliver each record exactly once
     * when the worker runs source tasks in Kafka transactions. The runtime asks before starting a
     * connector on a worker with exactly-once source support enabled and refuses to run it in that
     * mode when the answer is {@link ExactlyOnceSupport#UNSUPPORTED}.
     *
     * <p>May be called on an instance that was never started. The default answers {@code
     * UNSUPPORTED}.
     *
     * <p><b>Not honoured yet:</b> the runtime has no exactly-once source support and never calls this.
     *
     * @param connectorConfig the configuration as the user gave it; never null
     * @return the answer; never null
     */
    @Experimental
    default ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.UNSUPPORTED;
    }

    /**
     * Says whether this connector's tasks can decide where transactions begin and end, through {@link
     * SourceTaskContext#transactionContext()}. Asked only when the user sets {@code
     * transaction.boundary=connector}. May be called on an instance that was never started. The
     * default answers {@code UNSUPPORTED}.
     *
     * <p><b>Not honoured yet:</b> the runtime has no exactly-once source support and never calls this.
     *
     * @param connectorConfig the configuration as the user gave it; never null
     * @return the answer; never null
     */
    @Experimental
    default ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
        return ConnectorTransactionBoundaries.UNSUPPORTED;
    }

    /**
     * Called when a user alters or resets this connector's offsets through the REST API, while the
     * connector is stopped, so it can check the new offsets or update state it keeps outside Kafka.
     * May be called on an instance that was never started.
     *
     * <p><b>Not honoured yet:</b> the runtime has no REST API and no other way to alter or reset a
     * connector's offsets, so it never calls this.
     *
     * @param connectorConfig the connector's configuration; never null
     * @param offsets the new offset for each source partition; a null offset resets that partition;
     *     unmodifiable, never null
     * @return true if the connector checked and accepted the change; false (the default) if it does not
     *     handle offset changes, in which case the runtime applies them without the connector's check
     * @throws io.tributary.sdk.errors.TributaryException to refuse the change, with a message saying why
     */
    @Experimental
    default boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        return false;
    }
}
