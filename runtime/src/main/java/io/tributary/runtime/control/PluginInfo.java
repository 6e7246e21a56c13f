package io.tributary.runtime.control;

/**
 * A plugin class a worker can run.
 *
 * @param className its fully qualified class name
 * @param type {@code source}, {@code sink}, {@code converter}, {@code header_converter},
 *     {@code transformation}, {@code predicate} or {@code config_provider}
 * @param version the version it reports
 */
public record PluginInfo(String className, String type, String version) {}
