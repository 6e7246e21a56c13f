package io.tributary.runtime.control;

/**
 * The outcome of writing a connector's configuration.
 *
 * @param created whether the connector is new, rather than updated
 * @param connector the connector as it is now configured
 */
public record ConfigUpdate(boolean created, ConnectorInfo connector) {}
