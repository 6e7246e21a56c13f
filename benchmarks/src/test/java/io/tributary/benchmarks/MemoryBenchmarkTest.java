package io.tributary.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.benchmarks.WorkerProcesses.Memory;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryBenchmarkTest {
    @Test
    void eachStepShowsWhatEveryTaskItAddedCost() {
        List<MemoryBenchmark.Row> rows = List.of(
                new MemoryBenchmark.Row("Tributary", "idle", 0, new Memory(190, 20), 40),
                new MemoryBenchmark.Row("Tributary", "10 connectors", 10, new Memory(200, 22), 70),
                new MemoryBenchmark.Row("Tributary", "1000 tasks", 1000, new Memory(790, 187), 2150),
                new MemoryBenchmark.Row("Kafka Connect", "idle", 0, new Memory(191, 22), 39));

        assertThat(MemoryBenchmark.table(rows).lines().skip(2).toList())
                .containsExactly(
                        "| Tributary | idle | 190 | 20 | 40 | – | – |",
                        "| Tributary | 10 connectors | 200 | 22 | 70 | 1024 | 205 |",
                        "| Tributary | 1000 tasks | 790 | 187 | 2150 | 610 | 171 |",
                        "| Kafka Connect | idle | 191 | 22 | 39 | – | – |");
    }
}
