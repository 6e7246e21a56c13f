package io.tributary.connect;

import org.apache.kafka.connect.connector.Task;

/**
 * The Connect task class that runs an SDK task: the one generated for it, named by {@link ConnectNames} and
 * found beside the connector's, or else the general adapter, which makes the SDK task from the task's settings
 * when it starts (and so tells no version before).
 */
final class TaskClasses {
    private TaskClasses() {}

    static Class<? extends Task> source(Class<?> connector, Class<?> sdkTask) {
        return generated(connector, sdkTask, TributarySourceTask.class);
    }

    static Class<? extends Task> sink(Class<?> connector, Class<?> sdkTask) {
        return generated(connector, sdkTask, TributarySinkTask.class);
    }

    private static Class<? extends Task> generated(
            Class<?> connector, Class<?> sdkTask, Class<? extends Task> general) {
        try {
            Class<?> found =
                    Class.forName(ConnectNames.connectClassName(sdkTask.getName()), false, connector.getClassLoader());
            if (general.isAssignableFrom(found)) {
                return found.asSubclass(general);
            }
        } catch (ClassNotFoundException | LinkageError notGenerated) {
            // A task class the bundle has no Connect class for: the general adapter runs it.
        }
        return general;
    }
}
