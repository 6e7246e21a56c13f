package io.tributary.runtime.cli;

import io.tributary.runtime.distributed.DistributedRuntime;
import io.tributary.runtime.rest.RestConfig;
import io.tributary.runtime.rest.RestServer;
import io.tributary.runtime.standalone.ConfigFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tributary distributed}: one worker of a cluster, which shares its work with the others of its group. */
@Command(
        name = "distributed",
        description = "Runs a worker that joins the cluster of its group.id: the workers share connectors and tasks"
                + " through Kafka, and each serves the REST API (listeners, by default http://localhost:8083).")
final class DistributedCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "WORKER_PROPERTIES",
            description = "The worker's settings: bootstrap.servers, group.id, config.storage.topic,"
                    + " offset.storage.topic, status.storage.topic, and the others Kafka Connect names alike.")
    private Path workerFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> settings = ConfigFiles.read(workerFile);
        RestServer rest = RestServer.start(new RestConfig(settings), RuntimeVersion.get(), "unknown");
        DistributedRuntime runtime;
        try {
            runtime = DistributedRuntime.start(
                    settings, rest.workerId(), rest.advertisedUrl().toString());
        } catch (RuntimeException e) {
            rest.close();
            throw e;
        }
        rest.serve(runtime.control());
        out.println("Worker " + runtime.workerId() + " joined its cluster; REST API at " + rest.advertisedUrl());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            runtime.close();
                            rest.close();
                            stopped.countDown();
                            Logging.stop();
                        },
                        "tributary-shutdown"));
        stopped.await();
        return 0;
    }
}
