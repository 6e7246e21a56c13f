/**
 * Sink connectors, which write data from Kafka to an external system: {@link
 * io.tributary.sdk.sink.SinkConnector} splits the work, {@link io.tributary.sdk.sink.SinkTask} receives
 * {@link io.tributary.sdk.sink.SinkRecord}s through {@code put} and says through {@code preCommit} how
 * far it has durably written, which bounds the consumer offsets the runtime commits. Records a task
 * cannot write go to the {@link io.tributary.sdk.sink.ErrantRecordReporter}.
 */
@Stable
package io.tributary.sdk.sink;

import io.tributary.sdk.annotation.Stable;
