/**
 * The parts of answering a {@link io.tributary.runtime.control.ConnectorControl} request that do not depend
 * on the mode a worker runs in: listing plugins and their settings, building validation reports, showing
 * configurations without their secrets, reading and changing a sink connector's consumer-group offsets, and
 * logger levels. Standalone and distributed mode build their answers from these.
 */
package io.tributary.runtime.operations;
