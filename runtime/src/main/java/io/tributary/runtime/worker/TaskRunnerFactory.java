package io.tributary.runtime.worker;

import io.tributary.runtime.errors.DeadLetterQueueReporter;
import io.tributary.runtime.errors.ErrorPolicy;
import io.tributary.runtime.errors.ErrorReporter;
import io.tributary.runtime.errors.LogReporter;
import io.tributary.runtime.errors.RetryWithTolerance;
import io.tributary.runtime.storage.OffsetStore;
import io.tributary.sdk.connector.Connector;
import io.tributary.sdk.connector.TaskId;
import io.tributary.sdk.sink.SinkConnector;
import io.tributary.sdk.sink.SinkTask;
import io.tributary.sdk.source.SourceConnector;
import io.tributary.sdk.source.SourceTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;

/**
 * Builds the runner of one task from its connector's configuration: the task instance, its converters
 * and transformations, its Kafka client, its error policy and reporters (log, dead letter queue), and,
 * for sources, the topic creator. Keeps one admin client per connector for topic creation, closed by
 * {@link #forget(String)}. Thread-safe.
 */
final class TaskRunnerFactory {
    private final WorkerConfig config;
    private final TaskFactory tasks;
    private final ClientConfigs clients;
    private final KafkaClientFactory kafka;
    private final OffsetStore offsets;
    private final RunnerServices services;
    private final Map<String, Admin> admins = new ConcurrentHashMap<>();

    TaskRunnerFactory(
            WorkerConfig config,
            TaskFactory tasks,
            ClientConfigs clients,
            KafkaClientFactory kafka,
            OffsetStore offsets,
            RunnerServices services) {
        this.config = config;
        this.tasks = tasks;
        this.clients = clients;
        this.kafka = kafka;
        this.offsets = offsets;
        this.services = services;
    }

    /**
     * @param connector the running connector
     * @param connectorConfig its configuration, config-provider references resolved
     * @param id the task
     * @param taskConfig the configuration the connector made for the task
     * @param onEnded told when the runner's thread ends
     * @return a runner, not started
     */
    TaskRunner create(
            Connector connector,
            Map<String, String> connectorConfig,
            TaskId id,
            Map<String, String> taskConfig,
            Consumer<TaskRunner> onEnded) {
        ErrorPolicy policy = ConnectorConfig.errorPolicy(ConnectorConfig.parse(connectorConfig));
        // One control per task: stopping the task also ends a retry back-off it is waiting in.
        TaskControl control = new TaskControl();
        List<ErrorReporter> reporters = new ArrayList<>();
        if (policy.logErrors()) {
            reporters.add(new LogReporter(policy.logRecords()));
        }
        if (connector instanceof SourceConnector source) {
            SourceTask task = tasks.newTask(source, SourceTask.class);
            RetryWithTolerance errors = new RetryWithTolerance(id, policy, reporters, services.clock(), control::await);
            SourceTaskRunner.Parts parts = new SourceTaskRunner.Parts(
                    id,
                    task,
                    taskConfig,
                    tasks.converters(connectorConfig),
                    tasks.transforms(connectorConfig),
                    kafka.producer(clients.producer(id.connector(), connectorConfig, id.toString())),
                    offsets,
                    errors,
                    topicCreator(connectorConfig));
            return new SourceTaskRunner(parts, services, control, onEnded);
        }
        SinkConnector sink = (SinkConnector) connector;
        SinkTask task = tasks.newTask(sink, SinkTask.class);
        if (policy.hasDeadLetterQueue()) {
            tasks.ensureTopic(
                    clients.admin(connectorConfig),
                    policy.deadLetterQueueTopic(),
                    policy.deadLetterQueueReplicationFactor());
            reporters.add(new DeadLetterQueueReporter(
                    policy.deadLetterQueueTopic(),
                    kafka.producer(clients.producer(id.connector(), connectorConfig, id + "-dlq")),
                    policy.contextHeaders()));
        }
        RetryWithTolerance errors = new RetryWithTolerance(id, policy, reporters, services.clock(), control::await);
        String regex = connectorConfig.getOrDefault(ConnectorConfig.TOPICS_REGEX, "");
        List<String> topics = regex.isBlank()
                ? List.of(connectorConfig
                        .getOrDefault(ConnectorConfig.TOPICS, "")
                        .trim()
                        .split("\\s*,\\s*"))
                : List.of();
        SinkTaskRunner.Parts parts = new SinkTaskRunner.Parts(
                id,
                task,
                taskConfig,
                tasks.converters(connectorConfig),
                tasks.transforms(connectorConfig),
                kafka.consumer(clients.consumer(id.connector(), connectorConfig, id.toString())),
                topics,
                regex.isBlank() ? null : Pattern.compile(regex),
                errors);
        return new SinkTaskRunner(parts, services, control, onEnded);
    }

    /** @return a topic creator when the worker allows topic creation and the connector configures it */
    private TopicCreator topicCreator(Map<String, String> connectorConfig) {
        TopicCreationConfig creation = TopicCreationConfig.parse(connectorConfig);
        boolean allowed = config.parsed().getBoolean(WorkerConfig.TOPIC_CREATION_ENABLE);
        if (!allowed || !creation.enabled()) {
            return null;
        }
        return new TopicCreator(creation, true, admin(connectorConfig));
    }

    private Admin admin(Map<String, String> connectorConfig) {
        return admins.computeIfAbsent(
                connectorConfig.get(ConnectorConfig.NAME), name -> Admin.create(clients.admin(connectorConfig)));
    }

    /** @param connector a connector that stopped: close the admin client its tasks shared */
    void forget(String connector) {
        Admin admin = admins.remove(connector);
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
