package io.tributary.runtime.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LruCacheTest {
    private final AtomicInteger computed = new AtomicInteger();

    private String compute(String key) {
        computed.incrementAndGet();
        return key.toUpperCase();
    }

    @Test
    void computesEachKeyOnceWhileItIsKept() {
        LruCache<String, String> cache = new LruCache<>(2);

        assertThat(cache.computeIfAbsent("a", this::compute)).isEqualTo("A");
        assertThat(cache.computeIfAbsent("a", this::compute)).isEqualTo("A");
        assertThat(computed).hasValue(1);
    }

    @Test
    void forgetsTheLeastRecentlyUsedKeyWhenFull() {
        LruCache<String, String> cache = new LruCache<>(2);
        cache.computeIfAbsent("a", this::compute);
        cache.computeIfAbsent("b", this::compute);
        cache.computeIfAbsent("a", this::compute);

        cache.computeIfAbsent("c", this::compute);
        cache.computeIfAbsent("a", this::compute);
        cache.computeIfAbsent("b", this::compute);

        assertThat(computed).hasValue(4);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void keepsNothingWithCapacityZero() {
        LruCache<String, String> cache = new LruCache<>(0);
        cache.computeIfAbsent("a", this::compute);
        cache.computeIfAbsent("a", this::compute);

        assertThat(computed).hasValue(2);
        assertThat(cache.size()).isZero();
    }
}
