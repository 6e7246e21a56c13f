package io.tributary.runtime.distributed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.runtime.storage.TopicLog;
import io.tributary.runtime.worker.State;
import io.tributary.runtime.worker.Status;
import io.tributary.runtime.worker.StatusListener;
import io.tributary.runtime.worker.StatusStore;
import io.tributary.sdk.connector.TaskId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Statuses shared through the status topic: this worker's changes are written there, every worker's are
 * read into one {@link StatusStore}, which the REST API reads. Each record carries the group generation of
 * the worker that wrote it; a record older than the one a key already holds comes from a worker that lost
 * its place in the group, and is ignored. Thread-safe.
 *
 * <p>Records: {@code status-connector-<name>} and {@code status-task-<name>-<n>}, with {@code {"state",
 * "trace", "worker_id", "generation"}}; {@code topic-<topic>-connector-<name>} for an active topic.
 */
final class StatusLog implements StatusListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatusLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String CONNECTOR = "status-connector-";
    static final String TASK = "status-task-";
    static final String TOPIC = "topic-";
    private static final String TOPIC_CONNECTOR = "-connector-";

    private final String topic;
    private final String workerId;
    private final IntSupplier generation;
    private final TopicLog log;
    private final StatusStore store = new StatusStore(this);
    private final Map<String, Integer> generations = new ConcurrentHashMap<>();
    private volatile boolean started;

    /**
     * @param topic the status topic; it must exist
     * @param clientSettings {@code bootstrap.servers} and security settings
     * @param workerId this worker's id
     * @param generation this worker's current group generation
     */
    StatusLog(String topic, Map<String, Object> clientSettings, String workerId, IntSupplier generation) {
        this.topic = topic;
        this.workerId = workerId;
        this.generation = generation;
        this.log = new TopicLog(topic, clientSettings, this::apply);
    }

    /** Reads every status in the topic. */
    void start(Duration timeout) {
        log.start(timeout);
        started = true;
    }

    /** @return every worker's statuses, this one's included */
    StatusStore store() {
        return store;
    }

    @Override
    public void connectorStatus(String connector, Status status) {
        write(CONNECTOR + connector, status);
    }

    @Override
    public void taskStatus(TaskId task, Status status) {
        write(TASK + task.connector() + "-" + task.task(), status);
    }

    @Override
    public void topicUsed(String connector, String usedTopic) {
        ObjectNode value = JSON.createObjectNode().put("topic", usedTopic).put("connector", connector);
        send(TOPIC + usedTopic + TOPIC_CONNECTOR + connector, value.toString());
    }

    /** Forgets a connector's record of active topics everywhere. */
    void resetActiveTopics(String connector) {
        for (String used : store.activeTopics(connector)) {
            send(TOPIC + used + TOPIC_CONNECTOR + connector, null);
        }
        store.resetActiveTopics(connector);
    }

    /** Forgets the status of a connector instance that is gone, everywhere. */
    void forgetConnector(String connector) {
        send(CONNECTOR + connector, null);
        store.reportedConnectorStatus(connector, null);
    }

    /** Forgets the status of a task that is gone, everywhere. */
    void forgetTask(TaskId task) {
        send(TASK + task.connector() + "-" + task.task(), null);
        store.reportedTaskStatus(task, null);
    }

    private void write(String key, Status status) {
        int current = generation.getAsInt();
        generations.merge(key, current, Math::max);
        ObjectNode value = JSON.createObjectNode()
                .put("state", status.state().name())
                .put("trace", status.trace())
                .put("worker_id", status.workerId())
                .put("generation", current);
        send(key, value.toString());
    }

    private void send(String key, String value) {
        log.send(key, value).whenComplete((written, error) -> {
            if (error != null) {
                LOG.warn(
                        "Could not write status {} to {} ({}); other workers show the previous one",
                        key,
                        topic,
                        error.toString());
            }
        });
    }

    private void apply(ConsumerRecord<String, String> record) {
        String key = record.key();
        if (key == null) {
            return;
        }
        if (key.startsWith(TOPIC)) {
            int split = key.lastIndexOf(TOPIC_CONNECTOR);
            if (split > TOPIC.length()) {
                String connector = key.substring(split + TOPIC_CONNECTOR.length());
                String used = key.substring(TOPIC.length(), split);
                if (record.value() != null) {
                    store.reportedTopicUsed(connector, used);
                } else {
                    store.reportedTopicForgotten(connector, used);
                }
            }
            return;
        }
        Status status = null;
        if (record.value() != null) {
            JsonNode node;
            try {
                node = JSON.readTree(record.value());
            } catch (JsonProcessingException e) {
                return;
            }
            int written = node.path("generation").asInt(-1);
            String writer = node.path("worker_id").asText();
            if (started && writer.equals(workerId)) {
                return; // this worker's own write, which its store already holds
            }
            if (written < generations.getOrDefault(key, -1)) {
                LOG.debug("Ignoring status {} from {} of generation {}: a newer one is known", key, writer, written);
                return;
            }
            generations.put(key, written);
            status = new Status(
                    State.valueOf(node.path("state").asText()),
                    node.hasNonNull("trace") ? node.get("trace").asText() : null,
                    writer);
        } else {
            generations.remove(key);
        }
        if (key.startsWith(CONNECTOR)) {
            store.reportedConnectorStatus(key.substring(CONNECTOR.length()), status);
        } else if (key.startsWith(TASK)) {
            String rest = key.substring(TASK.length());
            int dash = rest.lastIndexOf('-');
            try {
                store.reportedTaskStatus(
                        new TaskId(rest.substring(0, dash), Integer.parseInt(rest.substring(dash + 1))), status);
            } catch (RuntimeException e) {
                LOG.debug("Ignoring status record {}: not a task key", key);
            }
        }
    }

    @Override
    public void close() {
        log.close();
    }
}
