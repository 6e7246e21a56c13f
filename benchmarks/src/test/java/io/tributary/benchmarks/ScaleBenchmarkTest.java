package io.tributary.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleBenchmarkTest {
    @Test
    void readsGiveTheMedianTheNinetyNinthPercentileAndTheSlowest() {
        List<Double> millis = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            millis.add((double) i);
        }
        Collections.shuffle(millis);

        ScaleBenchmark.Reads reads = ScaleBenchmark.Reads.of(millis, 1, 2, 3);

        assertThat(reads.count()).isEqualTo(200);
        assertThat(reads.medianMs()).isEqualTo(100.5);
        assertThat(reads.p99Ms()).as("the 198th of 200").isEqualTo(198.0);
        assertThat(reads.maxMs()).isEqualTo(200.0);
        assertThat(List.of(reads.conflicts(), reads.serverErrors(), reads.failed()))
                .containsExactly(1, 2, 3);
        assertThat(ScaleBenchmark.Reads.of(List.of(), 0, 0, 0)).isSameAs(ScaleBenchmark.Reads.NONE);
    }

    @Test
    void aRunThatDidNotFinishShowsHowFarItCameAndDashesForTheRest() {
        List<ScaleBenchmark.Row> rows = List.of(
                new ScaleBenchmark.Row(
                        "Tributary",
                        100,
                        "8.7",
                        0,
                        2.94,
                        270.4,
                        211.6,
                        new ScaleBenchmark.Reads(46, 14.3, 21.9, 22.4, 0, 0, 0)),
                new ScaleBenchmark.Row(
                        "Kafka Connect",
                        1000,
                        "not within 90 s: 412 created",
                        3,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        ScaleBenchmark.Reads.NONE));

        assertThat(ScaleBenchmark.table(rows).lines().skip(2).toList())
                .containsExactly(
                        "| Tributary | 100 | 8.7 | 0 | 2.9 | 270 | 212 | 46 | 14.3 | 21.9 | 22 | 0 | 0 | 0 |",
                        "| Kafka Connect | 1000 | not within 90 s: 412 created | 3 | – | – | – | 0 | – | – | – | 0 | 0 | 0 |");
    }
}
