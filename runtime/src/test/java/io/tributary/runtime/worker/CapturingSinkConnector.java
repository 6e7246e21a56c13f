package io.tributary.runtime.worker;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.errors.DataException;
import io.tributary.sdk.errors.RetriableException;
import io.tributary.sdk.sink.SinkConnector;
import io.tributary.sdk.sink.SinkConnectorContext;
import io.tributary.sdk.sink.SinkRecord;
import io.tributary.sdk.sink.SinkTask;
import io.tributary.sdk.sink.SinkTaskContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps the values it receives in memory under a name. Values starting with "poison" make {@code put}
 * throw, or are reported as errant when {@code report.poison=true}. Values starting with "busy" make it
 * throw a {@link RetriableException} every time, after a back-off of 100 ms, as a sink whose database
 * stays locked.
 */
public class CapturingSinkConnector implements SinkConnector {
    static final Map<String, List<Object>> CAPTURED = new ConcurrentHashMap<>();
    static final ConfigDef CONFIG = ConfigDef.builder()
            .define(ConfigKey.builder(TOPICS_CONFIG, ConfigDef.Type.LIST))
            .define(ConfigKey.builder("capture", ConfigDef.Type.STRING))
            .define(ConfigKey.builder("report.poison", ConfigDef.Type.BOOLEAN).defaultValue(false))
            .build();

    private Map<String, String> config;

    /** How many puts were refused because of a "busy" value, by capture name. */
    static final Map<String, java.util.concurrent.atomic.AtomicInteger> BUSY_PUTS = new ConcurrentHashMap<>();

    static int busyPuts(String name) {
        return BUSY_PUTS
                .computeIfAbsent(name, k -> new java.util.concurrent.atomic.AtomicInteger())
                .get();
    }

    static List<Object> captured(String name) {
        return List.copyOf(CAPTURED.getOrDefault(name, List.of()));
    }

    @Override
    public String version() {
        return "test";
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void start(SinkConnectorContext context) {
        config = Map.of(
                "capture", context.config().getString("capture"),
                "report.poison", context.config().getBoolean("report.poison").toString());
    }

    @Override
    public Class<? extends SinkTask> taskClass() {
        return Task.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(config);
    }

    @Override
    public void stop() {}

    /** The one task. */
    public static class Task implements SinkTask {
        private SinkTaskContext context;
        private List<Object> captured;
        private boolean reportPoison;

        @Override
        public String version() {
            return "test";
        }

        @Override
        public void start(SinkTaskContext taskContext) {
            context = taskContext;
            captured = CAPTURED.computeIfAbsent(taskContext.config().get("capture"), k -> new CopyOnWriteArrayList<>());
            reportPoison = Boolean.parseBoolean(taskContext.config().get("report.poison"));
        }

        @Override
        public void put(Collection<SinkRecord> records) {
            // Like a database sink, a batch is written in one transaction: all of it, or none of it.
            List<Object> batch = new ArrayList<>();
            for (SinkRecord record : records) {
                if (String.valueOf(record.value()).startsWith("busy")) {
                    BUSY_PUTS
                            .computeIfAbsent(
                                    context.config().get("capture"),
                                    k -> new java.util.concurrent.atomic.AtomicInteger())
                            .incrementAndGet();
                    context.timeout(java.time.Duration.ofMillis(100));
                    throw new RetriableException("the table is locked");
                }
                if (String.valueOf(record.value()).startsWith("poison")) {
                    DataException error = new DataException("cannot store " + record.value());
                    if (reportPoison) {
                        context.errantRecordReporter().report(record, error);
                        continue;
                    }
                    throw error;
                }
                batch.add(record.value());
            }
            captured.addAll(batch);
        }

        @Override
        public void stop() {}
    }
}
