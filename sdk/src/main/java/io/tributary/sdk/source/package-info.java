/**
 * Source connectors, which bring data from an external system into Kafka: {@link
 * io.tributary.sdk.source.SourceConnector} splits the work, {@link io.tributary.sdk.source.SourceTask}
 * polls {@link io.tributary.sdk.source.SourceRecord}s, each carrying a source partition and offset
 * that the runtime commits once Kafka acknowledged the record, so a restarted task resumes through
 * {@link io.tributary.sdk.source.OffsetStorageReader} without losing data.
 */
@Stable
package io.tributary.sdk.source;

import io.tributary.sdk.annotation.Stable;
