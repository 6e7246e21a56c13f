package io.tributary.testkit.contract;

import static io.tributary.testkit.contract.ContractViolation.check;

import io.tributary.sdk.annotation.Evolving;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.testkit.driver.SourceTaskDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The runtime's contract for source connectors, as JUnit 5 tests: implement it in a test class, give the
 * connector, a valid configuration and, when the source needs it, a way to create data, and each contract
 * point runs as a test of its own. The tasks run through {@link SourceTaskDriver}, the runtime's own task
 * runner without Kafka.
 *
 * <pre>{@code
 * class LinesSourceContractTest implements SourceConnectorContract<LinesSourceConnector> {
 *     @TempDir Path dir;
 *
 *     public LinesSourceConnector newConnector() { return new LinesSourceConnector(); }
 *     public Map<String, String> validConfig() {
 *         return Map.of("file", dir.resolve("in.txt").toString(), "topic", "lines");
 *     }
 *     public void createSourceData(int count) throws IOException {
 *         // append count lines to the file
 *     }
 * }
 * }</pre>
 *
 * <p>Beside the points of {@link ConnectorContract}, it checks that:
 *
 * <ul>
 *   <li>every record carries a topic, a source partition and a source offset;
 *   <li>a restarted task resumes from the committed offset: the records polled but not committed come
 *       again, in order per source partition, and none of those committed does;
 *   <li>an empty poll waits for data instead of returning at once, since the runtime polls again at once
 *       (skipped, with the reason, for a source that never runs dry);
 *   <li>a task tolerates a stop before start and a second stop.
 * </ul>
 *
 * @param <C> the connector type
 */
@Evolving
public interface SourceConnectorContract<C extends SourceConnector> extends ConnectorContract<C> {

    /**
     * Makes at least {@code count} more records available to the connector's source: rows inserted, lines
     * appended. The default does nothing, for a source that always has data.
     *
     * @param count how many records the next polls must be able to return
     * @throws Exception if the data cannot be made; the contract point fails with it
     */
    default void createSourceData(int count) throws Exception {}

    /**
     * How many records each point reads; at least 1, 10 by default.
     *
     * @return the number of records
     */
    default int recordsToCheck() {
        return 10;
    }

    /**
     * The most polls a point makes while it waits for {@link #recordsToCheck()} records.
     *
     * @return the number of polls; 100 by default
     */
    default int maxPolls() {
        return 100;
    }

    /** Every record has a topic, a source partition and a source offset. */
    @Test
    default void recordsCarryTheirTopicPartitionAndOffset() {
        String point = "records carry a topic, a source partition and a source offset";
        check(point, () -> {
            try (SourceTaskDriver<SourceTask> driver = driver(point)) {
                createSourceData(recordsToCheck());
                for (SourceRecord record : driver.pollUntil(recordsToCheck(), maxPolls())) {
                    if (record.topic() == null || record.topic().isBlank()) {
                        throw new AssertionError("a record has no topic: " + record);
                    }
                    if (record.sourcePartition() == null
                            || record.sourcePartition().isEmpty()) {
                        throw new AssertionError("a record has no source partition, so nothing of it can be"
                                + " committed and a restart reads it again: " + record);
                    }
                    if (record.sourceOffset() == null || record.sourceOffset().isEmpty()) {
                        throw new AssertionError(
                                "a record has no source offset, so a restart cannot resume" + " after it: " + record);
                    }
                }
            }
        });
    }

