package io.tributary.testkit.assertions;

import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.Waits;
import io.tributary.testkit.kafka.KafkaRecord;
import io.tributary.testkit.kafka.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a topic holds, each waiting until it holds or the deadline passes, since records
 * written by a connector arrive over time. Reads every partition from the beginning. On failure the
 * message says what was expected and shows the records that were read:
 *
 * <pre>{@code
 * assertThatTopic(kafka, "orders")
 *         .within(Duration.ofSeconds(10))
 *         .hasRecordCount(3)
 *         .containsValues("a", "b", "c")
 *         .hasValuesInOrderPerPartition("a", "b", "c");
 * }</pre>
 *
 * <p>Each assertion reads the topic from the beginning. Not thread-safe.
 */
public final class TopicAssert extends AbstractAssert<TopicAssert, String> {
    private final KafkaCluster cluster;
    private Duration timeout = Waits.defaultTimeout();

    TopicAssert(KafkaCluster cluster, String topic) {
        super(topic, TopicAssert.class);
        this.cluster = Objects.requireNonNull(cluster, "cluster");
    }

    /**
     * @param deadline how long each following assertion may wait
     * @return this assertion
     */
    public TopicAssert within(Duration deadline) {
        this.timeout = Objects.requireNonNull(deadline, "deadline");
        return this;
    }

    /**
     * Waits until the topic holds exactly {@code expected} records. Checks once more after reaching the
     * count, so extra records written right behind are caught too.
     *
     * @param expected the number of records
     * @return this assertion
     */
    public TopicAssert hasRecordCount(int expected) {
        List<KafkaRecord> records = awaitRecords(r -> r.size() >= expected);
        if (records.size() != expected) {
            fail("have " + expected + " records", records);
        }
        List<KafkaRecord> settled = readToEnd();
        if (settled.size() != expected) {
            fail("have " + expected + " records", settled);
        }
        return this;
    }

    /**
     * Waits until the topic holds {@code expected} records, then checks that no more arrive during a quiet
     * period. Use it for a connector that writes a known number of records and goes on running: {@link
     * #hasRecordCount(int)} passes the moment the count is reached, even if more are on the way.
     *
     * <pre>{@code
     * assertThatTopic(kafka, topic).settlesAtRecordCount(150, Duration.ofSeconds(2));
     * }</pre>
     *
     * @param expected the number of records
     * @param quietPeriod how long no further record may arrive after the count is reached
     * @return this assertion
     */
    public TopicAssert settlesAtRecordCount(int expected, Duration quietPeriod) {
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        try (TopicReader reader = cluster.reader(actual)) {
            reader.readUntil(r -> r.size() >= expected, timeout);
            if (reader.records().size() != expected) {
                fail("have " + expected + " records", reader.records());
            }
            if (reader.readUntil(r -> r.size() > expected, quietPeriod)) {
                failWithMessage(
                        "Expected topic '%s' to stay at %d records for %s but %d more arrived: %s",
                        actual,
                        expected,
                        quietPeriod,
                        reader.records().size() - expected,
                        reader.records().subList(expected, reader.records().size()));
            }
        }
        return this;
    }

    /**
     * @param minimum the least number of records
     * @return this assertion
     */
    public TopicAssert hasAtLeastRecords(int minimum) {
        awaitOrFail("have at least " + minimum + " records", r -> r.size() >= minimum);
        return this;
    }

    /**
     * Waits until the values (as UTF-8 text) include all the given ones, in any order.
     *
     * @param values the values
     * @return this assertion
     */
    public TopicAssert containsValues(String... values) {
        awaitOrFail(
                "contain values " + Arrays.toString(values),
                r -> texts(r, KafkaRecord::valueAsString).containsAll(Arrays.asList(values)));
        return this;
    }

    /**
     * Waits until the values (as UTF-8 text), read partition by partition in offset order, are exactly
     * the given ones. Meant for single-partition topics, where that is the write order.
     *
     * @param values the values
     * @return this assertion
     */
    public TopicAssert containsExactlyValues(String... values) {
        List<String> expected = Arrays.asList(values);
        awaitOrFail(
                "contain exactly values " + expected,
                r -> r.size() >= expected.size()
                        && texts(r, KafkaRecord::valueAsString).equals(expected));
        List<KafkaRecord> settled = readToEnd();
        if (!texts(settled, KafkaRecord::valueAsString).equals(expected)) {
            fail("contain exactly values " + expected, settled);
        }
        return this;
    }

