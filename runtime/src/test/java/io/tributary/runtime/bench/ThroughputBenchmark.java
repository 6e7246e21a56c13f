package io.tributary.runtime.bench;

import io.tributary.runtime.standalone.StandaloneRuntime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Measures, in one run on one embedded broker, records per second of: the raw producer (with the
 * runtime's producer settings, and with Kafka Connect's one-request-in-flight settings), the runtime's
 * source path, the raw consumer, and the runtime's sink path. Values are 100 bytes, the converter is the
 * string converter, and the tasks cost nothing. Ratios within one run are what to compare; absolute
 * figures depend on the machine.
 *
 * <pre>
 * ./mvnw -q -pl runtime -am test-compile -Dspotless.skip=true
 * ./mvnw -q -pl runtime exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.tributary.runtime.bench.ThroughputBenchmark -Dexec.args="500000"
 * </pre>
 */
public final class ThroughputBenchmark {
    private static final byte[] VALUE = "x".repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private ThroughputBenchmark() {}

    /**
     * @param args the number of records per measurement (default 500000)
     * @throws Exception if the broker or a client fails
     */
    @SuppressWarnings("try") // KafkaClusterTestKit.close() declares InterruptedException; main may throw it
    public static void main(String[] args) throws Exception {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 500_000;
        try (KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .setBootstrapMetadataVersion(MetadataVersion.LATEST_PRODUCTION)
                        .build())
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setDeleteOnClose(true)
                .build()) {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            String bootstrap = cluster.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(
                                new NewTopic("raw", 1, (short) 1),
                                new NewTopic("raw-connect-defaults", 1, (short) 1),
                                new NewTopic("tributary", 1, (short) 1)))
                        .all()
                        .get();
            }
            System.out.printf("Records per measurement: %,d (100-byte values, 1 partition)%n", count);
            // Warm up the JIT and the broker on a throwaway run of each path.
            rawProducer(bootstrap, "raw", count / 5, true);
            double rawProduce = rawProducer(bootstrap, "raw", count, true);
            double rawProduceConnect = rawProducer(bootstrap, "raw-connect-defaults", count, false);
            double source = sourcePath(bootstrap, count);
            double rawConsume = rawConsumer(bootstrap, "raw", count + count / 5);
            double sink = sinkPath(bootstrap, count);
            System.out.println();
            report("raw producer (runtime's settings)", rawProduce, rawProduce);
            report("raw producer (1 in flight, linger 0)", rawProduceConnect, rawProduce);
            report("Tributary source path", source, rawProduce);
            report("raw consumer", rawConsume, rawConsume);
            report("Tributary sink path", sink, rawConsume);
        }
    }

    private static void report(String what, double perSecond, double baseline) {
        System.out.printf("%-40s %,12.0f records/s  (%.2f of the raw client)%n", what, perSecond, perSecond / baseline);
    }

    private static double rawProducer(String bootstrap, String topic, long count, boolean runtimeSettings)
            throws InterruptedException {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, runtimeSettings ? 5 : 1);
        config.put(ProducerConfig.LINGER_MS_CONFIG, runtimeSettings ? 5 : 0);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, runtimeSettings ? 64 * 1024 : 16 * 1024);
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong acked = new AtomicLong();
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, VALUE), (metadata, error) -> {
                    if (acked.incrementAndGet() == count) {
                        done.countDown();
                    }
                });
            }
            done.await();
        }
        return count / seconds(start);
    }

    private static double rawConsumer(String bootstrap, String topic, long count) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        long start = System.nanoTime();
        long read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (read < count) {
                read += consumer.poll(Duration.ofMillis(100)).count();
            }
        }
        return count / seconds(start);
    }

    private static double sourcePath(String bootstrap, long count) throws InterruptedException {
        try (StandaloneRuntime runtime = StandaloneRuntime.start(worker(bootstrap))) {
            BenchConnectors.SOURCE_ACKED.set(0);
            long start = System.nanoTime();
            runtime.deploy(Map.of(
                    "name",
                    "bench-source",
                    "connector.class",
                    BenchConnectors.Source.class.getName(),
                    "topic",
                    "tributary",
                    "count",
                    Long.toString(count)));
            await(BenchConnectors.SOURCE_ACKED::get, count);
            return count / seconds(start);
        }
    }

    private static double sinkPath(String bootstrap, long count) throws InterruptedException {
        try (StandaloneRuntime runtime = StandaloneRuntime.start(worker(bootstrap))) {
            BenchConnectors.SINK_RECEIVED.set(0);
            long start = System.nanoTime();
            runtime.deploy(Map.of(
                    "name", "bench-sink",
                    "connector.class", BenchConnectors.Sink.class.getName(),
                    "topics", "tributary"));
            await(BenchConnectors.SINK_RECEIVED::get, count);
            return count / seconds(start);
        }
    }

    private static Map<String, String> worker(String bootstrap) {
        return Map.of(
                "bootstrap.servers", bootstrap,
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", "org.apache.kafka.connect.storage.StringConverter",
                "offset.flush.interval.ms", "1000");
    }

    private static void await(LongSupplier progress, long target) throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        while (progress.getAsLong() < target) {
            never.await(5, TimeUnit.MILLISECONDS);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
