/**
 * The connector harness: {@link io.tributary.testkit.harness.WithConnectorHarness} runs a Tributary worker
 * in the test JVM against the cluster of {@link io.tributary.testkit.WithKafka}, a {@link
 * io.tributary.testkit.harness.ConnectorHarness} parameter deploys connectors onto it, and {@link
 * io.tributary.testkit.harness.HarnessAssertions} asserts on the state of the connectors and their tasks,
 * beside every assertion of the test kit and AssertJ.
 */
package io.tributary.testkit.harness;
