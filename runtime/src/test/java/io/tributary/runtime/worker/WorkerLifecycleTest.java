package io.tributary.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.runtime.plugins.Plugins;
import io.tributary.runtime.standalone.StandaloneRuntime;
import io.tributary.runtime.storage.MemoryOffsetStore;
import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceConnectorContext;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.sdk.source.SourceTask;
import io.tributary.sdk.source.SourceTaskContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worker's control of connectors and tasks: restarts, stops, pauses and connector failures, with
 * in-memory Kafka clients, so that what is checked is the worker's bookkeeping, not a broker.
 */
class WorkerLifecycleTest {

    /** What the instances of one test's tasks did, by the test's key. */
    static final Map<String, Journal> JOURNALS = new ConcurrentHashMap<>();

    static final class Journal {
        final List<BlockingTask> instances = new CopyOnWriteArrayList<>();
        volatile CountDownLatch firstPollBlocks = new CountDownLatch(0);
        volatile SourceConnectorContext connectorContext;
        final AtomicInteger connectorStops = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostRunningAtOnce = new AtomicInteger();
    }

    /** A connector of one task whose first instance can be made to ignore its stop. */
    public static final class JournalConnector implements SourceConnector {
        private Map<String, String> config;

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(SourceConnectorContext context) {
            this.config = new java.util.HashMap<>();
            context.config().originals().forEach((name, value) -> config.put(name, String.valueOf(value)));
            JOURNALS.get(config.get("journal")).connectorContext = context;
        }

        @Override
        public Class<? extends SourceTask> taskClass() {
            return BlockingTask.class;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            // A new configuration each time: every reconfiguration restarts the task.
            Map<String, String> taskConfig = new java.util.HashMap<>(config);
            if (!config.containsKey("stable")) {
                taskConfig.put("generation", Integer.toString(generation++));
            }
            return List.of(taskConfig);
        }

        private int generation;

        @Override
        public void stop() {
            JOURNALS.get(config.get("journal")).connectorStops.incrementAndGet();
        }

        @Override
        public ConfigDef config() {
            return ConfigDef.builder().build();
        }
    }

    /** Records its lifecycle; the first instance's first poll blocks until the test releases it. */
    public static final class BlockingTask implements SourceTask {
        final AtomicInteger stops = new AtomicInteger();
        private final CountDownLatch stopped = new CountDownLatch(1);
        volatile boolean started;
        private Journal journal;
        private boolean first;

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(SourceTaskContext context) {
            journal = JOURNALS.get(context.config().get("journal"));
            first = journal.instances.isEmpty();
            journal.instances.add(this);
            journal.mostRunningAtOnce.accumulateAndGet(journal.running.incrementAndGet(), Math::max);
            started = true;
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            if (first) {
                first = false;
                // Ignores interrupts and stop: a task stuck in a call that nothing can break.
                while (true) {
                    try {
                        if (journal.firstPollBlocks.await(10, TimeUnit.SECONDS)) {
                            break;
                        }
                    } catch (InterruptedException e) {
                        // keeps waiting, as a badly written task would
                    }
                }
            }
            // No data: wait for some, as a real source does, but no longer than its stop.
            stopped.await(5, TimeUnit.MILLISECONDS);
            return List.of();
        }

        @Override
        public void stop() {
            stopped.countDown();
            if (stops.incrementAndGet() == 1) {
                journal.running.decrementAndGet();
            }
        }
    }

    /** A connector without tasks whose stop waits, a little, for the stops of the others of its test. */
    public static final class RendezvousConnector implements SourceConnector {
        static volatile CountDownLatch allStopping = new CountDownLatch(0);
        static final AtomicInteger metTheOthers = new AtomicInteger();

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(SourceConnectorContext context) {}

        @Override
        public Class<? extends SourceTask> taskClass() {
            return BlockingTask.class;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            return List.of();
        }

