/**
 * The worker's REST API, compatible with Kafka Connect's: the same paths, verbs, JSON bodies, status codes
 * and error bodies, so the tools people point at Connect work unchanged. HTTP server types stay in this
 * package, and it reaches the engine only through {@link io.tributary.runtime.control.ConnectorControl}.
 */
package io.tributary.runtime.rest;
