package io.tributary.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.benchmarks.Pipeline.Engine;
import io.tributary.benchmarks.Pipeline.Side;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void defaultsToAMillionRecordsTwoRunsAndBothWorkloads() {
        BenchmarkOptions options = BenchmarkOptions.parse();

        assertThat(options.records()).isEqualTo(1_000_000);
        assertThat(options.runs()).isEqualTo(2);
        assertThat(options.workloads()).containsExactly(new Workload(1), new Workload(6));
        assertThat(options.includes(Engine.CONNECT, Side.SINK)).isTrue();
    }

    @Test
    void readsRecordsWithSeparatorsAndTheOptions() {
        BenchmarkOptions options =
                BenchmarkOptions.parse("500_000", "--partitions=6", "--runs=3", "--only=tributary-source,raw-source");

        assertThat(options.records()).isEqualTo(500_000);
        assertThat(options.runs()).isEqualTo(3);
        assertThat(options.workloads()).containsExactly(new Workload(6));
        assertThat(options.includes(Engine.TRIBUTARY, Side.SOURCE)).isTrue();
        assertThat(options.includes(Engine.RAW, Side.SOURCE)).isTrue();
        assertThat(options.includes(Engine.TRIBUTARY, Side.SINK)).isFalse();
        assertThat(BenchmarkOptions.parse("1,000,000").records()).isEqualTo(1_000_000);
    }

    @Test
    void smokeIsAFewThousandRecords() {
        assertThat(BenchmarkOptions.parse("--smoke").records()).isEqualTo(BenchmarkOptions.SMOKE_RECORDS);
    }

    @Test
    void refusesUnknownPipelinesAndOptionsByName() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--only=tributary-transform"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tributary-transform'")
                .hasMessageContaining("connect-sink");
        assertThat(BenchmarkOptions.parse("--only=tributary-datagen").includes(Engine.TRIBUTARY, Side.DATAGEN))
                .isTrue();
        assertThatThrownBy(() -> BenchmarkOptions.parse("--only=connect-datagen"))
                .as("Kafka Connect cannot run the SDK's datagen connector")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'connect-datagen'");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown option '--fast'");
        assertThatThrownBy(() -> BenchmarkOptions.parse("many"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RECORDS must be a whole number, got 'many'");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--partitions=0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one partition");
    }

    @Test
    void splitsRecordsOverTasksWithoutLosingAny() {
        long total = 0;
        for (int task = 0; task < 6; task++) {
            total += BenchRecords.share(1_000_003, 6, task);
        }

        assertThat(total).isEqualTo(1_000_003);
        assertThat(BenchRecords.share(1_000_003, 6, 0)).isEqualTo(166_668);
        assertThat(BenchRecords.share(1_000_003, 6, 5)).isEqualTo(166_667);
    }
}
