package io.tributary.runtime.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SchemaCacheTest {

    @Test
    void derivesOncePerSchemaAndForgetsTheLeastRecentlyUsed() {
        SchemaCache<String> cache = new SchemaCache<>(2);
        AtomicInteger derivations = new AtomicInteger();
        Schema a = SchemaBuilder.struct().name("a").build();
        Schema b = SchemaBuilder.struct().name("b").build();
        Schema c = SchemaBuilder.struct().name("c").build();

        cache.get(a, s -> "A" + derivations.incrementAndGet());
        cache.get(b, s -> "B" + derivations.incrementAndGet());
        String again = cache.get(SchemaBuilder.struct().name("a").build(), s -> "A" + derivations.incrementAndGet());
        cache.get(c, s -> "C" + derivations.incrementAndGet());
        String bAgain = cache.get(b, s -> "B" + derivations.incrementAndGet());

        assertThat(again).isEqualTo("A1");
        assertThat(bAgain).isEqualTo("B4");
        assertThat(cache.size()).isEqualTo(2);
    }
}
