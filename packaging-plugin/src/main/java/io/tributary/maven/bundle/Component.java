package io.tributary.maven.bundle;

import java.util.List;

/**
 * A plugin class a bundle holds, as its manifest and its configuration reference describe it.
 *
 * @param kind {@code source}, {@code sink}, {@code converter}, {@code header_converter}, {@code
 *     transformation}, {@code predicate} or {@code config_provider}
 * @param className its class
 * @param version its version; empty when it does not say
 * @param settings the settings it takes
 */
public record Component(String kind, String className, String version, List<Setting> settings) {
    /** Copies the settings. */
    public Component {
        settings = List.copyOf(settings);
    }

    /**
     * One setting of a component.
     *
     * @param name its name
     * @param type its type, such as {@code STRING}
     * @param defaultValue its default as text; null when it is required
     * @param importance {@code HIGH}, {@code MEDIUM} or {@code LOW}
     * @param documentation what it means
     * @param group the group it is shown in; may be empty
     */
    public record Setting(
            String name, String type, String defaultValue, String importance, String documentation, String group) {
        /** @return whether a configuration must set it */
        public boolean required() {
            return defaultValue == null;
        }
    }
}
