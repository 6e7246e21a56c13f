package io.tributary.runtime.cli;

import io.tributary.runtime.rest.RestConfig;
import io.tributary.runtime.rest.RestServer;
import io.tributary.runtime.standalone.ConfigFiles;
import io.tributary.runtime.standalone.StandaloneRuntime;
import io.tributary.runtime.worker.WorkerConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tributary standalone}: one worker in this process, running the connectors given as files. */
@Command(
        name = "standalone",
        description = "Runs a worker in this process with the connectors given as .properties or .json files, and"
                + " serves the REST API (listeners, by default http://localhost:8083).")
final class StandaloneCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--dev",
            description = "Start a single-node Kafka broker in this process when bootstrap.servers is not set.")
    private boolean dev;

    @Parameters(index = "0", paramLabel = "WORKER_PROPERTIES", description = "The worker's settings.")
    private Path workerFile;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "CONNECTOR", description = "Connector configurations.")
    private List<Path> connectorFiles = List.of();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> settings = new HashMap<>(ConfigFiles.read(workerFile));
        DevKafka broker = null;
        if (dev && !settings.containsKey(WorkerConfig.BOOTSTRAP_SERVERS)) {
            broker = ServiceLoader.load(DevKafka.class)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "--dev needs the dev-kafka module on the class path; start Tributary with bin/tributary, which"
                                    + " adds it"));
            Path data = Files.createTempDirectory("tributary-dev-kafka");
            String bootstrap = broker.start(data);
            settings.put(WorkerConfig.BOOTSTRAP_SERVERS, bootstrap);
            out.println("Started a development Kafka broker at " + bootstrap + " (data in " + data + ")");
            out.flush();
        }
        DevKafka devBroker = broker;
        RestServer rest = RestServer.start(new RestConfig(settings), RuntimeVersion.get(), "unknown");
        StandaloneRuntime runtime = StandaloneRuntime.start(settings, rest.workerId());
        rest.serve(runtime.control());
        out.println("REST API at " + rest.advertisedUrl());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            rest.close();
                            runtime.close();
                            if (devBroker != null) {
                                devBroker.close();
                            }
                            stopped.countDown();
                            Logging.stop();
                        },
                        "tributary-shutdown"));
        for (Path file : connectorFiles) {
            Map<String, String> connector = ConfigFiles.read(file);
            runtime.deploy(connector);
            out.println("Deployed connector " + connector.get("name") + " from " + file);
            out.flush();
        }
        stopped.await();
        return 0;
    }
}
