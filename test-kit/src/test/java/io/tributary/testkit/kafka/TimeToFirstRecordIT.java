package io.tributary.testkit.kafka;

import static io.tributary.testkit.TestKitAssertions.assertThat;

import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.Provider;
import io.tributary.testkit.Waits;
import io.tributary.testkit.WithKafka;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Measures, for the README, the time from a test's start to the first record read back, including
 * the start of a cluster of its own. Prints the figure; asserts only that the record came back.
 */
class TimeToFirstRecordIT {
    private long testStarted;

    @BeforeEach
    void markStart() {
        testStarted = System.nanoTime();
    }

    @Test
    @WithKafka(dedicated = true, provider = Provider.EMBEDDED)
    void embedded(KafkaCluster kafka) {
        report("embedded", roundTrip(kafka));
    }

    @Test
    @WithKafka(dedicated = true, provider = Provider.CONTAINER)
    void container(KafkaCluster kafka) {
        report("container", roundTrip(kafka));
    }

    private static List<KafkaRecord> roundTrip(KafkaCluster kafka) {
        kafka.produce("first-record", "k", "hello");
        return kafka.readUntilCount("first-record", 1, Waits.defaultTimeout());
    }

    private void report(String provider, List<KafkaRecord> records) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - testStarted);
        assertThat(records).extracting(KafkaRecord::valueAsString).containsExactly("hello");
        System.out.printf("Time to first record read back, %s provider: %d ms%n", provider, elapsed.toMillis());
    }
}
