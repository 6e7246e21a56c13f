/**
 * Small connectors built into the worker, to try it without any plugin ({@code bin/tributary standalone --dev
 * config/demo-worker.properties config/demo-source.json config/demo-sink.json}):
 * {@link io.tributary.runtime.examples.DemoSourceConnector} writes numbered greetings to a topic and {@link
 * io.tributary.runtime.examples.DemoFileSinkConnector} appends what it reads to a file, each saying on
 * standard output what it does. To watch a cluster fail over, {@link
 * io.tributary.runtime.examples.CounterSourceConnector} counts in several tasks, resuming from offsets. They
 * show the SDK at work; real connectors live in their own projects.
 */
package io.tributary.runtime.examples;
