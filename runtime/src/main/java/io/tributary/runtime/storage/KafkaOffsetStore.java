package io.tributary.runtime.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Source offsets in a compacted topic, for distributed mode: every worker reads them all, so a task that
 * moves resumes where it left off. Records have Kafka Connect's layout, a key of {@code ["<connector>",
 * {partition}]} and a value of the offset as JSON (null erases it), so a Connect cluster's offsets topic
 * reads the same. Thread-safe.
 */
public final class KafkaOffsetStore implements OffsetStore {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaOffsetStore.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final TypeReference<List<Object>> KEY = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> VALUE = new TypeReference<>() {};
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final TopicLog log;
    private final Map<String, Map<Map<String, Object>, Map<String, Object>>> offsets = new ConcurrentHashMap<>();
    /**
     * Per record key, the topic offset of the newest write applied: the log hands back this worker's own
     * writes after the commit has applied them, and an older record must not undo a newer one.
     */
    private final Map<String, Long> applied = new HashMap<>();

    /**
     * @param topic the offsets topic; it must exist
     * @param clientSettings {@code bootstrap.servers} and security settings
     */
    public KafkaOffsetStore(String topic, Map<String, Object> clientSettings) {
        this.topic = topic;
        this.log = new TopicLog(topic, clientSettings, this::apply);
    }

    /**
     * Reads every offset in the topic.
     *
     * @param timeout how long it may take
     */
    public void start(Duration timeout) {
        log.start(timeout);
    }

    private void apply(ConsumerRecord<String, String> record) {
        List<Object> key;
        try {
            key = JSON.readValue(record.key(), KEY);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warn(
                    "Ignoring a record of offsets topic {} at offset {}: its key is not [connector, partition]",
                    topic,
                    record.offset());
            return;
        }
        if (key.size() != 2 || !(key.get(0) instanceof String connector) || !(key.get(1) instanceof Map<?, ?>)) {
            LOG.warn(
                    "Ignoring a record of offsets topic {} at offset {}: its key is not [connector, partition]",
                    topic,
                    record.offset());
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> partition = (Map<String, Object>) key.get(1);
        Map<String, Object> offset;
        try {
            offset = record.value() == null ? null : JSON.readValue(record.value(), VALUE);
        } catch (JsonProcessingException e) {
            LOG.warn(
                    "Ignoring a record of offsets topic {} at offset {}: its value is not a JSON object",
                    topic,
                    record.offset());
            return;
        }
        synchronized (applied) {
            Long newest = applied.get(record.key());
            if (newest != null && record.offset() < newest) {
                return;
            }
            applied.put(record.key(), record.offset());
            store(connector, partition, offset);
        }
    }

    /** Keeps partitions and offsets in their JSON round-trip form, so a lookup finds them whoever wrote them. */
    private void store(String connector, Map<String, Object> partition, Map<String, Object> offset) {
        Map<Map<String, Object>, Map<String, Object>> ofConnector =
                offsets.computeIfAbsent(connector, c -> new ConcurrentHashMap<>());
        if (offset == null) {
            ofConnector.remove(OffsetMaps.normalize(partition));
        } else {
            ofConnector.put(OffsetMaps.normalize(partition), OffsetMaps.normalize(offset));
        }
    }

    @Override
    public Map<Map<String, Object>, Map<String, Object>> offsets(
            String connector, Collection<Map<String, Object>> partitions) {
        // A task that moved here must resume after what its previous worker committed last: read up to now.
        readToEnd();
        Map<Map<String, Object>, Map<String, Object>> ofConnector = offsets.getOrDefault(connector, Map.of());
        Map<Map<String, Object>, Map<String, Object>> found = new LinkedHashMap<>();
        for (Map<String, Object> partition : partitions) {
            Map<String, Object> offset = ofConnector.get(OffsetMaps.normalize(partition));
            if (offset != null) {
                found.put(partition, offset);
            }
        }
        return found;
    }

    @Override
    public void commit(String connector, Map<Map<String, Object>, Map<String, Object>> changes) {
        List<CompletableFuture<RecordMetadata>> writes = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Map.Entry<Map<String, Object>, Map<String, Object>>> written = new ArrayList<>(changes.entrySet());
        try {
            for (Map.Entry<Map<String, Object>, Map<String, Object>> change : written) {
                String key = JSON.writeValueAsString(List.of(connector, change.getKey()));
                String value = change.getValue() == null ? null : JSON.writeValueAsString(change.getValue());
                keys.add(key);
                writes.add(log.send(key, value));
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                    .get(COMMIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Offsets of " + connector + " cannot be written as JSON: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while committing the offsets of " + connector, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Could not write the offsets of " + connector + " to " + topic + " ("
                            + (e.getCause() != null ? e.getCause() : e) + "); they will be committed again",
                    e);
        }
        // Written and acknowledged: readers see them from now on, this one included, before the log echoes them.
        synchronized (applied) {
            for (int i = 0; i < written.size(); i++) {
                long position = writes.get(i).join().offset();
                Long newest = applied.get(keys.get(i));
                if (newest == null || position >= newest) {
                    applied.put(keys.get(i), position);
                    store(connector, written.get(i).getKey(), written.get(i).getValue());
                }
            }
        }
    }

    @Override
    public Map<Map<String, Object>, Map<String, Object>> allOffsets(String connector) {
        readToEnd();
        return Map.copyOf(offsets.getOrDefault(connector, Map.of()));
    }

    private void readToEnd() {
        try {
            log.readToEnd().get(COMMIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading offsets topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Could not read offsets topic " + topic + " to its end ("
                            + (e.getCause() != null ? e.getCause() : e) + "); check that the brokers are reachable",
                    e);
        }
    }

    @Override
    public void close() {
        log.close();
    }

    @Override
    public String toString() {
        return "offsets topic " + topic;
    }
}
