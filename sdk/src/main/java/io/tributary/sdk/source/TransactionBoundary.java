package io.tributary.sdk.source;

import io.tributary.sdk.annotation.Experimental;
import java.util.Locale;

/**
 * Where the runtime ends Kafka transactions for a source task when the worker runs source tasks
 * exactly once. Chosen by the connector setting {@value #CONFIG}, whose values are the lower-case
 * names of these constants.
 *
 * <p><b>Not honoured yet:</b> the runtime has no exactly-once source support and does not read
 * {@value #CONFIG}; source records are produced without transactions whatever it says.
 */
@Experimental
public enum TransactionBoundary {
    /** After the records of each {@code poll} (the default). */
    POLL,
    /** Every {@code transaction.boundary.interval.ms}. */
    INTERVAL,
    /** Where the task says, through {@link SourceTaskContext#transactionContext()}. */
    CONNECTOR;

    /** The connector setting that chooses the boundary. */
    public static final String CONFIG = "transaction.boundary";

    /** The boundary used when the setting is absent. */
    public static final TransactionBoundary DEFAULT = POLL;

    /**
     * @param value a setting value, in any case, such as {@code connector}
     * @return the boundary it names
     * @throws IllegalArgumentException naming the allowed values, if it names none
     */
    public static TransactionBoundary fromSetting(String value) {
        for (TransactionBoundary boundary : values()) {
            if (boundary.name().equalsIgnoreCase(value.trim())) {
                return boundary;
            }
        }
        throw new IllegalArgumentException(
                "'" + CONFIG + "' must be one of poll, interval, connector; got \"" + value + "\"");
    }

    /** @return the value as written in configuration, such as {@code poll} */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
