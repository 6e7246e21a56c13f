package io.tributary.sdk.connector;

import io.tributary.sdk.annotation.Stable;
import java.util.Objects;

/**
 * Names one task of a connector, as status, logs and the REST API show it.
 *
 * @param connector the connector's name; never null
 * @param task the task's number within the connector, from 0
 */
@Stable
public record TaskId(String connector, int task) {
    /** Checks that the connector is named and the number is not negative. */
    public TaskId {
        Objects.requireNonNull(connector, "connector");
        if (task < 0) {
            throw new IllegalArgumentException(
                    "Task number of connector '" + connector + "' must be 0 or more, got " + task);
        }
    }

    @Override
    public String toString() {
        return connector + "-" + task;
    }
}
