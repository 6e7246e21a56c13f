package io.tributary.testkit.harness;

import static io.tributary.testkit.harness.HarnessAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.tributary.testkit.WithKafka;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs test classes that misuse the harness and checks that each fails at once, before any cluster or
 * worker starts, with a message that says what to change. The fixtures are nested classes, which the
 * build's test runs leave out; only this test runs them.
 */
class HarnessMisuseTest {

    private static Throwable failureOf(Class<?> fixture) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(fixture))
                                .build(),
                        listener);
        List<TestExecutionSummary.Failure> failures = listener.getSummary().getFailures();
        assertThat(failures).as("failures of %s", fixture.getSimpleName()).hasSize(1);
        return failures.get(0).getException();
    }

    @Test
    void aHarnessWithoutKafkaSaysToAddWithKafka() {
        assertThat(failureOf(WithoutKafka.class))
                .hasMessageContaining("@WithConnectorHarness on WithoutKafka needs a Kafka cluster for its worker:"
                        + " add @WithKafka to WithoutKafka");
    }

    @Test
    void aWorkerSettingWithoutAValueSaysHowItShouldLook() {
        assertThat(failureOf(SettingWithoutValue.class))
                .hasMessageContaining("Worker setting \"offset.flush.interval.ms\" in @WithConnectorHarness on"
                        + " SettingWithoutValue must look like key=value");
    }

    @Test
    void bootstrapServersInTheWorkerSettingsSaysWhereTheClusterComesFrom() {
        assertThat(failureOf(BootstrapServersSetting.class))
                .hasMessageContaining("cannot be set: the worker runs against the cluster of @WithKafka; remove it");
    }

    @Test
    void aTestWithAKafkaClusterOfItsOwnSaysToMoveIt() {
        assertThat(failureOf(KafkaOnTheMethod.class))
                .hasMessageContaining("@WithKafka on KafkaOnTheMethod.test() gives it another Kafka cluster than the"
                        + " connector worker of KafkaOnTheMethod runs against");
    }

    @Test
    void theExtensionWithoutItsAnnotationSaysToAddTheAnnotation() {
        assertThat(failureOf(ExtensionWithoutAnnotation.class))
                .hasMessageContaining("A ConnectorHarness parameter needs @WithConnectorHarness (and @WithKafka) on"
                        + " the test class");
    }

    @WithConnectorHarness
    static class WithoutKafka {
        @Test
        void test(ConnectorHarness harness) {}
    }

    @WithKafka
    @WithConnectorHarness(workerSettings = "offset.flush.interval.ms")
    static class SettingWithoutValue {
        @Test
        void test(ConnectorHarness harness) {}
    }

    @WithKafka
    @WithConnectorHarness(workerSettings = "bootstrap.servers=localhost:9092")
    static class BootstrapServersSetting {
        @Test
        void test(ConnectorHarness harness) {}
    }

    @WithKafka
    @WithConnectorHarness
    static class KafkaOnTheMethod {
        @Test
        @WithKafka(dedicated = true)
        void test(ConnectorHarness harness) {}
    }

    @ExtendWith(ConnectorHarnessExtension.class)
    static class ExtensionWithoutAnnotation {
        @Test
        void test(ConnectorHarness harness) {}
    }
}
