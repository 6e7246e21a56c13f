package io.tributary.runtime.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.runtime.control.NotLeaderException;
import io.tributary.runtime.control.TargetState;
import io.tributary.runtime.examples.CounterSourceConnector;
import io.tributary.runtime.rest.CountingSourceConnector;
import io.tributary.runtime.worker.State;
import io.tributary.runtime.worker.Status;
import io.tributary.sdk.connector.TaskId;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.Waits;
import io.tributary.testkit.WithKafka;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Three workers of one cluster on the embedded broker: a connector's six tasks spread, and move when one leaves. */
@WithKafka
class DistributedRuntimeIT {
    private final List<DistributedRuntime> workers = new ArrayList<>();

    private DistributedRuntime worker(KafkaCluster kafka, String group, String id) {
        return worker(kafka, group, id, Map.of());
    }

    private DistributedRuntime worker(KafkaCluster kafka, String group, String id, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        settings.put("group.id", group);
        settings.put("config.storage.topic", group + "-configs");
        settings.put("offset.storage.topic", group + "-offsets");
        settings.put("status.storage.topic", group + "-status");
        settings.put("config.storage.replication.factor", "1");
        settings.put("offset.storage.replication.factor", "1");
        settings.put("status.storage.replication.factor", "1");
        settings.put("offset.storage.partitions", "3");
        settings.put("status.storage.partitions", "3");
        settings.put("session.timeout.ms", "6000");
        settings.put("heartbeat.interval.ms", "1000");
        settings.put("offset.flush.interval.ms", "500");
        settings.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.putAll(more);
        DistributedRuntime worker = DistributedRuntime.start(settings, id, "http://" + id);
        workers.add(worker);
        return worker;
    }

    @AfterEach
    void stop() {
        workers.forEach(DistributedRuntime::close);
    }

    /**
     * Creates a connector the way the REST API does, through the control of whichever worker leads: the
     * others refuse with the leader's address.
     */
    private void create(String name, Map<String, String> config) {
        Waits.until("a worker that leads took connector " + name, () -> {
            for (DistributedRuntime worker : workers) {
                try {
                    worker.control().putConnectorConfig(name, config, TargetState.RUNNING, false);
                    return true;
                } catch (NotLeaderException e) {
                    // another worker leads
                }
            }
            return false;
        });
    }

    /** Which worker each task of the connector runs on, as a worker's status store says, RUNNING ones only. */
    private static Map<String, Long> tasksPerWorker(DistributedRuntime seenBy, String connector, int tasks) {
        return IntStream.range(0, tasks)
                .mapToObj(i -> seenBy.statuses().task(new TaskId(connector, i)))
                .filter(s -> s.isPresent() && s.get().state() == State.RUNNING)
                .map(s -> s.get().workerId())
                .collect(Collectors.groupingBy(w -> w, Collectors.counting()));
    }

    @Test
    void sixTasksSpreadOverThreeWorkersAndMoveWhenOneLeaves(KafkaCluster kafka) {
        String group = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = kafka.createTopic(group + "-data", 6);
        DistributedRuntime a = worker(kafka, group, "a:8083");
        worker(kafka, group, "b:8083");
        DistributedRuntime c = worker(kafka, group, "c:8083");

        create(
                "counter",
                Map.of(
                        "connector.class",
                        CountingSourceConnector.class.getName(),
                        "topic",
                        topic,
                        "tasks.max",
                        "6",
                        "count",
                        "1000000"));

        Waits.until(
                "six tasks RUNNING, two on each worker",
                () -> tasksPerWorker(a, "counter", 6).equals(Map.of("a:8083", 2L, "b:8083", 2L, "c:8083", 2L)));
        assertThat(a.statuses().connector("counter").map(Status::state)).hasValue(State.RUNNING);

        c.close();
        workers.remove(c);

        Waits.until(
                "c's tasks RUNNING on a and b, three each",
                () -> tasksPerWorker(a, "counter", 6).equals(Map.of("a:8083", 3L, "b:8083", 3L)));
    }

