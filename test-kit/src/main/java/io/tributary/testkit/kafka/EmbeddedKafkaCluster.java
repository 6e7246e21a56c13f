package io.tributary.testkit.kafka;

import java.util.Map;
import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real KRaft cluster inside the test JVM, from Apache Kafka's own artifacts: one combined broker
 * and controller, or several brokers beside one controller. Listens on free localhost ports; its log
 * directories are deleted when it closes.
 *
 * <p>Tests get one through {@link io.tributary.testkit.WithKafka}, which shares and closes it. Programs
 * outside JUnit, such as benchmarks, start their own with {@link #start(int, Map)} and close it:
 *
 * <pre>{@code
 * try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.start(1, Map.of())) {
 *     kafka.createTopic(TopicSpec.named("orders").partitions(3));
 * }
 * }</pre>
 */
public final class EmbeddedKafkaCluster extends AbstractKafkaCluster {
    private final KafkaClusterTestKit cluster;
    private final int brokers;
    private final String bootstrapServers;

    private EmbeddedKafkaCluster(KafkaClusterTestKit cluster, int brokers) {
        this.cluster = cluster;
        this.brokers = brokers;
        this.bootstrapServers = cluster.bootstrapServers();
    }

    /**
     * Formats and starts a cluster and waits until every broker is ready.
     *
     * @param brokers the number of brokers, at least 1
     * @param brokerProperties extra broker settings, which win over the test kit's
     * @return the running cluster; close it when done
     * @throws IllegalStateException if the cluster does not start
     */
    public static EmbeddedKafkaCluster start(int brokers, Map<String, String> brokerProperties) {
        short replication = (short) Math.min(brokers, 3);
        // One broker doubles as the controller; with several, a separate controller lets any broker stop.
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(brokers == 1)
                .setNumBrokerNodes(brokers)
                .setNumControllerNodes(1)
                .setBootstrapMetadataVersion(MetadataVersion.LATEST_PRODUCTION)
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes)
                .setDeleteOnClose(true)
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("offsets.topic.replication.factor", String.valueOf(replication))
                .setConfigProp("offsets.topic.num.partitions", "5")
                .setConfigProp("transaction.state.log.replication.factor", String.valueOf(replication))
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("default.replication.factor", "1")
                .setConfigProp("num.partitions", "1")
                .setConfigProp("auto.create.topics.enable", "true")
                .setConfigProp("log.flush.interval.messages", "1")
                // Tests often write records with fixed, old timestamps; time-based retention would delete them
                // minutes into a run (at the broker's next retention check), so data is kept until the broker stops.
                .setConfigProp("log.retention.ms", "-1");
        brokerProperties.forEach(builder::setConfigProp);
        KafkaClusterTestKit cluster = null;
        try {
            cluster = builder.build();
            formatQuietly(cluster);
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafkaCluster(cluster, brokers);
        } catch (Exception e) {
            closeQuietly(cluster, e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException(
                    "Cannot start an embedded Kafka cluster of " + brokers + " broker(s): " + e, e);
        }
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public String description() {
        return "embedded KRaft cluster (" + brokers + (brokers == 1 ? " broker)" : " brokers)");
    }

    @Override
    public void stopBroker(int brokerId) {
        BrokerServer broker = cluster.brokers().get(brokerId);
        if (broker == null) {
            throw new IllegalArgumentException("No broker " + brokerId + " in " + description() + "; brokers are "
                    + cluster.brokers().keySet());
        }
        if (brokers == 1) {
            throw new UnsupportedOperationException("The only broker of " + description() + " also runs the"
                    + " controller; use @WithKafka(brokers = 3, dedicated = true) to stop a broker");
        }
        broker.shutdown();
        broker.awaitShutdown();
    }

    @Override
    public void close() {
        super.close();
        try {
            cluster.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Cannot close " + description() + " cleanly: " + e, e);
        }
    }

    /**
     * Formats the nodes' storage. Kafka's formatter prints the bootstrap metadata to standard output, a
     * long line in every test's output: while it runs, that line alone is dropped, and everything else
     * written to standard output, by any thread, passes through.
     */
    private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(original, true) {
            @Override
            public void println(String line) {
                if (line == null || !line.startsWith("Bootstrap metadata: ")) {
                    super.println(line);
                }
            }
        });
        try {
            cluster.format();
        } finally {
            System.setOut(original);
        }
    }

    private static void closeQuietly(KafkaClusterTestKit cluster, Exception failure) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
