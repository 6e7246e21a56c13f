package io.tributary.runtime.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.WithKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A topic read as a log: from the beginning on start, then as it comes, with reads up to one's own writes. */
@WithKafka
class TopicLogIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aLogReadsWhatWasWrittenBeforeAndAfterItStarted(KafkaCluster kafka) throws Exception {
        String topic = kafka.createTopic("log", 3);
        Map<String, Object> clients = Map.of("bootstrap.servers", kafka.bootstrapServers());
        List<String> first = new CopyOnWriteArrayList<>();
        try (TopicLog writer = new TopicLog(topic, clients, r -> first.add(r.key() + "=" + r.value()))) {
            writer.start(TIMEOUT);
            writer.send("a", "1").get(30, TimeUnit.SECONDS);
            writer.send("b", "2").get(30, TimeUnit.SECONDS);
            writer.send("a", null).get(30, TimeUnit.SECONDS);

            writer.readToEnd().get(30, TimeUnit.SECONDS);

            assertThat(first).containsExactlyInAnyOrder("a=1", "b=2", "a=null");
            assertThat(first.indexOf("a=1")).isLessThan(first.indexOf("a=null"));
        }

        List<String> second = new CopyOnWriteArrayList<>();
        try (TopicLog reader = new TopicLog(topic, clients, r -> second.add(r.key() + "=" + r.value()))) {
            reader.start(TIMEOUT);

            assertThat(second)
                    .as("everything before start, read by start")
                    .containsExactlyInAnyOrder("a=1", "b=2", "a=null");
        }
    }

    /**
     * A read to the end when nothing new was written does not wait behind the reader's own fetch, which the
     * broker holds until a record comes or {@code fetch.max.wait.ms} passes; here that is a minute.
     */
    @Test
    void aReadToTheEndWithNothingNewDoesNotWaitForTheFetchUnderWay(KafkaCluster kafka) throws Exception {
        String topic = kafka.createTopic("log", 1);
        Map<String, Object> clients =
                Map.of("bootstrap.servers", kafka.bootstrapServers(), "fetch.max.wait.ms", 60_000);
        try (TopicLog log = new TopicLog(topic, clients, r -> {})) {
            log.start(TIMEOUT);
            log.send("a", "1").get(30, TimeUnit.SECONDS);
            log.readToEnd().get(30, TimeUnit.SECONDS);

            for (int read = 0; read < 3; read++) {
                log.readToEnd().get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aMissingTopicIsRefusedWithItsName(KafkaCluster kafka) {
        Map<String, Object> clients =
                Map.of("bootstrap.servers", kafka.bootstrapServers(), "allow.auto.create.topics", "false");
        try (TopicLog log = new TopicLog("no-such-log-topic", clients, r -> {})) {
            assertThatThrownBy(() -> log.start(Duration.ofSeconds(5)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no-such-log-topic");
        }
    }
}
