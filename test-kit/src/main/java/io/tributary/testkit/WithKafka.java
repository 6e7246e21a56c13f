package io.tributary.testkit;

import io.tributary.testkit.kafka.KafkaExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class or method a real Kafka cluster, injected into parameters of type {@link
 * KafkaCluster} (test methods, lifecycle methods, constructors).
 *
 * <pre>{@code
 * @WithKafka                                   // the JVM's shared single-broker cluster
 * class RoundTripIT { ... }
 *
 * @WithKafka(brokers = 3, dedicated = true)    // a cluster of its own, which the test may break
 * class ReplicationIT { ... }
 * }</pre>
 *
 * <p>Clusters are shared per JVM by shape (provider, brokers, broker properties) and closed when the
 * test run ends; a {@code dedicated} cluster belongs to the annotated class or method and is closed
 * after it. An annotation on a method wins over one on its class.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(KafkaExtension.class)
public @interface WithKafka {

    /** @return the number of brokers; more than one works with the embedded provider only */
    int brokers() default 1;

    /** @return whether the test gets a cluster of its own instead of the shared one */
    boolean dedicated() default false;

    /** @return where the cluster comes from; {@link Provider#DEFAULT} follows the {@code kafka.provider} setting */
    Provider provider() default Provider.DEFAULT;

    /** @return extra broker settings as {@code key=value}, such as {@code "log.retention.ms=1000"} */
    String[] brokerProperties() default {};
}
