package io.tributary.testkit.driver;

import java.util.function.Supplier;

/** Makes task instances for the drivers and rejects factories that cannot stand in for the runtime's. */
final class TaskFactories {

    private TaskFactories() {}

    /**
     * @param factory the driver's task factory
     * @param previous the instance it made before; null on the first call
     * @param <T> the task type
     * @return a new instance
     * @throws IllegalStateException if the factory returns null or the previous instance again
     */
    static <T> T newInstance(Supplier<? extends T> factory, T previous) {
        T task = factory.get();
        if (task == null) {
            throw new IllegalStateException("Expected the task factory to return a new task but was null; "
                    + "pass a constructor reference such as MySourceTask::new");
        }
        if (task == previous) {
            throw new IllegalStateException("Expected the task factory to return a new instance but was the "
                    + "instance it returned before; the runtime never starts a task twice, so pass a "
                    + "constructor reference such as MySourceTask::new instead of () -> task");
        }
        return task;
    }
}
