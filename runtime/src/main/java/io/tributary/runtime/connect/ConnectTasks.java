package io.tributary.runtime.connect;

import io.tributary.sdk.errors.TributaryException;
import java.lang.reflect.InvocationTargetException;

/** Makes the tasks of Connect connectors, as Kafka Connect's worker makes them. */
final class ConnectTasks {
    private ConnectTasks() {}

    /**
     * @param taskClass the class the connector's {@code taskClass()} names; made with the context class
     *     loader already set to the plugin's
     * @param kind the Connect task type the connector's kind needs
     * @return a new task
     */
    static <T> T instantiate(Class<?> taskClass, Class<T> kind) {
        if (taskClass == null || !kind.isAssignableFrom(taskClass)) {
            throw new TributaryException("The Kafka Connect connector's taskClass() " + taskClass + " is not a "
                    + kind.getName() + "; the plugin is broken");
        }
        try {
            return kind.cast(taskClass.getDeclaredConstructor().newInstance());
        } catch (InvocationTargetException e) {
            throw new TributaryException(
                    "Cannot create task " + taskClass.getName() + ": its constructor threw " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new TributaryException(
                    "Cannot create task " + taskClass.getName() + " (" + e + "); it needs a public no-argument"
                            + " constructor, and every class it uses in the plugin",
                    e);
        }
    }
}
