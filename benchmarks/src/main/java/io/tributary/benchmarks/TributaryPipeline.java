package io.tributary.benchmarks;

import io.tributary.runtime.embed.EmbeddedWorker;
import java.util.Map;

/**
 * Tributary's source or sink path at its defaults, through the runtime's embedding API: each run deploys
 * a connector, named for the run, onto one worker that stays up for the whole benchmark.
 */
final class TributaryPipeline implements Pipeline {
    private final EmbeddedWorker worker;
    private final Side side;

    private TributaryPipeline(EmbeddedWorker worker, Side side) {
        this.worker = worker;
        this.side = side;
    }

    /**
     * @param bootstrapServers the cluster
     * @return a worker with the string converter and otherwise default settings
     */
    static EmbeddedWorker startWorker(String bootstrapServers) {
        return EmbeddedWorker.builder()
                .bootstrapServers(bootstrapServers)
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

    @Override
    public Engine engine() {
        return Engine.TRIBUTARY;
    }

    @Override
    public Side side() {
        return side;
    }

    @Override
    public Running start(Run run) {
        String tasks = Integer.toString(run.workload().tasks());
        if (side == Side.SOURCE) {
            worker.deploy(Map.of(
                    "name",
                    run.name(),
                    "connector.class",
                    TributaryBenchSource.class.getName(),
                    "tasks.max",
                    tasks,
                    TributaryBenchSource.TOPIC,
                    run.topic(),
                    TributaryBenchSource.RECORDS,
                    Long.toString(run.records())));
        } else {
            worker.deploy(Map.of(
                    "name", run.name(),
                    "connector.class", TributaryBenchSink.class.getName(),
                    "tasks.max", tasks,
                    "topics", run.topic()));
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
