package io.tributary.sdk.sink;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.connector.ConnectorContext;

/** The runtime's side of a running sink connector. */
@Stable
public interface SinkConnectorContext extends ConnectorContext {}
