package io.tributary.benchmarks;

import io.tributary.benchmarks.Pipeline.Engine;
import io.tributary.benchmarks.Pipeline.Side;
import java.time.Duration;

/**
 * The measured run of one pipeline on one workload.
 *
 * @param workload partitions and tasks
 * @param side source or sink
 * @param engine raw client, Tributary or Kafka Connect
 * @param records the records moved
 * @param elapsed from start until the benchmark saw them all
 */
record Result(Workload workload, Side side, Engine engine, long records, Duration elapsed) {

    /** @return records per second */
    double recordsPerSecond() {
        return records / (elapsed.toNanos() / 1e9);
    }
}