    /**
     * Waits until the keys (as UTF-8 text) include all the given ones, in any order.
     *
     * @param keys the keys
     * @return this assertion
     */
    public TopicAssert containsKeys(String... keys) {
        awaitOrFail(
                "contain keys " + Arrays.toString(keys),
                r -> texts(r, KafkaRecord::keyAsString).containsAll(Arrays.asList(keys)));
        return this;
    }

    /**
     * Waits until some record has a header with the given value.
     *
     * @param key the header key
     * @param value its value as UTF-8 text
     * @return this assertion
     */
    public TopicAssert hasRecordWithHeader(String key, String value) {
        awaitOrFail(
                "have a record with header " + key + "=" + value,
                r -> r.stream()
                        .anyMatch(record ->
                                record.header(key).filter(value::equals).isPresent()));
        return this;
    }

    /**
     * Checks that every record read so far has a header of the given key (read to the end first).
     *
     * @param key the header key
     * @return this assertion
     */
    public TopicAssert allRecordsHaveHeader(String key) {
        List<KafkaRecord> records = readToEnd();
        List<KafkaRecord> without =
                records.stream().filter(r -> r.header(key).isEmpty()).toList();
        if (!without.isEmpty()) {
            failWithMessage(
                    "Expected every record of topic '%s' to have header '%s' but %d did not: %s",
                    actual, key, without.size(), without);
        }
        return this;
    }

    /**
     * Waits until every given value arrived, then checks that within each partition they appear in the
     * given relative order: the per-partition ordering a producer with idempotence keeps.
     *
     * @param values the values in the order they were written
     * @return this assertion
     */
    public TopicAssert hasValuesInOrderPerPartition(String... values) {
        containsValues(values);
        List<String> expected = Arrays.asList(values);
        Map<Integer, List<String>> perPartition = new HashMap<>();
        for (KafkaRecord record : readToEnd()) {
            if (expected.contains(record.valueAsString())) {
                perPartition
                        .computeIfAbsent(record.partition(), p -> new ArrayList<>())
                        .add(record.valueAsString());
            }
        }
        perPartition.forEach((partition, seen) -> {
            List<String> wanted = expected.stream().filter(seen::contains).toList();
            if (!seen.equals(wanted)) {
                failWithMessage(
                        "Expected partition %d of topic '%s' to hold values in the order %s but was %s",
                        partition, actual, wanted, seen);
            }
        });
        return this;
    }

    /**
     * Waits until an assertion on the records read so far passes.
     *
     * @param requirements an assertion, for example with AssertJ
     * @return this assertion
     */
    public TopicAssert eventuallySatisfies(Consumer<List<KafkaRecord>> requirements) {
        try (TopicReader reader = cluster.reader(actual)) {
            Waits.untilAsserted("the records of topic '" + actual + "' to satisfy the requirements", timeout, () -> {
                reader.readUntil(r -> true, Duration.ZERO);
                requirements.accept(reader.records());
            });
        }
        return this;
    }

    /** @return every record in the topic now */
    public List<KafkaRecord> records() {
        return readToEnd();
    }

    private List<KafkaRecord> readToEnd() {
        try (TopicReader reader = cluster.reader(actual)) {
            return reader.readToEnd(timeout);
        }
    }

    private List<KafkaRecord> awaitRecords(Predicate<List<KafkaRecord>> condition) {
        try (TopicReader reader = cluster.reader(actual)) {
            reader.readUntil(condition, timeout);
            return reader.records();
        }
    }

    private void awaitOrFail(String expectation, Predicate<List<KafkaRecord>> condition) {
        List<KafkaRecord> records = awaitRecords(condition);
        if (!condition.test(records)) {
            fail(expectation, records);
        }
    }

    private void fail(String expectation, List<KafkaRecord> records) {
        failWithMessage(
                "Expected topic '%s' to %s within %s but was %d records: %s",
                actual, expectation, timeout, records.size(), records);
    }

    private static List<String> texts(List<KafkaRecord> records, Function<KafkaRecord, String> text) {
        return records.stream().map(text).toList();
    }
}
