package io.tributary.connect;

import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Makes SDK plugin instances: the task the general task adapters run, from the class their connector adapter
 * named, and a new instance of a connector Connect starts again.
 */
final class SdkInstances {
    private SdkInstances() {}

    static <T> T make(Class<?> adapter, Map<String, String> settings, Class<T> kind) {
        String name = settings.get(TaskSettings.TASK_CLASS);
        if (name == null) {
            throw new ConnectException("The task's settings do not name its SDK task class (" + TaskSettings.TASK_CLASS
                    + "); a task adapter runs only the tasks of a Tributary connector adapter");
        }
        try {
            Class<?> type = Class.forName(name, true, adapter.getClassLoader());
            return kind.cast(type.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new ConnectException(
                    "Cannot make the SDK task " + name + ": it must be a public " + kind.getName()
                            + " with a public constructor that takes no arguments (" + e + ")",
                    e);
        }
    }

    /** @return a new instance of the plugin's class, for a plugin Connect uses again after stopping it */
    static <T> T fresh(T used) {
        try {
            @SuppressWarnings("unchecked")
            T made = (T) used.getClass().getDeclaredConstructor().newInstance();
            return made;
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ConnectException("Cannot make a new " + used.getClass().getName() + " to start again: " + e, e);
        }
    }
}