        @Override
        public void stop() {
            allStopping.countDown();
            try {
                if (allStopping.await(2, TimeUnit.SECONDS)) {
                    metTheOthers.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public ConfigDef config() {
            return ConfigDef.builder().build();
        }
    }

    private final String key = UUID.randomUUID().toString();
    private final Journal journal = new Journal();
    private final StatusStore statuses = new StatusStore();
    private Worker worker;
    private Plugins plugins;

    private Worker worker() {
        JOURNALS.put(key, journal);
        WorkerConfig config = new WorkerConfig(Map.of(
                "bootstrap.servers", "localhost:1",
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", "org.apache.kafka.connect.storage.StringConverter",
                "task.shutdown.graceful.timeout.ms", "200"));
        plugins = StandaloneRuntime.plugins(config);
        KafkaClientFactory inMemory = new KafkaClientFactory() {
            @Override
            public Producer<byte[], byte[]> producer(Map<String, Object> settings) {
                return new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
            }

            @Override
            public Consumer<byte[], byte[]> consumer(Map<String, Object> settings) {
                return new MockConsumer<>("earliest");
            }
        };
        worker =
                new Worker("worker-1", config, plugins, new MemoryOffsetStore(), statuses, Clock.systemUTC(), inMemory);
        return worker;
    }

    private Map<String, String> connector() {
        return Map.of("name", "journal", "connector.class", JournalConnector.class.getName(), "journal", key);
    }

    @AfterEach
    void close() {
        journal.firstPollBlocks.countDown();
        if (worker != null) {
            worker.close();
        }
        if (plugins != null) {
            plugins.close();
        }
        JOURNALS.remove(key);
    }

    private State taskState() {
        return statuses.task(new TaskId("journal", 0)).map(Status::state).orElse(null);
    }

    @Test
    void aReplacementStaysUnderControlWhenTheTaskItReplacedEndsLate() {
        journal.firstPollBlocks = new CountDownLatch(1);
        Worker worker = worker();
        worker.startConnector(connector(), false);
        await().atMost(Duration.ofSeconds(10)).until(() -> journal.instances.size() == 1);

        worker.restartTask(new TaskId("journal", 0));
        await().atMost(Duration.ofSeconds(10)).until(() -> journal.instances.size() == 2);
        BlockingTask replacement = journal.instances.get(1);
        journal.firstPollBlocks.countDown(); // the cancelled first instance now ends, late
        await().atMost(Duration.ofSeconds(10))
                .until(() -> journal.instances.get(0).stops.get() == 1);

        worker.pauseConnector("journal");
        await().atMost(Duration.ofSeconds(10)).until(() -> taskState() == State.PAUSED);
        worker.stopConnector("journal");

        assertThat(replacement.stops)
                .as("the replacement was still the worker's to stop")
                .hasValue(1);
        assertThat(journal.instances).as("no third instance").hasSize(2);
    }

    @Test
    void restartingTheConnectorAloneKeepsItsTasksRunning() {
        Worker worker = worker();
        Map<String, String> stable = new java.util.HashMap<>(connector());
        stable.put("stable", "true");
        worker.startConnector(stable, false);
        await().atMost(Duration.ofSeconds(10)).until(() -> taskState() == State.RUNNING);

        worker.restartConnectorInstance("journal");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> journal.connectorStops.get() == 1
                        && statuses.connector("journal").orElseThrow().state() == State.RUNNING);
        assertThat(journal.instances)
                .as("the task, given the same configuration by the new connector instance, is not restarted")
                .singleElement()
                .satisfies(task -> assertThat(task.stops).hasValue(0));
        assertThat(taskState()).isEqualTo(State.RUNNING);
    }

    @Test
    void restartingAFailedConnectorAloneStartsItAndItsTasksAgain() {
        Worker worker = worker();
        worker.startConnector(connector(), false);
        await().atMost(Duration.ofSeconds(10)).until(() -> taskState() == State.RUNNING);
        journal.connectorContext.raiseError(new IllegalStateException("lost the source for a while"));
        await().atMost(Duration.ofSeconds(10)).until(() -> taskState() == State.STOPPED);

        worker.restartConnectorInstance("journal");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> statuses.connector("journal").orElseThrow().state() == State.RUNNING
                        && taskState() == State.RUNNING);
        assertThat(journal.instances).hasSize(2);
    }

    @Test
    void aConnectorInstanceWhoseTasksRunElsewhereHandsItsTaskConfigsOnAndStartsNoTask() {
        Worker worker = worker();
        List<List<Map<String, String>>> published = new java.util.concurrent.CopyOnWriteArrayList<>();

        worker.startConnectorInstance(connector(), false, (name, configs) -> published.add(configs));

        await().atMost(Duration.ofSeconds(10)).until(() -> published.size() == 1);
        assertThat(published.get(0))
                .singleElement()
                .satisfies(config -> assertThat(config).containsKey("journal"));
        assertThat(statuses.connector("journal").orElseThrow().state()).isEqualTo(State.RUNNING);
        assertThat(journal.instances)
                .as("no task runs where only the connector instance runs")
                .isEmpty();
        assertThat(worker.taskConfigs("journal")).hasValue(published.get(0));
    }

    @Test
    void connectorsStoppedTogetherStopSideBySide() {
        Worker worker = worker();
        int connectors = 4;
        RendezvousConnector.allStopping = new CountDownLatch(connectors);
        RendezvousConnector.metTheOthers.set(0);
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < connectors; i++) {
            names.add("rendezvous-" + i);
            worker.startConnector(
                    Map.of("name", names.get(i), "connector.class", RendezvousConnector.class.getName()), false);
        }

        worker.stopTogether(names, List.of());

        assertThat(RendezvousConnector.metTheOthers)
                .as("stops that were under way at the same time, each waiting for the others")
                .hasValue(connectors);
        assertThat(worker.connectors()).isEmpty();
    }