    @Test
    void everyNumberArrivesWhenAWorkerLeavesWhileTheSourceWrites(KafkaCluster kafka) {
        String group = "counting-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = kafka.createTopic(group + "-data", 6);
        int tasks = 6;
        int perTask = 5_000;
        DistributedRuntime a = worker(kafka, group, "a:8083");
        worker(kafka, group, "b:8083");
        DistributedRuntime c = worker(kafka, group, "c:8083");
        create(
                "counter",
                Map.of(
                        "connector.class", CountingSourceConnector.class.getName(),
                        "topic", topic,
                        "tasks.max", Integer.toString(tasks),
                        "count", Integer.toString(perTask)));
        kafka.readUntil(topic, records -> records.size() >= tasks * perTask / 10, java.time.Duration.ofSeconds(60));

        c.close();
        workers.remove(c);

        List<io.tributary.testkit.kafka.KafkaRecord> records = kafka.readUntil(
                topic,
                read -> read.stream()
                                .map(r -> r.keyAsString() + "/" + r.valueAsString())
                                .distinct()
                                .count()
                        == (long) tasks * perTask,
                java.time.Duration.ofSeconds(120));
        Map<String, Long> seen = records.stream()
                .collect(Collectors.groupingBy(r -> r.keyAsString() + "/" + r.valueAsString(), Collectors.counting()));
        long duplicates = records.size() - seen.size();
        System.out.printf(
                "%d records for %d numbers: %d duplicates after the worker left%n",
                records.size(), seen.size(), duplicates);
        // A clean leave commits the moved tasks' offsets before it hands them over, and their new workers read
        // the offsets up to then: at most a poll batch (100 records) per moved task comes again.
        assertThat(duplicates).as("records written twice").isLessThanOrEqualTo(2 * 100);
        for (int task = 0; task < tasks; task++) {
            for (int n = 0; n < perTask; n++) {
                assertThat(seen).as("task %d, number %d", task, n).containsKey("task-" + task + "/" + n);
            }
        }
    }

    @Test
    void aClusterWhoseGroupKafkaDeletedWhileItWasDownTakesChangesAgain(KafkaCluster kafka) throws Exception {
        String group = "restarted-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = kafka.createTopic(group + "-data", 1);
        DistributedRuntime first = worker(kafka, group, "a:8083");
        for (int i = 0; i < 3; i++) {
            String name = "counter-" + i;
            create(name, counter(topic));
            Waits.until(name + " RUNNING", () -> tasksPerWorker(first, name, 1).equals(Map.of("a:8083", 1L)));
        }
        first.close();
        workers.remove(first);
        // What Kafka does to an empty group without offsets once offsets.retention.check.interval.ms has passed.
        kafka.admin().deleteConsumerGroups(List.of(group)).all().get(30, java.util.concurrent.TimeUnit.SECONDS);

        DistributedRuntime again = worker(kafka, group, "a:8083");
        create("counter-3", counter(topic));

        Waits.until(
                "the new connector RUNNING, and the others again",
                () -> IntStream.range(0, 4)
                        .allMatch(i -> tasksPerWorker(again, "counter-" + i, 1).equals(Map.of("a:8083", 1L))));
    }

    private static Map<String, String> counter(String topic) {
        return Map.of(
                "connector.class",
                CounterSourceConnector.class.getName(),
                "topic",
                topic,
                "tasks.max",
                "1",
                "records.per.second",
                "10");
    }

    @Test
    void startsThatTakeLongerThanTheSessionDoNotCostTheWorkerItsPlace(KafkaCluster kafka) {
        String group = "slow-" + UUID.randomUUID().toString().substring(0, 8);
        // The watchdog gives the membership loop 5 s (the session less a heartbeat); making the tasks takes 8 s.
        DistributedRuntime solo = worker(kafka, group, "solo:8083");
        int tasks = 8;
        create(
                "slow",
                Map.of(
                        "connector.class",
                        SlowTasksSourceConnector.class.getName(),
                        "tasks.max",
                        Integer.toString(tasks)));

        Waits.until(
                "the eight slow tasks RUNNING",
                java.time.Duration.ofSeconds(60),
                () -> tasksPerWorker(solo, "slow", tasks).equals(Map.of("solo:8083", (long) tasks)));
    }

