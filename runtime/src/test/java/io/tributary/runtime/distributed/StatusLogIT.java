package io.tributary.runtime.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.runtime.worker.State;
import io.tributary.runtime.worker.Status;
import io.tributary.sdk.connector.TaskId;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.Waits;
import io.tributary.testkit.WithKafka;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Statuses through the status topic: every worker sees every other's, and a zombie's late write is ignored. */
@WithKafka
class StatusLogIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void workersSeeEachOthersStatusesAndIgnoreAnOlderGeneration(KafkaCluster kafka) {
        String topic = kafka.createTopic("statuses", 5);
        Map<String, Object> clients = Map.of("bootstrap.servers", kafka.bootstrapServers());
        AtomicInteger generationOfA = new AtomicInteger(3);
        AtomicInteger generationOfB = new AtomicInteger(4);
        TaskId task = new TaskId("orders", 0);
        try (StatusLog a = new StatusLog(topic, clients, "a:8083", generationOfA::get);
                StatusLog b = new StatusLog(topic, clients, "b:8083", generationOfB::get)) {
            a.start(TIMEOUT);
            b.start(TIMEOUT);

            a.store().connectorStatus("orders", new Status(State.RUNNING, null, "a:8083"));
            a.store().taskStatus(task, new Status(State.RUNNING, null, "a:8083"));
            a.store().topicUsed("orders", "orders-topic");
            Waits.until(
                    "b sees a's statuses",
                    () -> b.store().task(task).isPresent()
                            && b.store().connector("orders").isPresent()
                            && b.store().activeTopics("orders").contains("orders-topic"));
            assertThat(b.store().task(task).orElseThrow().workerId()).isEqualTo("a:8083");

            // The task moved to b in generation 4; then a, cut off and still at generation 3, reports late.
            b.store().taskStatus(task, new Status(State.RUNNING, null, "b:8083"));
            Waits.until(
                    "a sees the task on b",
                    () -> a.store().task(task).map(Status::workerId).orElse("").equals("b:8083"));
            a.store().taskStatus(task, new Status(State.FAILED, "late", "a:8083"));
            b.store().connectorStatus("marker", new Status(State.RUNNING, null, "b:8083"));
            Waits.until(
                    "a's late write and b's marker both read",
                    () -> a.store().connector("marker").isPresent());

            assertThat(b.store().task(task).orElseThrow().workerId())
                    .as("the zombie's late write is ignored")
                    .isEqualTo("b:8083");
        }
        try (StatusLog late = new StatusLog(topic, clients, "c:8083", () -> 5)) {
            late.start(TIMEOUT);

            assertThat(late.store().task(task).orElseThrow().workerId()).isEqualTo("b:8083");
            assertThat(late.store().connector("orders").orElseThrow().state()).isEqualTo(State.RUNNING);
        }
    }
}
