package io.tributary.testkit.harness;

import io.tributary.testkit.TestKitAssertions;

/**
 * The one entry point for the harness's assertions, beside all of the test kit's and AssertJ's: one
 * static import.
 *
 * <pre>{@code
 * import static io.tributary.testkit.harness.HarnessAssertions.*;
 *
 * assertThat(connector).eventually().isRunning();
 * assertThatTopic(kafka, topic).hasRecordCount(3);      // the test kit's, as usual
 * assertThat(List.of(1, 2)).hasSize(2);                 // AssertJ's, as usual
 * }</pre>
 */
public class HarnessAssertions extends TestKitAssertions {

    /** For static use; subclass only to add assertions of your own. */
    protected HarnessAssertions() {}

    /**
     * Starts assertions on a connector's state and its tasks'. Each checks once, now, unless {@link
     * ConnectorAssert#eventually()} or {@link ConnectorAssert#within(java.time.Duration)} makes it wait.
     *
     * @param connector a connector that a {@link ConnectorHarness} deployed
     * @return the assertion
     */
    public static ConnectorAssert assertThat(DeployedConnector connector) {
        return new ConnectorAssert(connector);
    }
}
