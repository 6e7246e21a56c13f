package io.tributary.testkit.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a Tributary worker running in the test JVM, against the Kafka cluster of the
 * class's {@link io.tributary.testkit.WithKafka @WithKafka}, and injects a {@link ConnectorHarness} into
 * parameters of test methods, lifecycle methods and constructors.
 *
 * <pre>{@code
 * @WithKafka
 * @WithConnectorHarness(workerSettings = {
 *     "key.converter=org.apache.kafka.connect.storage.StringConverter",
 *     "value.converter=org.apache.kafka.connect.storage.StringConverter"})
 * class OrdersSourceIT {
 *     @Test
 *     void writesOrders(ConnectorHarness harness, KafkaCluster kafka) {
 *         String topic = kafka.createTopic("orders", 1);
 *         DeployedConnector source = harness.deploy(Map.of(
 *                 "name", "orders-source", "connector.class", "com.example.OrdersSourceConnector", "topic", topic))
 *                 .awaitRunning();
 *         assertThatTopic(kafka, topic).hasRecordCount(3);
 *         assertThat(source).isRunning();
 *     }
 * }
 * }</pre>
 *
 * <p>The class needs {@code @WithKafka} too; the harness fails the test and says so when it is missing.
 * One worker serves all tests of the class: it starts when a test first asks for the harness and stops
 * after the class. Connectors are removed when the test (or lifecycle scope) that deployed them ends, so
 * tests can reuse connector names.
 *
 * <p>The worker starts with {@code offset.flush.interval.ms=500}, so offsets are committed quickly
 * enough for a test to see them, and the runtime's defaults otherwise (JSON converters, source offsets
 * in memory). {@link #workerSettings()} adds to or overrides these. Connectors and converters found on
 * the test's class path are available without a {@code plugin.path}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ConnectorHarnessExtension.class)
public @interface WithConnectorHarness {

    /**
     * @return worker settings as {@code key=value}, such as {@code
     *     "value.converter=org.apache.kafka.connect.storage.StringConverter"} or {@code
     *     "plugin.path=target/plugins"}; {@code bootstrap.servers} comes from the Kafka cluster and cannot
     *     be set here
     */
    String[] workerSettings() default {};
}
