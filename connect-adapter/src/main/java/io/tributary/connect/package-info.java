/**
 * Runs Tributary SDK plugins on Apache Kafka Connect. Each class here is the Connect side of one kind of SDK
 * plugin; a connector's Connect bundle, built by the Tributary Maven plugin, holds one generated subclass per SDK
 * plugin (named by {@link io.tributary.connect.ConnectNames}) that gives it the SDK plugin to run. The {@code
 * convert} package converts data, records and settings between the two APIs, both ways; the Tributary runtime
 * uses it to run Connect plugins.
 */
package io.tributary.connect;
