package io.tributary.testkit.assertions;

import io.tributary.testkit.Database;
import io.tributary.testkit.KafkaCluster;

/** Makes {@link TopicAssert}s and {@link TableAssert}s for {@link io.tributary.testkit.TestKitAssertions}. */
public final class TopicAssertions {
    private TopicAssertions() {}

    /**
     * @param cluster the cluster that holds the topic
     * @param topic the topic
     * @return a new assertion
     */
    public static TopicAssert topic(KafkaCluster cluster, String topic) {
        return new TopicAssert(cluster, topic);
    }

    /**
     * @param database the database that holds the table
     * @param table the table
     * @return a new assertion
     */
    public static TableAssert table(Database database, String table) {
        return new TableAssert(database, table);
    }
}
