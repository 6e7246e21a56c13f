/**
 * What a worker, or a cluster of workers, can be asked to do: create, configure, pause, stop, restart and
 * delete connectors, read their status and offsets, list plugins and validate configurations. The REST API
 * and nothing else reaches the engine through {@link io.tributary.runtime.control.ConnectorControl}; the
 * values it returns are plain records, free of HTTP and of engine types, so standalone and distributed mode
 * can each answer them their own way.
 */
package io.tributary.runtime.control;
