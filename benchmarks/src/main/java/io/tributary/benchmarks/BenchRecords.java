package io.tributary.benchmarks;

import java.nio.charset.StandardCharsets;

/** What every measured path moves, so the paths differ only in the code between the task and Kafka. */
public final class BenchRecords {
    /** Size of each record's value, in bytes. */
    static final int VALUE_SIZE = 100;

    /** The value of every record: built once, so producing a record costs a source task nothing. */
    public static final String VALUE = "x".repeat(VALUE_SIZE);

    /** {@link #VALUE} as UTF-8, for the raw producer. */
    static final byte[] VALUE_BYTES = VALUE.getBytes(StandardCharsets.UTF_8);

    /** Records a source task returns from one poll, in Tributary and in Connect alike. */
    static final int POLL_BATCH = 1000;

    /**
     * How long a source task that has returned all its records waits in poll before returning nothing:
     * it idles like a task waiting for data instead of spinning on a core the other tasks need.
     */
    static final long IDLE_POLL_MS = 10;

    private BenchRecords() {}

    /**
     * Splits records evenly over tasks, the first tasks taking one more when they do not divide.
     *
     * @param total the records of the run
     * @param parts the number of tasks
     * @param index a task's index, from 0
     * @return how many records that task moves
     */
    public static long share(long total, int parts, int index) {
        return total / parts + (index < total % parts ? 1 : 0);
    }
}
