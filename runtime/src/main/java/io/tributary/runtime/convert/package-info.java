/**
 * The converters the runtime ships: {@link io.tributary.runtime.convert.JsonConverter}, string, byte array and
 * number converters, and {@link io.tributary.runtime.convert.SimpleHeaderConverter} for headers. Each writes the
 * bytes Kafka Connect's converter of the same name writes and reads what that converter wrote, so a topic can move
 * between a Connect worker and a Tributary worker without rewriting its data. {@link
 * io.tributary.runtime.convert.BuiltInConverters} maps Connect's class names and short aliases to these classes.
 */
package io.tributary.runtime.convert;
