/**
 * Task drivers: run one source or sink task in the test's thread, without Kafka, doing what the
 * runtime would around it, so a connector author can check in milliseconds how a task handles offsets,
 * restarts, rebalances and failures. {@link io.tributary.testkit.driver.SourceTaskDriver} polls a
 * {@link io.tributary.sdk.source.SourceTask}, acknowledges its records and keeps the committed source
 * offsets in memory; {@link io.tributary.testkit.driver.SinkTaskDriver} feeds a {@link
 * io.tributary.sdk.sink.SinkTask} batches, tracks consumer positions and committed offsets, and
 * honours what the task asks of its context. A driver keeps all its state in the instance; build a new
 * one per test.
 */
@Evolving
package io.tributary.testkit.driver;

import io.tributary.sdk.annotation.Evolving;
