package io.tributary.runtime.plugins;

import java.util.Objects;

/**
 * Makes a class loader the current thread's context class loader until closed, then restores the one
 * before. Libraries inside a plugin (JDBC drivers, XML parsers, ServiceLoader users) look classes up
 * through the context class loader, so the runtime runs plugin code with the plugin's loader set:
 *
 * <pre>{@code
 * LoaderSwap swap = LoaderSwap.to(plugins.loaderFor(connectorClass));
 * try (swap) {
 *     connector.start(context);
 * }
 * }</pre>
 *
 * <p>(Declared before the {@code try}, the swap does not trip {@code -Xlint:try}, which warns about a
 * resource the block never mentions.) {@link Plugins#withLoader(ClassLoader, java.util.function.Supplier)}
 * does the same for code that returns a value. Close it on the thread that opened it.
 */
public final class LoaderSwap implements AutoCloseable {

    private final Thread thread;
    private final ClassLoader previous;

    private LoaderSwap(Thread thread, ClassLoader previous) {
        this.thread = thread;
        this.previous = previous;
    }

    /**
     * Sets the current thread's context class loader.
     *
     * @param loader the loader to set; never null
     * @return a swap whose {@link #close()} restores the previous loader; never null
     */
    public static LoaderSwap to(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader);
        return new LoaderSwap(current, previous);
    }

    /** Restores the context class loader that was set before {@link #to(ClassLoader)}. */
    @Override
    public void close() {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("A LoaderSwap opened on thread " + thread.getName()
                    + " was closed on thread " + Thread.currentThread().getName()
                    + "; close it in a try-with-resources block on the thread that opened it");
        }
        thread.setContextClassLoader(previous);
    }
}
