package io.tributary.runtime.control;

import io.tributary.sdk.connector.TaskId;
import java.util.Map;

/**
 * One task and the configuration its connector gave it.
 *
 * @param id the task
 * @param config its configuration, with password values hidden
 */
public record TaskInfo(TaskId id, Map<String, String> config) {
    /** Copies the configuration. */
    public TaskInfo {
        config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
    }
}
