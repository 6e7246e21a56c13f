package io.tributary.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailoverBenchmarkTest {
    @Test
    void theTableGivesEachEventsMinMedianAndMax() {
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        seconds.put("Tributary|a worker killed (SIGKILL)", List.of(9.8, 9.5, 10.4, 9.6, 9.7));
        seconds.put("Kafka Connect|a worker joining", List.of(4.0, 3.0));

        assertThat(FailoverBenchmark.table(seconds).lines().toList())
                .containsExactly(
                        "| runtime | event | runs | min s | median s | max s |",
                        "| --- | --- | ---: | ---: | ---: | ---: |",
                        "| Tributary | a worker killed (SIGKILL) | 5 | 9.5 | 9.7 | 10.4 |",
                        "| Kafka Connect | a worker joining | 2 | 3.0 | 3.5 | 4.0 |");
    }
}
