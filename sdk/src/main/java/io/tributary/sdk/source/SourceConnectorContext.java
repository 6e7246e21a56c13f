package io.tributary.sdk.source;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.connector.ConnectorContext;

/** The runtime's side of a running source connector. */
@Stable
public interface SourceConnectorContext extends ConnectorContext {

    /**
     * Reads the offsets this connector's tasks have committed, so the connector can plan task
     * assignments around progress already made.
     *
     * @return the reader; never null
     */
    OffsetStorageReader offsetReader();
}
