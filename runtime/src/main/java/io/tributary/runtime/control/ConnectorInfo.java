package io.tributary.runtime.control;

import io.tributary.sdk.connector.TaskId;
import java.util.List;
import java.util.Map;

/**
 * A connector's configuration and tasks.
 *
 * @param name the connector's name
 * @param config its configuration, with password values hidden and config-provider references as written
 * @param tasks its tasks, by number; empty while it is stopped
 * @param type {@code source} or {@code sink}
 */
public record ConnectorInfo(String name, Map<String, String> config, List<TaskId> tasks, String type) {
    /** Copies the collections. */
    public ConnectorInfo {
        config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
        tasks = List.copyOf(tasks);
    }
}
