package io.tributary.benchmarks;

import io.tributary.connectors.datagen.DatagenConnector;
import io.tributary.runtime.embed.EmbeddedWorker;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tributary's source or sink path at its defaults, through the runtime's embedding API: each run deploys
 * a connector, named for the run, onto one worker that stays up for the whole benchmark.
 */
final class TributaryPipeline implements Pipeline {
    private final EmbeddedWorker worker;
    private final Side side;
    private final Engine engine;

    private TributaryPipeline(EmbeddedWorker worker, Side side) {
        this(worker, side, Engine.TRIBUTARY);
    }

    private TributaryPipeline(EmbeddedWorker worker, Side side, Engine engine) {
        this.worker = worker;
        this.side = side;
        this.engine = engine;
    }

    /**
     * @param bootstrapServers the cluster
     * @param pluginPath its plugin.path: the benchmark's Connect plugin, {@link ConnectBenchPlugin}
     * @return a worker with the string converter and otherwise default settings
     */
    static EmbeddedWorker startWorker(String bootstrapServers, Path pluginPath) {
        return EmbeddedWorker.builder()
                .bootstrapServers(bootstrapServers)
                .pluginPath(pluginPath)
                .setting("key.converter", "org.apache.kafka.connect.storage.StringConverter")
                .setting("value.converter", "org.apache.kafka.connect.storage.StringConverter")
                .start();
    }

    static TributaryPipeline source(EmbeddedWorker worker) {
        return new TributaryPipeline(worker, Side.SOURCE);
    }

    static TributaryPipeline sink(EmbeddedWorker worker) {
        return new TributaryPipeline(worker, Side.SINK);
    }

    /** Connect's bench source and sink, the very classes Connect runs, as a plugin on this worker. */
    static TributaryPipeline adapted(EmbeddedWorker worker, Side side) {
        return new TributaryPipeline(worker, side, Engine.ADAPTED);
    }

    static TributaryPipeline datagen(EmbeddedWorker worker) {
        return new TributaryPipeline(worker, Side.DATAGEN);
    }

    /**
     * The datagen connector writing orders as fast as the worker takes them, keys and values through the JSON
     * converter with schemas (set on the connector; the worker's own converters stay the string ones).
     *
     * @param name the connector's name
     * @param topic where the orders go
     * @param tasks {@code tasks.max}
     * @param records how many orders in all
     * @return the connector's settings
     */
    static Map<String, String> datagenConfig(String name, String topic, int tasks, long records) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("name", name);
        config.put("connector.class", DatagenConnector.class.getName());
        config.put("tasks.max", Integer.toString(tasks));
        config.put("kafka.topic", topic);
        config.put("quickstart", "orders");
        config.put("iterations", Long.toString(records));
        config.put("records.per.second", "0");
        config.put("batch.size", Integer.toString(BenchRecords.POLL_BATCH));
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        return config;
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public Side side() {
        return side;
    }

    @Override
    public Running start(Run run) {
        String tasks = Integer.toString(run.workload().tasks());
        if (side == Side.DATAGEN) {
            worker.deploy(datagenConfig(run.name(), run.topic(), run.workload().tasks(), run.records()));
        } else if (side == Side.SOURCE) {
            worker.deploy(Map.of(
                    "name",
                    run.name(),
                    "connector.class",
                    engine == Engine.ADAPTED
                            ? ConnectBenchSource.class.getName()
                            : TributaryBenchSource.class.getName(),
                    "tasks.max",
                    tasks,
                    TributaryBenchSource.TOPIC,
                    run.topic(),
                    TributaryBenchSource.RECORDS,
                    Long.toString(run.records())));
        } else {
            worker.deploy(Map.of(
                    "name",
                    run.name(),
                    "connector.class",
                    engine == Engine.ADAPTED ? ConnectBenchSink.class.getName() : TributaryBenchSink.class.getName(),
                    "tasks.max",
                    tasks,
                    "topics",
                    run.topic()));
        }
        return new Running() {
            @Override
            public String state() {
                return worker.status(run.name()).map(Object::toString).orElse("not deployed");
            }

            @Override
            public void close() {
                worker.remove(run.name());
            }
        };
    }
}
