package io.tributary.sdk.errors;

import io.tributary.sdk.annotation.Stable;

/**
 * A value does not fit its schema, or data cannot be converted between forms.
 *
 * <p>Thrown by schema and struct validation, by {@code Values} conversions and by converters and
 * transformations. The message names the field, the expected type and the value that was found, for
 * example {@code Field 'id' is INT64, got String "x"}. The runtime treats a data error as a problem
 * with one record: with {@code errors.tolerance=all} the record is skipped (and sent to the dead
 * letter queue when one is configured) while its neighbours flow.
 */
@Stable
public class DataException extends TributaryException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong with the data; never null
     */
    public DataException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong with the data; never null
     * @param cause the underlying failure; may be null
     */
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
