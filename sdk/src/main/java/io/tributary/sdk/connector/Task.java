package io.tributary.sdk.connector;

import io.tributary.sdk.annotation.Stable;
import io.tributary.sdk.plugin.Versioned;

/**
 * What every task does, whether it is a {@link io.tributary.sdk.source.SourceTask} or a {@link
 * io.tributary.sdk.sink.SinkTask}: it moves data for one share of a connector's work, described by
 * the configuration its connector made for it.
 *
 * <p>The runtime makes an instance with the public no-argument constructor, starts it once, drives it
 * from one task thread, and stops it once. {@link #stop()} may come from another thread while the
 * task thread is inside a call; see each kind of task for details.
 */
@Stable
public interface Task extends Versioned {

    /**
     * Stops the task: signals its work to end and releases resources. Called once; the instance is
     * then discarded. Must not block for long.
     */
    void stop();
}
