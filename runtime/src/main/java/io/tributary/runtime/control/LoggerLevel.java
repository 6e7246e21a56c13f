package io.tributary.runtime.control;

/**
 * A logger's level.
 *
 * @param level the level, such as {@code INFO}
 * @param lastModified when it was last set through the API, in ms since the epoch; null if never
 */
public record LoggerLevel(String level, Long lastModified) {}
