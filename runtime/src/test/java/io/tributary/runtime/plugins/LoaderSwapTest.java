package io.tributary.runtime.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoaderSwapTest {

    private final ClassLoader original = Thread.currentThread().getContextClassLoader();
    private final URLClassLoader first = new URLClassLoader(new URL[0], original);
    private final URLClassLoader second = new URLClassLoader(new URL[0], original);

    @AfterEach
    void restore() throws Exception {
        Thread.currentThread().setContextClassLoader(original);
        first.close();
        second.close();
    }

    @Test
    void restoresTheLoaderBeforeInNestedSwaps() {
        LoaderSwap outer = LoaderSwap.to(first);
        try (outer) {
            LoaderSwap inner = LoaderSwap.to(second);
            try (inner) {
                assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(second);
            }
            assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(first);
        }
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(original);
    }

    @Test
    void restoresTheLoaderWhenTheCodeThrows() {
        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> Plugins.withLoader(first, () -> {
                    throw new IllegalStateException("plugin failed");
                }));

        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(original);
    }

    @Test
    void refusesToBeClosedOnAnotherThread() {
        LoaderSwap swap = LoaderSwap.to(first);

        assertThat(CompletableFuture.supplyAsync(() -> {
                            try {
                                swap.close();
                                return "closed";
                            } catch (IllegalStateException e) {
                                return e.getMessage();
                            }
                        })
                        .join())
                .contains("was closed on thread");
        swap.close();
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(original);
    }
}
