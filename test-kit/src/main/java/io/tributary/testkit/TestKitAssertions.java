package io.tributary.testkit;

import io.tributary.testkit.assertions.TableAssert;
import io.tributary.testkit.assertions.TopicAssert;
import io.tributary.testkit.assertions.TopicAssertions;
import org.assertj.core.api.Assertions;

/**
 * The one entry point for the test kit's assertions, beside all of AssertJ's: one static import.
 *
 * <pre>{@code
 * import static io.tributary.testkit.TestKitAssertions.*;
 *
 * assertThatTopic(kafka, "orders").hasRecordCount(3);
 * assertThatTable(db, "orders").containsRow(Map.of("id", 1));
 * assertThat(List.of(1, 2)).hasSize(2);                // AssertJ as usual
 * }</pre>
 */
public class TestKitAssertions extends Assertions {

    /** For static use; subclass only to add assertions of your own. */
    protected TestKitAssertions() {}

    /**
     * Starts assertions on what a topic holds; each waits up to {@link Waits#defaultTimeout()} unless
     * {@link TopicAssert#within(java.time.Duration)} says otherwise.
     *
     * @param cluster the cluster that holds the topic
     * @param topic the topic
     * @return the assertion
     */
    public static TopicAssert assertThatTopic(KafkaCluster cluster, String topic) {
        return TopicAssertions.topic(cluster, topic);
    }

    /**
     * Starts assertions on what a table holds; each waits up to {@link Waits#defaultTimeout()} unless
     * {@link TableAssert#within(java.time.Duration)} says otherwise.
     *
     * @param database the database that holds the table
     * @param table the table
     * @return the assertion
     */
    public static TableAssert assertThatTable(Database database, String table) {
        return TopicAssertions.table(database, table);
    }
}
