package io.tributary.benchmarks.micro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/**
 * The micro-benchmarks compare like with like: each one's setup checks that Tributary and Connect do the same
 * work on the same data, and fails otherwise. This runs every setup once, without JMH's timing.
 */
class MicroBenchmarkSetupTest {
    @Test
    void everyTransformationIsMeasuredWithSettingsAndDoesWhatConnectsDoes() throws Exception {
        List<String> measured = List.of(TransformBenchmark.class
                .getField("transform")
                .getAnnotation(Param.class)
                .value());
        assertThat(measured).containsExactlyInAnyOrderElementsOf(TransformBenchmark.SETTINGS.keySet());

        for (String transform : measured) {
            TransformBenchmark benchmark = new TransformBenchmark();
            benchmark.transform = transform;
            benchmark.setUp();
            assertThat(benchmark.tributary()).as(transform).isNotNull();
            assertThat(benchmark.connect()).as(transform).isNotNull();
            benchmark.tearDown();
        }
    }

    @Test
    void bothJsonConvertersWriteAndReadTheOrderWithAndWithoutSchemas() {
        for (boolean schemas : List.of(true, false)) {
            JsonConverterBenchmark benchmark = new JsonConverterBenchmark();
            benchmark.schemas = schemas;
            benchmark.setUp();
            assertThat(new String(benchmark.tributaryToBytes()))
                    .as("the same JSON as Connect's, schemas " + schemas)
                    .isEqualTo(new String(benchmark.connectToBytes()));
            assertThat(benchmark.tributaryFromBytes().value()).isNotNull();
            assertThat(benchmark.connectFromBytes().value()).isNotNull();
        }
    }
}