    /**
     * A restarted task resumes from the committed offset: what was polled but not committed comes again,
     * in order per source partition, and nothing committed comes again.
     */
    @Test
    default void aRestartResumesFromTheCommittedOffset() {
        String point = "a restart resumes from the committed offset, without gaps or repeats";
        check(point, () -> {
            int n = recordsToCheck();
            try (SourceTaskDriver<SourceTask> driver = driver(point)) {
                createSourceData(2 * n);
                List<SourceRecord> committed = driver.pollUntil(n, maxPolls());
                driver.commit();
                List<SourceRecord> uncommitted = driver.pollUntil(1, maxPolls());
                driver.restart();
                List<SourceRecord> again = driver.pollUntil(uncommitted.size(), maxPolls());

                Map<Map<String, ?>, List<SeenRecord>> before = SeenRecord.byPartition(uncommitted);
                Map<Map<String, ?>, List<SeenRecord>> after = SeenRecord.byPartition(again);
                for (Map.Entry<Map<String, ?>, List<SeenRecord>> partition : before.entrySet()) {
                    List<SeenRecord> resumed = after.getOrDefault(partition.getKey(), List.of());
                    List<SeenRecord> expected = partition.getValue();
                    if (resumed.size() < expected.size()
                            || !resumed.subList(0, expected.size()).equals(expected)) {
                        throw new AssertionError("after the restart, source partition " + partition.getKey()
                                + " should go on with the records polled but not committed, " + expected
                                + ", but went on with " + resumed);
                    }
                }
                List<SeenRecord> repeated = new ArrayList<>(SeenRecord.of(committed));
                repeated.retainAll(SeenRecord.of(again));
                if (!repeated.isEmpty()) {
                    throw new AssertionError(
                            "records whose offsets were committed came again after the restart: " + repeated);
                }
            }
        });
    }

    /**
     * A poll with nothing to return waits for data a little (10 ms or more) rather than returning at once:
     * the runtime polls again at once, so a task that does not wait spins a core.
     */
    @Test
    default void anEmptyPollWaitsForData() {
        String point = "an empty poll does not busy-loop";
        check(point, () -> {
            try (SourceTaskDriver<SourceTask> driver = driver(point)) {
                createSourceData(recordsToCheck());
                driver.pollUntil(recordsToCheck(), maxPolls());
                boolean dry = false;
                for (int i = 0; i < maxPolls() && !dry; i++) {
                    dry = driver.poll().isEmpty();
                }
                Assumptions.assumeTrue(
                        dry,
                        "The source returned records in each of " + maxPolls() + " polls after its data, so it never"
                                + " ran dry; this point applies to sources that can have nothing to read");
                int polls = 5;
                long started = System.nanoTime();
                for (int i = 0; i < polls; i++) {
                    if (!driver.poll().isEmpty()) {
                        Assumptions.abort("The source found new data while the point measured its empty polls");
                    }
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                if (took.compareTo(Duration.ofMillis(10L * polls)) < 0) {
                    throw new AssertionError(polls + " empty polls took " + took.toMillis() + " ms in all; wait for"
                            + " data in poll() (a short sleep or a blocking read, cut short by stop()) before"
                            + " returning an empty list");
                }
            }
        });
    }

    /** A task tolerates stop() before start() and a second stop(). */
    @Test
    default void taskToleratesAStopBeforeStartAndASecondStop() {
        String point = "the task tolerates a stop twice or before start";
        check(point, () -> {
            SourceTask unstarted = ContractSupport.newTask(this, SourceTask.class, point);
            try {
                unstarted.stop();
            } catch (RuntimeException e) {
                throw new AssertionError("stop() before start() threw " + e, e);
            }
            SourceTaskDriver<SourceTask> driver = driver(point);
            driver.stop();
            try {
                driver.task().stop();
            } catch (RuntimeException e) {
                throw new AssertionError("a second stop() threw " + e, e);
            }
        });
    }

    private SourceTaskDriver<SourceTask> driver(String point) {
        Map<String, String> taskConfig = ContractSupport.firstTaskConfig(this, point);
        ContractSupport.newTask(this, SourceTask.class, point); // fails here, naming the point, if it cannot be made
        return SourceTaskDriver.<SourceTask>forTask(() -> ContractSupport.newTask(this, SourceTask.class, point))
                .config(taskConfig)
                .start();
    }
}