    @Test
    void aStalledWorkerStopsItsTasksBeforeTheyRunElsewhere(KafkaCluster kafka) throws Exception {
        String group = "stalled-" + UUID.randomUUID().toString().substring(0, 8);
        // One partition: the order of the records is the order they were written in, whoever wrote them.
        String topic = kafka.createTopic(group + "-data", 1);
        // A stalled round is noticed by the group after rebalance.timeout.ms (the consumer's poll deadline),
        // and by the worker's watchdog one heartbeat before the session or that deadline ends.
        Map<String, String> timing = Map.of("rebalance.timeout.ms", "8000");
        DistributedRuntime a = worker(kafka, group, "a:8083", timing);
        DistributedRuntime b = worker(kafka, group, "b:8083", timing);
        worker(kafka, group, "c:8083", timing);
        create(
                "counter",
                Map.of(
                        "connector.class",
                        CounterSourceConnector.class.getName(),
                        "topic",
                        topic,
                        "tasks.max",
                        "6",
                        "records.per.second",
                        "200"));
        Waits.until(
                "six counters RUNNING, two on each worker",
                () -> tasksPerWorker(a, "counter", 6).equals(Map.of("a:8083", 2L, "b:8083", 2L, "c:8083", 2L)));

        StallingSourceConnector.release = new java.util.concurrent.CountDownLatch(1);
        StallingSourceConnector.stalled = new java.util.concurrent.CountDownLatch(1);
        StallingSourceConnector.stallOn = "b:8083";
        try {
            create("staller", Map.of("connector.class", StallingSourceConnector.class.getName(), "tasks.max", "3"));
            assertThat(StallingSourceConnector.stalled.await(30, java.util.concurrent.TimeUnit.SECONDS))
                    .as("b's starts stalled")
                    .isTrue();
            // The next round finds b's work held by the stalled start: b's membership thread waits for it.
            create("nudge", Map.of("connector.class", StallingSourceConnector.class.getName(), "tasks.max", "1"));
            Waits.until(
                    "b's counters RUNNING on a and c while b is stalled",
                    java.time.Duration.ofSeconds(40),
                    () -> tasksPerWorker(a, "counter", 6).equals(Map.of("a:8083", 3L, "c:8083", 3L)));
            // Let the new owners write for two seconds, with b still stalled: had b's tasks gone on, their
            // records would now be interleaved with their successors'.
            int atTakeover = kafka.readAll(topic).size();
            kafka.readUntil(topic, read -> read.size() >= atTakeover + 6 * 200 * 2, java.time.Duration.ofSeconds(60));
        } finally {
            StallingSourceConnector.release.countDown();
        }
        Waits.until("b back, with its share of the ten tasks", java.time.Duration.ofSeconds(60), () -> {
            long tasks =
                    b.running().stream().filter(item -> !item.isConnector()).count();
            return tasks == 3 || tasks == 4;
        });

        Map<String, List<String>> writers = new HashMap<>();
        for (io.tributary.testkit.kafka.KafkaRecord record : kafka.readAll(topic)) {
            List<String> instances = writers.computeIfAbsent(record.keyAsString(), k -> new ArrayList<>());
            String instance =
                    record.header(CounterSourceConnector.INSTANCE_HEADER).orElseThrow();
            if (instances.isEmpty() || !instances.get(instances.size() - 1).equals(instance)) {
                instances.add(instance);
            }
        }
        writers.forEach((counter, instances) -> assertThat(instances)
                .as("the task instances that wrote %s, in order: one never writes again once the next began", counter)
                .doesNotHaveDuplicates());
        assertThat(writers).hasSize(6);
    }
}
