package io.tributary.testkit.contract;

import static io.tributary.testkit.contract.ContractViolation.check;

import io.tributary.sdk.annotation.Evolving;
import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.sdk.sink.SinkConnector;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTask;
import io.tributary.testkit.driver.ReportedRecord;
import io.tributary.testkit.driver.SinkTaskDriver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The runtime's contract for sink connectors, as JUnit 5 tests: implement it in a test class, give the
 * connector, a valid configuration, and a way to read what the external system holds, and each contract
 * point runs as a test of its own. The task runs through {@link SinkTaskDriver}, the runtime's own task
 * runner without Kafka, on records of {@link #topic()} with the keys and values of {@link #key(int)} and
 * {@link #value(int)}.
 *
 * <pre>{@code
 * class LinesSinkContractTest implements SinkConnectorContract<LinesSinkConnector> {
 *     @TempDir Path dir;
 *
 *     public LinesSinkConnector newConnector() { return new LinesSinkConnector(); }
 *     public Map<String, String> validConfig() { return Map.of("file", dir.resolve("out.txt").toString()); }
 *     public List<?> externalData() throws IOException { return Files.readAllLines(dir.resolve("out.txt")); }
 *     public Optional<SchemaAndValue> badValue() { return Optional.of(new SchemaAndValue(null, "two\nlines")); }
 * }
 * }</pre>
 *
 * <p>Beside the points of {@link ConnectorContract}, it checks that:
 *
 * <ul>
 *   <li>after {@code put} and the commit that calls {@code preCommit}, the external system holds every
 *       record, and the offsets committed cover them;
 *   <li>a batch delivered again is written once, when the connector claims idempotent writes;
 *   <li>a record the connector cannot write goes to the errant record reporter, and its neighbours are
 *       written (skipped, with the reason, unless {@link #badValue()} gives one);
 *   <li>partitions closed and opened again by rebalances keep every record;
 *   <li>a task tolerates a stop before start and a second stop.
 * </ul>
 *
 * @param <C> the connector type
 */
@Evolving
public interface SinkConnectorContract<C extends SinkConnector> extends ConnectorContract<C> {

    /**
     * What the external system holds now, one element for each record written there, in any order:
     * lines of a file, rows of a table (as their values, or the id of each).
     *
     * @return the elements; never null
     * @throws Exception if the system cannot be read; the contract point fails with it
     */
    List<?> externalData() throws Exception;

    /**
     * The element of {@link #externalData()} that a record becomes; its value by default.
     *
     * @param record a record the contract put
     * @return what the external system holds for it
     */
    default Object expectedData(SinkRecord record) {
        return record.value();
    }

    /**
     * The key of the {@code i}-th record the contract writes; a string by default.
     *
     * @param i the record's number, from 0
     * @return its key and schema
     */
    default SchemaAndValue key(int i) {
        return new SchemaAndValue(Schema.STRING_SCHEMA, "key-" + i);
    }

    /**
     * The value of the {@code i}-th record the contract writes; a string by default.
     *
     * @param i the record's number, from 0
     * @return its value and schema
     */
    default SchemaAndValue value(int i) {
        return new SchemaAndValue(Schema.STRING_SCHEMA, "value-" + i);
    }

    /**
     * A value the connector cannot write and reports to the errant record reporter. None by default,
     * which skips that point.
     *
     * @return the value and its schema, if there is one
     */
    default Optional<SchemaAndValue> badValue() {
        return Optional.empty();
    }

    /**
     * Whether writing the same record twice leaves it once in the external system (an upsert by key, a
     * write keyed by topic, partition and offset). False by default, which skips that point.
     *
     * @return whether the connector claims idempotent writes
     */
    default boolean idempotentWrites() {
        return false;
    }

    /**
     * The topic of the records the contract writes.
     *
     * @return the topic; {@code contract-topic} by default
     */
    default String topic() {
        return "contract-topic";
    }

    /** After put and the commit (preCommit), the external system holds every record. */
    @Test
    default void putThenPreCommitMakesDataDurable() {
        String point = "put then preCommit makes the data durable";
        check(point, () -> {
            TopicPartition p0 = new TopicPartition(topic(), 0);
            try (SinkTaskDriver<SinkTask> driver = driver(point, false, p0)) {
                Map<TopicPartition, Long> next = new HashMap<>();
                List<SinkRecord> records = put(driver, next, p0, 0, 5);
                Map<TopicPartition, Long> committed = driver.commit();
                requireHolds(records);
                Long offset = committed.get(p0);
                if (offset == null || offset != 5L) {
                    throw new AssertionError("after 5 records were put and written, preCommit let the runtime commit "
                            + committed + " instead of offset 5 of " + p0
                            + "; return the offsets of what is durable from preCommit");
                }
            }
        });
    }

    /** Delivered again, as after a crash before the commit, a batch is written once. */
    @Test
    default void aRedeliveredBatchIsWrittenOnce() {
        String point = "a redelivered batch is idempotent where the connector claims it";
        check(point, () -> {
            Assumptions.assumeTrue(
                    idempotentWrites(),
                    "The connector does not claim idempotent writes (idempotentWrites() is false), so a batch"
                            + " delivered twice may be written twice");
            TopicPartition p0 = new TopicPartition(topic(), 0);
            try (SinkTaskDriver<SinkTask> driver = driver(point, false, p0)) {
                Map<TopicPartition, Long> next = new HashMap<>();
                List<SinkRecord> records = put(driver, next, p0, 0, 5);
                driver.commit();
                put(driver, next, p0, 0, 5); // the same keys and values again, as a redelivery brings them
                driver.commit();
                requireHolds(records);
            }
        });
    }

    /** A record the connector cannot write goes to the errant record reporter; its neighbours are written. */
    @Test
    default void aBadRecordGoesToTheErrantRecordReporter() {
        String point = "a bad record goes to the errant record reporter";
        check(point, () -> {
            Optional<SchemaAndValue> bad = badValue();
            Assumptions.assumeTrue(
                    bad.isPresent(),
                    "badValue() gives no value the connector cannot write; override it to check this point");
            TopicPartition p0 = new TopicPartition(topic(), 0);
            try (SinkTaskDriver<SinkTask> driver = driver(point, true, p0)) {
                Map<TopicPartition, Long> next = new HashMap<>();
                List<SinkRecord> good = new ArrayList<>(put(driver, next, p0, 0, 1));
                SinkRecord poison = record(next, p0, key(1), bad.get());
                driver.put(poison);
                good.addAll(put(driver, next, p0, 2, 1));
                driver.commit();
                List<ReportedRecord> reported = driver.errantRecords();
                if (reported.size() != 1
                        || !reported.get(0).record().originalTopicPartition().equals(p0)
                        || reported.get(0).record().originalKafkaOffset() != poison.originalKafkaOffset()) {
                    throw new AssertionError("with the bad value " + bad.get().value()
                            + " between two good records, the errant record reporter got " + reported
                            + "; report a record that cannot be written with context.errantRecordReporter()");
                }
                requireHolds(good);
            }
        });
    }

    /** Partitions closed by a rebalance and opened again keep every record. */
    @Test
    default void openAndCloseOnRebalanceKeepEveryRecord() {
        String point = "open and close on rebalance are handled";
        check(point, () -> {
            TopicPartition p0 = new TopicPartition(topic(), 0);
            TopicPartition p1 = new TopicPartition(topic(), 1);
            try (SinkTaskDriver<SinkTask> driver = driver(point, false, p0, p1)) {
                Map<TopicPartition, Long> next = new HashMap<>();
                List<SinkRecord> records = new ArrayList<>();
                records.addAll(put(driver, next, p0, 0, 2));
                records.addAll(put(driver, next, p1, 2, 2));
                driver.rebalance(p1); // p0 leaves: commit, close(p0)
                records.addAll(put(driver, next, p1, 4, 2));
                driver.rebalance(p0, p1); // p0 comes back: open(p0)
                records.addAll(put(driver, next, p0, 6, 2));
                driver.commit();
                requireHolds(records);
            }
        });
    }

    /** A task tolerates stop() before start() and a second stop(). */
    @Test
    default void taskToleratesAStopBeforeStartAndASecondStop() {
        String point = "the task tolerates a stop twice or before start";
        check(point, () -> {
            SinkTask unstarted = ContractSupport.newTask(this, SinkTask.class, point);
            try {
                unstarted.stop();
            } catch (RuntimeException e) {
                throw new AssertionError("stop() before start() threw " + e, e);
            }
            TopicPartition p0 = new TopicPartition(topic(), 0);
            SinkTaskDriver<SinkTask> driver = driver(point, false, p0);
            driver.stop();
            try {
                driver.task().stop();
            } catch (RuntimeException e) {
                throw new AssertionError("a second stop() threw " + e, e);
            }
        });
    }

    private SinkTaskDriver<SinkTask> driver(String point, boolean tolerateErrors, TopicPartition... partitions) {
        Map<String, String> taskConfig = ContractSupport.firstTaskConfig(this, point);
        ContractSupport.newTask(this, SinkTask.class, point); // fails here, naming the point, if it cannot be made
        SinkTaskDriver.Builder<SinkTask> builder = SinkTaskDriver.<SinkTask>forTask(
                        () -> ContractSupport.newTask(this, SinkTask.class, point))
                .config(taskConfig);
        if (tolerateErrors) {
            builder.connectorSetting("errors.tolerance", "all");
        }
        return builder.start(partitions);
    }

    /** Puts records {@code first} to {@code first + count - 1} at the partition's next offsets. */
    private List<SinkRecord> put(
            SinkTaskDriver<SinkTask> driver,
            Map<TopicPartition, Long> next,
            TopicPartition partition,
            int first,
            int count) {
        List<SinkRecord> records = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            records.add(record(next, partition, key(i), value(i)));
        }
        driver.put(records);
        return records;
    }

    private static SinkRecord record(
            Map<TopicPartition, Long> next, TopicPartition partition, SchemaAndValue key, SchemaAndValue value) {
        long offset = next.merge(partition, 1L, Long::sum) - 1;
        return SinkRecord.builder()
                .topic(partition.topic())
                .partition(partition.partition())
                .kafkaOffset(offset)
                .key(key.schema(), key.value())
                .value(value.schema(), value.value())
                .build();
    }

    private void requireHolds(List<SinkRecord> records) throws Exception {
        List<Object> expected = new ArrayList<>();
        for (SinkRecord record : records) {
            expected.add(expectedData(record));
        }
        List<?> held = externalData();
        List<Object> missing = new ArrayList<>(expected);
        List<Object> extra = new ArrayList<>(held);
        for (Object element : expected) {
            extra.remove(element);
        }
        for (Object element : held) {
            missing.remove(element);
        }
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new AssertionError("the external system should hold " + expected + " but holds " + held
                    + (missing.isEmpty() ? "" : "; missing " + missing)
                    + (extra.isEmpty() ? "" : "; more than expected: " + extra));
        }
    }
}