    @Test
    void anAssignedTaskRunsWithoutItsConnectorInstanceAndStopsOnRequest() {
        Worker worker = worker();
        TaskId id = new TaskId("journal", 0);
        Map<String, String> taskConfig = Map.of("journal", key);

        worker.startAssignedTask(id, connector(), taskConfig, false);

        await().atMost(Duration.ofSeconds(10)).until(() -> taskState() == State.RUNNING);
        assertThat(worker.assignedTasks()).containsExactly(id);
        assertThat(worker.connectors()).as("no connector instance here").isEmpty();
        worker.pauseAssignedTasks("journal", true);
        await().atMost(Duration.ofSeconds(10)).until(() -> taskState() == State.PAUSED);

        worker.stopAssignedTask(id);

        assertThat(journal.instances)
                .singleElement()
                .satisfies(task -> assertThat(task.stops).hasValue(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> taskState() == State.STOPPED);
        assertThat(worker.assignedTasks()).isEmpty();
    }

    @Test
    void anAssignedTaskGivenANewConnectorConfigurationStopsTheOldRunnersFirst() {
        Worker worker = worker();
        TaskId id = new TaskId("journal", 0);
        worker.startAssignedTask(id, connector(), Map.of("journal", key), false);
        await().atMost(Duration.ofSeconds(10)).until(() -> taskState() == State.RUNNING);
        Map<String, String> changed = new java.util.HashMap<>(connector());
        changed.put("tasks.max", "2");

        worker.startAssignedTask(id, changed, Map.of("journal", key), false);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> journal.instances.size() == 2 && taskState() == State.RUNNING);
        assertThat(journal.instances.get(0).stops).hasValue(1);
        assertThat(journal.mostRunningAtOnce)
                .as("instances of task 0 running at once")
                .hasValue(1);
    }

    @Test
    void aRaisedErrorFailsAndStopsTheConnectorAndATaskConfigChangeDoesNotRevive() {
        Worker worker = worker();
        worker.startConnector(connector(), false);
        await().atMost(Duration.ofSeconds(10)).until(() -> taskState() == State.RUNNING);

        journal.connectorContext.raiseError(new IllegalStateException("lost the source for good"));
        await().atMost(Duration.ofSeconds(10)).until(() -> journal.connectorStops.get() == 1);
        journal.connectorContext.requestTaskReconfiguration();

        assertThat(statuses.connector("journal").orElseThrow().state()).isEqualTo(State.FAILED);
        assertThat(statuses.connector("journal").orElseThrow().trace()).contains("lost the source for good");
        assertThat(journal.instances)
                .singleElement()
                .satisfies(task -> assertThat(task.stops).hasValue(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> taskState() == State.STOPPED);
    }

    @Test
    void aRestartRacingATaskConfigChangeNeverRunsTwoInstancesOfATask() throws Exception {
        Worker worker = worker();
        worker.startConnector(connector(), false);
        await().atMost(Duration.ofSeconds(10)).until(() -> taskState() == State.RUNNING);
        TaskId id = new TaskId("journal", 0);

        Thread reconfiguring = new Thread(() -> {
            for (int i = 0; i < 10; i++) {
                journal.connectorContext.requestTaskReconfiguration();
            }
        });
        reconfiguring.start();
        for (int i = 0; i < 10; i++) {
            worker.restartTask(id);
        }
        reconfiguring.join(TimeUnit.SECONDS.toMillis(30));

        await().atMost(Duration.ofSeconds(30))
                .alias("the last configuration running, in one instance")
                .until(() -> "10"
                                .equals(worker.taskConfigs("journal")
                                        .orElseThrow()
                                        .get(0)
                                        .get("generation"))
                        && journal.instances.stream()
                                        .filter(task -> task.stops.get() == 0)
                                        .count()
                                == 1);
        assertThat(journal.mostRunningAtOnce)
                .as("instances of task 0 running at once")
                .hasValue(1);
    }

    @Test
    void restartsRacingEachOtherNeverRunTwoInstancesOfATask() throws Exception {
        Worker worker = worker();
        worker.startConnector(connector(), false);
        await().atMost(Duration.ofSeconds(10)).until(() -> taskState() == State.RUNNING);
        TaskId id = new TaskId("journal", 0);

        Thread other = new Thread(() -> {
            for (int i = 0; i < 10; i++) {
                worker.restartTask(id);
            }
        });
        other.start();
        for (int i = 0; i < 10; i++) {
            worker.restartTask(id);
        }
        other.join(TimeUnit.SECONDS.toMillis(30));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> journal.instances.stream()
                                .filter(task -> task.stops.get() == 0)
                                .count()
                        == 1);
        assertThat(journal.mostRunningAtOnce)
                .as("instances of task 0 running at once")
                .hasValue(1);
        assertThat(journal.instances.stream().filter(task -> task.stops.get() > 1))
                .as("stop() runs once per instance")
                .isEmpty();
    }
}
