package io.tributary.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.benchmarks.Pipeline.Engine;
import io.tributary.benchmarks.Pipeline.Side;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {
    private static final Workload ONE = new Workload(1);

    @Test
    void showsRatesAndTributarysRatiosToRawAndConnect() {
        List<Result> results = List.of(
                result(Side.SOURCE, Engine.RAW, 2_000),
                result(Side.SOURCE, Engine.TRIBUTARY, 2_500),
                result(Side.SOURCE, Engine.CONNECT, 10_000),
                result(Side.SOURCE, Engine.ADAPTED, 5_000));

        String table = ResultTable.format(results);

        assertThat(table.lines())
                .containsExactly(
                        "| workload            | path   | raw records/s | Tributary records/s | Connect records/s |"
                                + " Tributary/raw | Tributary/Connect | Connect plugin on Tributary records/s |"
                                + " plugin on Tributary/Connect |",
                        "| ------------------- | ------ | ------------: | ------------------: | ----------------: |"
                                + " ------------: | ----------------: | ------------------------------------: |"
                                + " --------------------------: |",
                        "| 1 partition, 1 task | source |       500,000 |             400,000 |           100,000 |"
                                + "          0.80 |              4.00 |                               200,000 |"
                                + "                        2.00 |");
    }

    @Test
    void showsADashForWhatWasNotMeasured() {
        String table = ResultTable.format(List.of(result(Side.SINK, Engine.TRIBUTARY, 1_000)));

        assertThat(table.lines().skip(2).findFirst())
                .hasValueSatisfying(row -> assertThat(row.replaceAll(" +", " "))
                        .isEqualTo("| 1 partition, 1 task | sink | - | 1,000,000 | - | - | - | - | - |"));
    }

    private static Result result(Side side, Engine engine, long millis) {
        return new Result(ONE, side, engine, 1_000_000, Duration.ofMillis(millis));
    }
}
