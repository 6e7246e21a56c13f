package io.tributary.runtime.worker;

import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * What a worker gives every task runner it starts.
 *
 * @param settings the worker settings tasks use
 * @param status told of every task's state changes
 * @param clock the clock for commit intervals and retry deadlines
 * @param stopper runs a task's {@code stop()} when the worker stops it, so that one slow task does not hold
 *     up the stopping of the others
 */
record RunnerServices(TaskSettings settings, StatusListener status, Clock clock, Executor stopper) {}
