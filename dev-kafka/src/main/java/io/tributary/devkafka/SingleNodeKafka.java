package io.tributary.devkafka;

import io.tributary.runtime.cli.DevKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One KRaft node that is both broker and controller, on free localhost ports, with its data in the
 * given folder (deleted on close). Meant for demos and development, never for production: one replica,
 * no security.
 */
public final class SingleNodeKafka implements DevKafka {
    private static final int NODE_ID = 1;

    private KafkaRaftServer server;
    private Path data;

    @Override
    public String start(Path dataDirectory) throws Exception {
        this.data = dataDirectory;
        int brokerPort = freePort();
        int controllerPort = freePort();
        Path logs = Files.createDirectories(dataDirectory.resolve("logs"));
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.put("log.dirs", logs.toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("num.partitions", "1");
        new Formatter()
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(NODE_ID)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logs.toString())
                .setDirectories(List.of(logs.toString()))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                .run();
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        return "localhost:" + brokerPort;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
        if (data != null) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete the dev broker's data in " + data, e);
            }
        }
    }
}
