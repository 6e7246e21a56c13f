package io.tributary.benchmarks;

/**
 * The shape of a measurement: a topic with {@code partitions} partitions, moved by as many tasks (or, for
 * the raw clients, as many clients, each on its own thread).
 *
 * @param partitions the topic's partitions and the number of tasks, at least 1
 */
record Workload(int partitions) {
    Workload {
        if (partitions < 1) {
            throw new IllegalArgumentException("A workload needs at least one partition, got " + partitions);
        }
    }

    /** @return the number of tasks, one per partition */
    int tasks() {
        return partitions;
    }

    /** @return a label such as {@code 6 partitions, 6 tasks} */
    String label() {
        return partitions == 1 ? "1 partition, 1 task" : partitions + " partitions, " + partitions + " tasks";
    }

    /** @return a short form for names, such as {@code 6p} */
    String shortName() {
        return partitions + "p";
    }
}
