package io.tributary.benchmarks;

import java.util.Map;

/**
 * Apache Kafka Connect's source or sink path at Connect's defaults: each run creates a connector, named for
 * the run, on one in-process standalone worker that stays up for the whole benchmark.
 */
final class ConnectPipeline implements Pipeline {
    private final ConnectWorker worker;
    private final Side side;

    private ConnectPipeline(ConnectWorker worker, Side side) {
        this.worker = worker;
        this.side = side;
    }

    static ConnectPipeline source(ConnectWorker worker) {
        return new ConnectPipeline(worker, Side.SOURCE);
    }

    static ConnectPipeline sink(ConnectWorker worker) {
        return new ConnectPipeline(worker, Side.SINK);
    }

    @Override
    public Engine engine() {
        return Engine.CONNECT;
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
                    ConnectBenchSource.class.getName(),
                    "tasks.max",
                    tasks,
                    ConnectBenchSource.TOPIC,
                    run.topic(),
                    ConnectBenchSource.RECORDS,
                    Long.toString(run.records())));
        } else {
            worker.deploy(Map.of(
                    "name", run.name(),
                    "connector.class", ConnectBenchSink.class.getName(),
                    "tasks.max", tasks,
                    "topics", run.topic()));
        }
        return new Running() {
            @Override
            public String state() {
                return worker.status(run.name());
            }

            @Override
            public void close() {
                worker.remove(run.name());
            }
        };
    }
}
