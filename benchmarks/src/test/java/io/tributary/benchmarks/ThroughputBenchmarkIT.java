package io.tributary.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.benchmarks.Pipeline.Engine;
import io.tributary.benchmarks.Pipeline.Side;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs every pipeline once on a few records, so the benchmark keeps working as the runtime changes. */
class ThroughputBenchmarkIT {

    @Test
    void everyPipelineMovesAllItsRecords() throws Exception {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        BenchmarkOptions options = BenchmarkOptions.parse("2000", "--runs=1", "--partitions=2");

        List<Result> results = ThroughputBenchmark.run(options, new PrintStream(report, true, StandardCharsets.UTF_8));

        assertThat(results)
                .extracting(r -> BenchmarkOptions.name(r.engine(), r.side()))
                .containsExactly(
                        "raw-source",
                        "tributary-source",
                        "connect-source",
                        "adapted-source",
                        "raw-datagen",
                        "tributary-datagen",
                        "raw-sink",
                        "tributary-sink",
                        "connect-sink",
                        "adapted-sink");
        assertThat(results).allSatisfy(r -> assertThat(r.recordsPerSecond()).isPositive());
        // A run that moved more or fewer records than asked says so in its line.
        assertThat(report.toString(StandardCharsets.UTF_8)).doesNotContain("records moved");
        assertThat(ResultTable.format(results))
                .contains("| 2 partitions, 2 tasks | source  |")
                .contains("| 2 partitions, 2 tasks | datagen |")
                .contains("| 2 partitions, 2 tasks | sink    |");
        assertThat(results)
                .filteredOn(r -> r.engine() == Engine.TRIBUTARY && r.side() == Side.SINK)
                .singleElement()
                .satisfies(r -> assertThat(r.records()).isEqualTo(2000));
        assertThat(results)
                .filteredOn(r -> r.side() == Side.DATAGEN)
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.records()).isEqualTo(2000));
    }
}
