package io.tributary.testkit.db;

import static io.tributary.testkit.TestKitAssertions.assertThat;
import static io.tributary.testkit.TestKitAssertions.assertThatTable;
import static io.tributary.testkit.TestKitAssertions.assertThatTopic;

import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.PostgresDatabase;
import io.tributary.testkit.Provider;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.WithPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A class that needs both a Kafka cluster and PostgreSQL: the database server starts on a thread of its
 * own before the class runs, while the cluster starts for the first parameter that asks for it.
 */
@WithKafka(dedicated = true)
@WithPostgres(provider = Provider.EMBEDDED)
class KafkaAndPostgresIT {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaAndPostgresIT.class);
    private static long classStarted;

    @BeforeAll
    static void start(KafkaCluster kafka, PostgresDatabase db) {
        classStarted = System.nanoTime();
        LOG.info("Kafka at {} and {} ready", kafka.bootstrapServers(), db.description());
    }

    @Test
    void bothAreThereForTheTest(KafkaCluster kafka, PostgresDatabase db) {
        String topic = kafka.createTopic("rows", 1);
        kafka.produce(topic, "1", "one");
        db.execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, name TEXT)");
        db.execute("INSERT INTO rows VALUES (1, 'one')");

        assertThatTopic(kafka, topic).hasRecordCount(1);
        assertThatTable(db, "rows").hasRowCount(1);
        assertThat(classStarted).isPositive();
        assertThat(Thread.getAllStackTraces().keySet())
                .extracting(Thread::getName)
                .doesNotContain("tributary-testkit-database-start"); // started, and the thread is gone
    }
}
