/**
 * Two small connectors for the demo that {@code bin/tributary} runs on a bare machine: {@link
 * io.tributary.runtime.examples.DemoSourceConnector} writes numbered greetings to a topic and {@link
 * io.tributary.runtime.examples.DemoFileSinkConnector} appends what it reads to a file, each saying on
 * standard output what it does. They show the SDK at work; real connectors live in their own projects.
 */
package io.tributary.runtime.examples;
