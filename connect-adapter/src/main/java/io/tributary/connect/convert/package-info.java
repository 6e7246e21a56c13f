/**
 * Schemas, values, headers, records and settings between the Tributary SDK and Apache Kafka Connect's API, both
 * ways.
 */
package io.tributary.connect.convert;
